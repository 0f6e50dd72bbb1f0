-- Tenant isolation for signed-in sessions (0001-tenant-isolation.md). Sessions are updated
-- (lastSeenAt, revokedAt) but never deleted by the application.
SELECT app_enable_tenant_rls('"UserSession"');
