-- CreateEnum
CREATE TYPE "OpinionRoundKind" AS ENUM ('OPINION', 'EVALUATION');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('NONE', 'OPEN', 'IN_PROGRESS', 'DONE');

-- AlterTable
ALTER TABLE "AssessmentEntry" ADD COLUMN     "sourceRoundId" UUID;

-- CreateTable
CREATE TABLE "OpinionRound" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "OpinionRoundKind" NOT NULL,
    "orgId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "campaignId" UUID,
    "ratingItemId" TEXT,
    "questions" JSONB NOT NULL DEFAULT '[]',
    "tokenHash" TEXT NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "result" JSONB,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "OpinionRound_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "category" TEXT,
    "body" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "authorName" TEXT,
    "authorContact" TEXT,
    "scores" JSONB,
    "receiptHash" TEXT NOT NULL,
    "clientHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,
    "rectification" "RectificationStatus" NOT NULL DEFAULT 'NONE',
    "rectificationNote" TEXT,
    "rectificationEvidenceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "rectifiedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OpinionRound_tokenHash_key" ON "OpinionRound"("tokenHash");

-- CreateIndex
CREATE INDEX "OpinionRound_tenantId_orgId_idx" ON "OpinionRound"("tenantId", "orgId");

-- CreateIndex
CREATE INDEX "OpinionRound_tenantId_campaignId_idx" ON "OpinionRound"("tenantId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Opinion_receiptHash_key" ON "Opinion"("receiptHash");

-- CreateIndex
CREATE INDEX "Opinion_tenantId_roundId_createdAt_idx" ON "Opinion"("tenantId", "roundId", "createdAt");

-- CreateIndex
CREATE INDEX "Opinion_tenantId_roundId_clientHash_createdAt_idx" ON "Opinion"("tenantId", "roundId", "clientHash", "createdAt");

-- AddForeignKey
ALTER TABLE "AssessmentEntry" ADD CONSTRAINT "AssessmentEntry_tenantId_sourceRoundId_fkey" FOREIGN KEY ("tenantId", "sourceRoundId") REFERENCES "OpinionRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OpinionRound" ADD CONSTRAINT "OpinionRound_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionRound" ADD CONSTRAINT "OpinionRound_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OpinionRound" ADD CONSTRAINT "OpinionRound_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_tenantId_roundId_fkey" FOREIGN KEY ("tenantId", "roundId") REFERENCES "OpinionRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Hand-written SQL from opinions-rls.sql
-- Tenant isolation for opinion collection and mass evaluation (0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"OpinionRound"');
SELECT app_enable_tenant_rls('"Opinion"');

-- A round's public link is opened without a session: its token resolves to the tenant and the
-- round through this definer function, which reveals nothing else. Everything after that runs
-- under the resolved tenant's row-level security.
CREATE OR REPLACE FUNCTION app_opinion_round_for_token(p_token_hash text)
  RETURNS TABLE ("tenantId" uuid, "roundId" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT "tenantId", "id" FROM "OpinionRound" WHERE "tokenHash" = p_token_hash $$;
REVOKE ALL ON FUNCTION app_opinion_round_for_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_opinion_round_for_token(text) TO party_app;

-- A person looks up the answer to their own opinion with the receipt code they were given.
CREATE OR REPLACE FUNCTION app_opinion_for_receipt(p_receipt_hash text)
  RETURNS TABLE ("tenantId" uuid, "opinionId" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT "tenantId", "id" FROM "Opinion" WHERE "receiptHash" = p_receipt_hash $$;
REVOKE ALL ON FUNCTION app_opinion_for_receipt(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_opinion_for_receipt(text) TO party_app;
