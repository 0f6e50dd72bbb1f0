-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "purpose" TEXT;

-- CreateTable
CREATE TABLE "CampaignTask" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "leadDepartmentId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "signedOffAt" TIMESTAMPTZ(3),
    "signedOffById" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CampaignTask_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "TaskDepartment" (
    "tenantId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TaskDepartment_pkey" PRIMARY KEY ("tenantId","taskId","departmentId")
);

-- CreateTable
CREATE TABLE "TaskOrganization" (
    "tenantId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TaskOrganization_pkey" PRIMARY KEY ("tenantId","taskId","orgId")
);

-- CreateTable
CREATE TABLE "TaskUpdate" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "percent" INTEGER,
    "evidenceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskUpdate_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PracticalMattersList" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticalMattersList_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PracticalMatter" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "listId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "ownerDepartmentId" UUID,
    "ownerOrgId" UUID,
    "dueDate" DATE NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "closingNote" TEXT,
    "evidenceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "carriedFromId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticalMatter_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "SecretaryProject" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "goal" TEXT,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SecretaryProject_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "progress" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ImplementationPlan" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "evidenceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "filedById" UUID NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImplementationPlan_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CalendarToken" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarToken_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "result" JSONB,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "CampaignTask_tenantId_campaignId_idx" ON "CampaignTask"("tenantId", "campaignId");

-- CreateIndex
CREATE INDEX "CampaignTask_tenantId_dueDate_idx" ON "CampaignTask"("tenantId", "dueDate");

-- CreateIndex
CREATE INDEX "TaskOrganization_tenantId_orgId_idx" ON "TaskOrganization"("tenantId", "orgId");

-- CreateIndex
CREATE INDEX "TaskUpdate_tenantId_taskId_idx" ON "TaskUpdate"("tenantId", "taskId");

-- CreateIndex
CREATE UNIQUE INDEX "PracticalMattersList_tenantId_campaignId_periodStart_key" ON "PracticalMattersList"("tenantId", "campaignId", "periodStart");

-- CreateIndex
CREATE INDEX "PracticalMatter_tenantId_listId_idx" ON "PracticalMatter"("tenantId", "listId");

-- CreateIndex
CREATE UNIQUE INDEX "SecretaryProject_tenantId_campaignId_orgId_key" ON "SecretaryProject"("tenantId", "campaignId", "orgId");

-- CreateIndex
CREATE INDEX "ProjectMilestone_tenantId_projectId_idx" ON "ProjectMilestone"("tenantId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "ImplementationPlan_tenantId_campaignId_orgId_key" ON "ImplementationPlan"("tenantId", "campaignId", "orgId");

-- CreateIndex
CREATE INDEX "Notification_tenantId_userId_readAt_idx" ON "Notification"("tenantId", "userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_tenantId_userId_dedupeKey_key" ON "Notification"("tenantId", "userId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarToken_tokenHash_key" ON "CalendarToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarToken_tenantId_userId_idx" ON "CalendarToken"("tenantId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_tenantId_job_periodKey_key" ON "JobRun"("tenantId", "job", "periodKey");

-- AddForeignKey
ALTER TABLE "CampaignTask" ADD CONSTRAINT "CampaignTask_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTask" ADD CONSTRAINT "CampaignTask_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "TaskDepartment" ADD CONSTRAINT "TaskDepartment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskDepartment" ADD CONSTRAINT "TaskDepartment_tenantId_taskId_fkey" FOREIGN KEY ("tenantId", "taskId") REFERENCES "CampaignTask"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "TaskOrganization" ADD CONSTRAINT "TaskOrganization_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskOrganization" ADD CONSTRAINT "TaskOrganization_tenantId_taskId_fkey" FOREIGN KEY ("tenantId", "taskId") REFERENCES "CampaignTask"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "TaskUpdate" ADD CONSTRAINT "TaskUpdate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskUpdate" ADD CONSTRAINT "TaskUpdate_tenantId_taskId_fkey" FOREIGN KEY ("tenantId", "taskId") REFERENCES "CampaignTask"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PracticalMattersList" ADD CONSTRAINT "PracticalMattersList_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalMattersList" ADD CONSTRAINT "PracticalMattersList_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PracticalMatter" ADD CONSTRAINT "PracticalMatter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalMatter" ADD CONSTRAINT "PracticalMatter_tenantId_listId_fkey" FOREIGN KEY ("tenantId", "listId") REFERENCES "PracticalMattersList"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SecretaryProject" ADD CONSTRAINT "SecretaryProject_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretaryProject" ADD CONSTRAINT "SecretaryProject_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_tenantId_projectId_fkey" FOREIGN KEY ("tenantId", "projectId") REFERENCES "SecretaryProject"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ImplementationPlan" ADD CONSTRAINT "ImplementationPlan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationPlan" ADD CONSTRAINT "ImplementationPlan_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarToken" ADD CONSTRAINT "CalendarToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written SQL from tasks-rls.sql
-- Tenant isolation for tasks, lists, projects, plans, notifications and jobs (0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"CampaignTask"');
SELECT app_enable_tenant_rls('"TaskDepartment"');
SELECT app_enable_tenant_rls('"TaskOrganization"');
SELECT app_enable_tenant_rls('"TaskUpdate"');
SELECT app_enable_tenant_rls('"PracticalMattersList"');
SELECT app_enable_tenant_rls('"PracticalMatter"');
SELECT app_enable_tenant_rls('"SecretaryProject"');
SELECT app_enable_tenant_rls('"ProjectMilestone"');
SELECT app_enable_tenant_rls('"ImplementationPlan"');
SELECT app_enable_tenant_rls('"Notification"');
SELECT app_enable_tenant_rls('"CalendarToken"');
SELECT app_enable_tenant_rls('"JobRun"');

-- The calendar feed is fetched by a calendar app without a session: it resolves its token to a
-- tenant and user through this definer function, which reveals nothing else.
CREATE OR REPLACE FUNCTION app_calendar_token_owner(p_token_hash text)
  RETURNS TABLE ("tenantId" uuid, "userId" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT "tenantId", "userId" FROM "CalendarToken" WHERE "tokenHash" = p_token_hash AND "revokedAt" IS NULL $$;
REVOKE ALL ON FUNCTION app_calendar_token_owner(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_calendar_token_owner(text) TO party_app;

-- The scheduler visits every tenant in turn (each visit then runs under that tenant's RLS).
CREATE OR REPLACE FUNCTION app_list_tenant_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT "id" FROM "Tenant" ORDER BY "id" $$;
REVOKE ALL ON FUNCTION app_list_tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_list_tenant_ids() TO party_app;
