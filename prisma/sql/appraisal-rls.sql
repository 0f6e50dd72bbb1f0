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
