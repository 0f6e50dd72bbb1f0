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
