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
