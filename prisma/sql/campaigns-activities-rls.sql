-- Tenant isolation for the campaign and activity tables (see 0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"Campaign"');
SELECT app_enable_tenant_rls('"CampaignLeader"');
SELECT app_enable_tenant_rls('"Activity"');
SELECT app_enable_tenant_rls('"ActivityAttendance"');
SELECT app_enable_tenant_rls('"ActivityCampaign"');
SELECT app_enable_tenant_rls('"Evidence"');
