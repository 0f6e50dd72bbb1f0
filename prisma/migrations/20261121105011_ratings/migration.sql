-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('MANUAL', 'VETO');

-- CreateTable
CREATE TABLE "AssessmentEntry" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" "AssessmentKind" NOT NULL,
    "points" DECIMAL(6,2),
    "triggered" BOOLEAN,
    "comment" TEXT NOT NULL,
    "enteredById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssessmentEntry_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RatingPublication" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT,
    "asOf" DATE NOT NULL,
    "publishedById" UUID NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "RatingPublication_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "AssessmentEntry_tenantId_campaignId_year_subjectId_idx" ON "AssessmentEntry"("tenantId", "campaignId", "year", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingPublication_tenantId_campaignId_year_version_key" ON "RatingPublication"("tenantId", "campaignId", "year", "version");

-- AddForeignKey
ALTER TABLE "AssessmentEntry" ADD CONSTRAINT "AssessmentEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEntry" ADD CONSTRAINT "AssessmentEntry_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RatingPublication" ADD CONSTRAINT "RatingPublication_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingPublication" ADD CONSTRAINT "RatingPublication_tenantId_campaignId_fkey" FOREIGN KEY ("tenantId", "campaignId") REFERENCES "Campaign"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Hand-written SQL from ratings-rls.sql
-- Tenant isolation for assessments and rating publications (see 0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"AssessmentEntry"');
-- A published rating never changes: the application may insert versions, never update them.
SELECT app_enable_tenant_rls('"RatingPublication"', false);
