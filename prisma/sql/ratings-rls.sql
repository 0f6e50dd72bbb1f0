-- Tenant isolation for assessments and rating publications (see 0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"AssessmentEntry"');
-- A published rating never changes: the application may insert versions, never update them.
SELECT app_enable_tenant_rls('"RatingPublication"', false);
