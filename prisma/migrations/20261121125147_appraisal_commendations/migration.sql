-- CreateEnum
CREATE TYPE "AppraisalVerdict" AS ENUM ('EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED');

-- CreateEnum
CREATE TYPE "CommendationCategory" AS ENUM ('EXCELLENT_MEMBER', 'EXCELLENT_PARTY_WORKER', 'ADVANCED_ORGANIZATION');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "AppraisalRound" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "openedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AppraisalRound_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AppraisalParticipant" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "status" "MemberStatus" NOT NULL,
    "canVote" BOOLEAN NOT NULL,

    CONSTRAINT "AppraisalParticipant_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AppraisalSelfAssessment" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AppraisalSelfAssessment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AppraisalVoter" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "votedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppraisalVoter_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AppraisalBallotEntry" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "subjectMemberId" UUID NOT NULL,
    "verdict" "AppraisalVerdict" NOT NULL,

    CONSTRAINT "AppraisalBallotEntry_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AppraisalConclusion" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "verdict" "AppraisalVerdict" NOT NULL,
    "note" TEXT,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AppraisalConclusion_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CommendationWindow" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "rootOrgId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "nominationStartsOn" DATE NOT NULL,
    "nominationEndsOn" DATE NOT NULL,
    "campaignId" UUID,
    "minMemberStars" INTEGER NOT NULL,
    "minOrgStars" INTEGER NOT NULL,
    "noticeStartsOn" DATE,
    "noticeEndsOn" DATE,
    "publishedAt" TIMESTAMPTZ(3),
    "finalizedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CommendationWindow_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CommendationNomination" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "windowId" UUID NOT NULL,
    "category" "CommendationCategory" NOT NULL,
    "memberId" UUID,
    "orgId" UUID,
    "nominatingOrgId" UUID NOT NULL,
    "citation" TEXT NOT NULL,
    "eligibility" JSONB NOT NULL,
    "status" "NominationStatus" NOT NULL DEFAULT 'PENDING',
    "reviewNote" TEXT,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "nominatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CommendationNomination_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CommendationObjection" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "windowId" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "filedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "upheld" BOOLEAN,
    "answeredById" UUID,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "CommendationObjection_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalRound_tenantId_orgId_year_key" ON "AppraisalRound"("tenantId", "orgId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalParticipant_tenantId_roundId_memberId_key" ON "AppraisalParticipant"("tenantId", "roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalSelfAssessment_tenantId_roundId_memberId_key" ON "AppraisalSelfAssessment"("tenantId", "roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalVoter_tenantId_roundId_memberId_key" ON "AppraisalVoter"("tenantId", "roundId", "memberId");

-- CreateIndex
CREATE INDEX "AppraisalBallotEntry_tenantId_roundId_subjectMemberId_idx" ON "AppraisalBallotEntry"("tenantId", "roundId", "subjectMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalConclusion_tenantId_roundId_memberId_key" ON "AppraisalConclusion"("tenantId", "roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CommendationWindow_tenantId_rootOrgId_year_key" ON "CommendationWindow"("tenantId", "rootOrgId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "CommendationNomination_tenantId_windowId_category_memberId_key" ON "CommendationNomination"("tenantId", "windowId", "category", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CommendationNomination_tenantId_windowId_category_orgId_key" ON "CommendationNomination"("tenantId", "windowId", "category", "orgId");

-- CreateIndex
CREATE INDEX "CommendationObjection_tenantId_windowId_idx" ON "CommendationObjection"("tenantId", "windowId");

-- AddForeignKey
ALTER TABLE "AppraisalRound" ADD CONSTRAINT "AppraisalRound_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalRound" ADD CONSTRAINT "AppraisalRound_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AppraisalParticipant" ADD CONSTRAINT "AppraisalParticipant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalParticipant" ADD CONSTRAINT "AppraisalParticipant_tenantId_roundId_fkey" FOREIGN KEY ("tenantId", "roundId") REFERENCES "AppraisalRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AppraisalParticipant" ADD CONSTRAINT "AppraisalParticipant_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AppraisalSelfAssessment" ADD CONSTRAINT "AppraisalSelfAssessment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalSelfAssessment" ADD CONSTRAINT "AppraisalSelfAssessment_tenantId_roundId_fkey" FOREIGN KEY ("tenantId", "roundId") REFERENCES "AppraisalRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AppraisalVoter" ADD CONSTRAINT "AppraisalVoter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalVoter" ADD CONSTRAINT "AppraisalVoter_tenantId_roundId_fkey" FOREIGN KEY ("tenantId", "roundId") REFERENCES "AppraisalRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AppraisalBallotEntry" ADD CONSTRAINT "AppraisalBallotEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalBallotEntry" ADD CONSTRAINT "AppraisalBallotEntry_tenantId_roundId_fkey" FOREIGN KEY ("tenantId", "roundId") REFERENCES "AppraisalRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AppraisalConclusion" ADD CONSTRAINT "AppraisalConclusion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalConclusion" ADD CONSTRAINT "AppraisalConclusion_tenantId_roundId_fkey" FOREIGN KEY ("tenantId", "roundId") REFERENCES "AppraisalRound"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationWindow" ADD CONSTRAINT "CommendationWindow_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationWindow" ADD CONSTRAINT "CommendationWindow_tenantId_rootOrgId_fkey" FOREIGN KEY ("tenantId", "rootOrgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationNomination" ADD CONSTRAINT "CommendationNomination_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationNomination" ADD CONSTRAINT "CommendationNomination_tenantId_windowId_fkey" FOREIGN KEY ("tenantId", "windowId") REFERENCES "CommendationWindow"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationNomination" ADD CONSTRAINT "CommendationNomination_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationNomination" ADD CONSTRAINT "CommendationNomination_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationNomination" ADD CONSTRAINT "CommendationNomination_tenantId_nominatingOrgId_fkey" FOREIGN KEY ("tenantId", "nominatingOrgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationObjection" ADD CONSTRAINT "CommendationObjection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationObjection" ADD CONSTRAINT "CommendationObjection_tenantId_windowId_fkey" FOREIGN KEY ("tenantId", "windowId") REFERENCES "CommendationWindow"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CommendationObjection" ADD CONSTRAINT "CommendationObjection_tenantId_nominationId_fkey" FOREIGN KEY ("tenantId", "nominationId") REFERENCES "CommendationNomination"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Hand-written SQL from appraisal-rls.sql
-- Tenant isolation for democratic appraisal and 两优一先 commendations (0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"AppraisalRound"');
SELECT app_enable_tenant_rls('"AppraisalParticipant"', false);
SELECT app_enable_tenant_rls('"AppraisalSelfAssessment"');
-- Who voted and what was voted are two insert-only tables with nothing in common but the round.
SELECT app_enable_tenant_rls('"AppraisalVoter"', false);
SELECT app_enable_tenant_rls('"AppraisalBallotEntry"', false);
SELECT app_enable_tenant_rls('"AppraisalConclusion"');
SELECT app_enable_tenant_rls('"CommendationWindow"');
SELECT app_enable_tenant_rls('"CommendationNomination"');
SELECT app_enable_tenant_rls('"CommendationObjection"');

-- A closed round takes no more ballots or voters, whatever code path tries: the data function
-- checks under a share lock on the round (closing takes an exclusive one), this is the backstop.
CREATE OR REPLACE FUNCTION app_refuse_closed_appraisal_round() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "AppraisalRound"
              WHERE "tenantId" = NEW."tenantId" AND "id" = NEW."roundId" AND "closedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'appraisal round % is closed', NEW."roundId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER appraisal_ballot_entry_open_round BEFORE INSERT ON "AppraisalBallotEntry"
  FOR EACH ROW EXECUTE FUNCTION app_refuse_closed_appraisal_round();
CREATE TRIGGER appraisal_voter_open_round BEFORE INSERT ON "AppraisalVoter"
  FOR EACH ROW EXECUTE FUNCTION app_refuse_closed_appraisal_round();

-- A closed round stays closed.
CREATE OR REPLACE FUNCTION app_keep_appraisal_round_closed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."closedAt" IS NOT NULL AND (NEW."closedAt" IS DISTINCT FROM OLD."closedAt"
      OR NEW."startsOn" <> OLD."startsOn" OR NEW."endsOn" <> OLD."endsOn") THEN
    RAISE EXCEPTION 'appraisal round % is closed', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER appraisal_round_stays_closed BEFORE UPDATE ON "AppraisalRound"
  FOR EACH ROW EXECUTE FUNCTION app_keep_appraisal_round_closed();

-- A finalized commendation list is immutable: the window, its nominations and objections.
CREATE OR REPLACE FUNCTION app_refuse_finalized_commendation() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  window_id uuid;
BEGIN
  IF TG_TABLE_NAME = 'CommendationWindow' THEN
    IF OLD."finalizedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'commendation list % is final', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  window_id := NEW."windowId";
  IF EXISTS (SELECT 1 FROM "CommendationWindow"
              WHERE "tenantId" = NEW."tenantId" AND "id" = window_id AND "finalizedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'commendation list % is final', window_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER commendation_window_final BEFORE UPDATE ON "CommendationWindow"
  FOR EACH ROW EXECUTE FUNCTION app_refuse_finalized_commendation();
CREATE TRIGGER commendation_nomination_final BEFORE INSERT OR UPDATE ON "CommendationNomination"
  FOR EACH ROW EXECUTE FUNCTION app_refuse_finalized_commendation();
CREATE TRIGGER commendation_objection_final BEFORE INSERT OR UPDATE ON "CommendationObjection"
  FOR EACH ROW EXECUTE FUNCTION app_refuse_finalized_commendation();
