-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "CampaignLeaderRole" AS ENUM ('LEADER', 'DEPUTY', 'MEMBER', 'OFFICE_DIRECTOR');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateTable
CREATE TABLE "Campaign" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT,
    "templateCode" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "rootOrgId" UUID NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'ACTIVE',
    "definition" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CampaignLeader" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "role" "CampaignLeaderRole" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignLeader_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "subType" TEXT,
    "date" DATE NOT NULL,
    "startsAt" TIMESTAMPTZ(3),
    "durationHours" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "days" DECIMAL(6,2),
    "place" TEXT,
    "topic" TEXT NOT NULL,
    "content" TEXT,
    "hostMemberId" UUID,
    "selfReportedById" UUID,
    "status" "ActivityStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,
    "voidedAt" TIMESTAMPTZ(3),
    "voidedById" UUID,
    "voidReason" TEXT,
    "recordedById" UUID NOT NULL,
    "idempotencyKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ActivityAttendance" (
    "tenantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT true,
    "absenceReason" TEXT,
    "hours" DECIMAL(6,2),

    CONSTRAINT "ActivityAttendance_pkey" PRIMARY KEY ("tenantId","activityId","memberId")
);

-- CreateTable
CREATE TABLE "ActivityCampaign" (
    "tenantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,

    CONSTRAINT "ActivityCampaign_pkey" PRIMARY KEY ("tenantId","activityId","campaignId")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "activityId" UUID,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "Campaign_tenantId_status_startDate_idx" ON "Campaign"("tenantId", "status", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignLeader_tenantId_campaignId_memberId_key" ON "CampaignLeader"("tenantId", "campaignId", "memberId");

-- CreateIndex
CREATE INDEX "Activity_tenantId_orgId_date_idx" ON "Activity"("tenantId", "orgId", "date");

-- CreateIndex
CREATE INDEX "Activity_tenantId_status_date_idx" ON "Activity"("tenantId", "status", "date");

-- CreateIndex
CREATE INDEX "Activity_tenantId_selfReportedById_idx" ON "Activity"("tenantId", "selfReportedById");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_tenantId_idempotencyKey_key" ON "Activity"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ActivityAttendance_tenantId_memberId_idx" ON "ActivityAttendance"("tenantId", "memberId");

-- CreateIndex
CREATE INDEX "ActivityCampaign_tenantId_campaignId_idx" ON "ActivityCampaign"("tenantId", "campaignId");

-- CreateIndex
CREATE INDEX "Evidence_tenantId_activityId_idx" ON "Evidence"("tenantId", "activityId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_tenantId_rootOrgId_fkey" FOREIGN KEY ("tenantId", "rootOrgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CampaignLeader" ADD CONSTRAINT "CampaignLeader_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignLeader" ADD CONSTRAINT "CampaignLeader_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CampaignLeader" ADD CONSTRAINT "CampaignLeader_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_hostMemberId_fkey" FOREIGN KEY ("tenantId", "hostMemberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_selfReportedById_fkey" FOREIGN KEY ("tenantId", "selfReportedById") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ActivityAttendance" ADD CONSTRAINT "ActivityAttendance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityAttendance" ADD CONSTRAINT "ActivityAttendance_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ActivityAttendance" ADD CONSTRAINT "ActivityAttendance_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ActivityCampaign" ADD CONSTRAINT "ActivityCampaign_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityCampaign" ADD CONSTRAINT "ActivityCampaign_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ActivityCampaign" ADD CONSTRAINT "ActivityCampaign_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Hand-written SQL from campaigns-activities-rls.sql
-- Tenant isolation for the campaign and activity tables (see 0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"Campaign"');
SELECT app_enable_tenant_rls('"CampaignLeader"');
SELECT app_enable_tenant_rls('"Activity"');
SELECT app_enable_tenant_rls('"ActivityAttendance"');
SELECT app_enable_tenant_rls('"ActivityCampaign"');
SELECT app_enable_tenant_rls('"Evidence"');
