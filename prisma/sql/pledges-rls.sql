-- Tenant isolation for pledges (see 0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"Pledge"');
SELECT app_enable_tenant_rls('"PledgeItem"');
SELECT app_enable_tenant_rls('"PledgeProgress"');
SELECT app_enable_tenant_rls('"PledgeComment"');

-- Attendance rows and campaign links of a record may be removed only while the record is still a
-- draft or returned for correction: once submitted, they feed review and evaluation and stay.
DROP POLICY tenant_delete ON "ActivityAttendance";
CREATE POLICY tenant_delete ON "ActivityAttendance" FOR DELETE USING (
  "tenantId" = app_current_tenant()
  AND EXISTS (
    SELECT 1 FROM "Activity" a
     WHERE a."tenantId" = "ActivityAttendance"."tenantId" AND a."id" = "ActivityAttendance"."activityId"
       AND a."status" IN ('DRAFT', 'RETURNED')
  )
);
GRANT DELETE ON "ActivityAttendance" TO party_app;

DROP POLICY tenant_delete ON "ActivityCampaign";
CREATE POLICY tenant_delete ON "ActivityCampaign" FOR DELETE USING (
  "tenantId" = app_current_tenant()
  AND EXISTS (
    SELECT 1 FROM "Activity" a
     WHERE a."tenantId" = "ActivityCampaign"."tenantId" AND a."id" = "ActivityCampaign"."activityId"
       AND a."status" IN ('DRAFT', 'RETURNED')
  )
);
GRANT DELETE ON "ActivityCampaign" TO party_app;
