-- CreateEnum
CREATE TYPE "PledgeVerdict" AS ENUM ('FULFILLED', 'PARTLY', 'NOT_FULFILLED');

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "pledgeProgressId" UUID;

-- CreateTable
CREATE TABLE "Pledge" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID,
    "orgId" UUID NOT NULL,
    "memberId" UUID,
    "title" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PledgeItem" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "pledgeId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "dueDate" DATE,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "verdict" "PledgeVerdict",
    "verdictComment" TEXT,
    "evaluatedById" UUID,
    "evaluatedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeItem_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PledgeProgress" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeProgress_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PledgeComment" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "pledgeId" UUID NOT NULL,
    "itemId" UUID,
    "authorUserId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeComment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "Pledge_tenantId_orgId_idx" ON "Pledge"("tenantId", "orgId");

-- CreateIndex
CREATE INDEX "Pledge_tenantId_memberId_idx" ON "Pledge"("tenantId", "memberId");

-- CreateIndex
CREATE INDEX "Pledge_tenantId_campaignId_idx" ON "Pledge"("tenantId", "campaignId");

-- CreateIndex
CREATE INDEX "PledgeItem_tenantId_pledgeId_idx" ON "PledgeItem"("tenantId", "pledgeId");

-- CreateIndex
CREATE INDEX "PledgeProgress_tenantId_itemId_idx" ON "PledgeProgress"("tenantId", "itemId");

-- CreateIndex
CREATE INDEX "PledgeComment_tenantId_pledgeId_idx" ON "PledgeComment"("tenantId", "pledgeId");

-- CreateIndex
CREATE INDEX "Evidence_tenantId_pledgeProgressId_idx" ON "Evidence"("tenantId", "pledgeProgressId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_tenantId_pledgeProgressId_fkey" FOREIGN KEY ("tenantId", "pledgeProgressId") REFERENCES "PledgeProgress"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PledgeItem" ADD CONSTRAINT "PledgeItem_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeItem" ADD CONSTRAINT "PledgeItem_tenantId_pledgeId_fkey" FOREIGN KEY ("tenantId", "pledgeId") REFERENCES "Pledge"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PledgeProgress" ADD CONSTRAINT "PledgeProgress_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeProgress" ADD CONSTRAINT "PledgeProgress_tenantId_itemId_fkey" FOREIGN KEY ("tenantId", "itemId") REFERENCES "PledgeItem"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PledgeComment" ADD CONSTRAINT "PledgeComment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeComment" ADD CONSTRAINT "PledgeComment_tenantId_pledgeId_fkey" FOREIGN KEY ("tenantId", "pledgeId") REFERENCES "Pledge"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PledgeComment" ADD CONSTRAINT "PledgeComment_tenantId_itemId_fkey" FOREIGN KEY ("tenantId", "itemId") REFERENCES "PledgeItem"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Hand-written SQL from pledges-rls.sql
-- Tenant isolation for pledges (see 0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"Pledge"');
SELECT app_enable_tenant_rls('"PledgeItem"');
SELECT app_enable_tenant_rls('"PledgeProgress"');
SELECT app_enable_tenant_rls('"PledgeComment"');

-- Attendance rows and campaign links of a record may be removed only while the record is still a
-- draft or returned for correction: once submitted, they feed review and evaluation and stay.
DROP POLICY tenant_delete ON "ActivityAttendance";
CREATE POLICY tenant_delete ON "ActivityAttendance" FOR DELETE USING (
  "tenantId" = app_current_tenant()
  AND EXISTS (
    SELECT 1 FROM "Activity" a
     WHERE a."tenantId" = "ActivityAttendance"."tenantId" AND a."id" = "ActivityAttendance"."activityId"
       AND a."status" IN ('DRAFT', 'RETURNED')
  )
);
GRANT DELETE ON "ActivityAttendance" TO party_app;

DROP POLICY tenant_delete ON "ActivityCampaign";
CREATE POLICY tenant_delete ON "ActivityCampaign" FOR DELETE USING (
  "tenantId" = app_current_tenant()
  AND EXISTS (
    SELECT 1 FROM "Activity" a
     WHERE a."tenantId" = "ActivityCampaign"."tenantId" AND a."id" = "ActivityCampaign"."activityId"
       AND a."status" IN ('DRAFT', 'RETURNED')
  )
);
GRANT DELETE ON "ActivityCampaign" TO party_app;
