-- Tenant isolation for department staff links (0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"DepartmentStaff"');
