-- DropIndex
DROP INDEX "CampaignLeader_tenantId_campaignId_memberId_key";

-- AlterTable
ALTER TABLE "CampaignLeader" ADD COLUMN     "removedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "CampaignLeader_tenantId_campaignId_idx" ON "CampaignLeader"("tenantId", "campaignId");