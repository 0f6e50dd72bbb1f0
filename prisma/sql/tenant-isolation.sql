-- Tenant isolation, hand-written and appended to the initial migration.
-- The application connects as `party_app`: not a superuser, not the owner of any table, and
-- without BYPASSRLS, so every row it reads or writes passes through the policies below.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'party_app') THEN
    CREATE ROLE party_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO party_app;

-- The tenant of the current transaction, set by the data-access layer with
-- set_config('app.tenant_id', <uuid>, true). Unset (NULL or '') matches no row.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Every tenant table gets the same treatment: RLS enabled and forced, one policy per command,
-- and the grants the application needs. Later migrations call this for each new table; the
-- catalog test (tests/integration/db/rls-catalog.test.ts) fails when one is forgotten.
CREATE OR REPLACE FUNCTION app_enable_tenant_rls(tbl regclass, allow_update boolean DEFAULT true)
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_select ON %s FOR SELECT USING ("tenantId" = app_current_tenant())', tbl);
  EXECUTE format('CREATE POLICY tenant_insert ON %s FOR INSERT WITH CHECK ("tenantId" = app_current_tenant())', tbl);
  IF allow_update THEN
    EXECUTE format('CREATE POLICY tenant_update ON %s FOR UPDATE USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant())', tbl);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %s TO party_app', tbl);
  ELSE
    EXECUTE format('CREATE POLICY tenant_update ON %s FOR UPDATE USING (false)', tbl);
    EXECUTE format('GRANT SELECT, INSERT ON %s TO party_app', tbl);
  END IF;
  -- No DELETE grant: nothing that feeds an evaluation is hard-deleted. The policy still exists
  -- so that a grant added by mistake later cannot cross tenants.
  EXECUTE format('CREATE POLICY tenant_delete ON %s FOR DELETE USING ("tenantId" = app_current_tenant())', tbl);
END
$$;

SELECT app_enable_tenant_rls('"Organization"');
SELECT app_enable_tenant_rls('"OrgPlacement"');
SELECT app_enable_tenant_rls('"OrgLineage"');
SELECT app_enable_tenant_rls('"Department"');
SELECT app_enable_tenant_rls('"Member"');
SELECT app_enable_tenant_rls('"Membership"');
SELECT app_enable_tenant_rls('"User"');
SELECT app_enable_tenant_rls('"RoleAssignment"');
-- Append-only: no UPDATE or DELETE for the application, whatever the tenant.
SELECT app_enable_tenant_rls('"AuditEvent"', false);

-- The tenant table: a session sees only its own tenant. Login resolves a school code through
-- the definer function below, which reveals an id and nothing else.
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_self_select ON "Tenant" FOR SELECT USING ("id" = app_current_tenant());
CREATE POLICY tenant_self_insert ON "Tenant" FOR INSERT WITH CHECK (false);
CREATE POLICY tenant_self_update ON "Tenant" FOR UPDATE USING (false);
CREATE POLICY tenant_self_delete ON "Tenant" FOR DELETE USING (false);
GRANT SELECT ON "Tenant" TO party_app;

CREATE OR REPLACE FUNCTION app_tenant_id_for_slug(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT "id" FROM "Tenant" WHERE "slug" = p_slug $$;
REVOKE ALL ON FUNCTION app_tenant_id_for_slug(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_tenant_id_for_slug(text) TO party_app;
