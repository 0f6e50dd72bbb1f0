-- CreateEnum
CREATE TYPE "OrgLevel" AS ENUM ('SCHOOL', 'COLLEGE', 'BRANCH', 'GROUP');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('TEACHER', 'STUDENT', 'RETIRED', 'MIXED', 'ADMIN');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('FULL', 'PROBATIONARY');

-- CreateEnum
CREATE TYPE "MemberCategory" AS ENUM ('TEACHER', 'STAFF', 'STUDENT', 'RETIRED');

-- CreateEnum
CREATE TYPE "CadreLevel" AS ENUM ('SCHOOL_LEADER', 'MIDDLE_CADRE', 'NONE');

-- CreateEnum
CREATE TYPE "DevelopmentStage" AS ENUM ('APPLICANT', 'ACTIVIST', 'DEVELOPMENT_TARGET', 'PROBATIONARY', 'FULL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ORG_ADMIN', 'LEADER', 'SECRETARY', 'MEMBER', 'INSPECTOR');

-- CreateEnum
CREATE TYPE "LineageKind" AS ENUM ('SPLIT', 'MERGE', 'RENAME');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "parentId" UUID,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "code" TEXT NOT NULL,
    "level" "OrgLevel" NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "OrgPlacement" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "parentId" UUID,
    "path" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgPlacement_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "OrgLineage" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "fromOrgId" UUID NOT NULL,
    "toOrgId" UUID NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgLineage_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Department" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Member" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthDate" DATE,
    "phone" TEXT,
    "status" "MemberStatus" NOT NULL,
    "category" "MemberCategory" NOT NULL,
    "cadreLevel" "CadreLevel" NOT NULL DEFAULT 'NONE',
    "positions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "developmentStage" "DevelopmentStage" NOT NULL,
    "joinedAt" DATE,
    "fullMemberAt" DATE,
    "orgId" UUID NOT NULL,
    "leftAt" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "User" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "memberId" UUID,
    "locale" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "failedLoginWindowStart" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" TIMESTAMPTZ(3),
    "passwordChangedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "orgId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE INDEX "Organization_tenantId_parentId_idx" ON "Organization"("tenantId", "parentId");

-- CreateIndex
CREATE INDEX "Organization_tenantId_path_prefix_idx" ON "Organization"("tenantId", "path" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_tenantId_code_key" ON "Organization"("tenantId", "code");

-- CreateIndex
CREATE INDEX "OrgPlacement_tenantId_orgId_validFrom_idx" ON "OrgPlacement"("tenantId", "orgId", "validFrom");

-- CreateIndex
CREATE INDEX "OrgPlacement_tenantId_path_prefix_idx" ON "OrgPlacement"("tenantId", "path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "OrgLineage_tenantId_fromOrgId_idx" ON "OrgLineage"("tenantId", "fromOrgId");

-- CreateIndex
CREATE INDEX "OrgLineage_tenantId_toOrgId_idx" ON "OrgLineage"("tenantId", "toOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_tenantId_code_key" ON "Department"("tenantId", "code");

-- CreateIndex
CREATE INDEX "Member_tenantId_orgId_idx" ON "Member"("tenantId", "orgId");

-- CreateIndex
CREATE INDEX "Member_tenantId_name_idx" ON "Member"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_number_key" ON "Member"("tenantId", "number");

-- CreateIndex
CREATE INDEX "Membership_tenantId_memberId_validFrom_idx" ON "Membership"("tenantId", "memberId", "validFrom");

-- CreateIndex
CREATE INDEX "Membership_tenantId_orgId_idx" ON "Membership"("tenantId", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "User_tenantId_username_key" ON "User"("tenantId", "username");

-- CreateIndex
CREATE UNIQUE INDEX "User_tenantId_memberId_key" ON "User"("tenantId", "memberId");

-- CreateIndex
CREATE INDEX "RoleAssignment_tenantId_userId_idx" ON "RoleAssignment"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "RoleAssignment_tenantId_orgId_idx" ON "RoleAssignment"("tenantId", "orgId");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_entityType_entityId_idx" ON "AuditEvent"("tenantId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_at_idx" ON "AuditEvent"("tenantId", "at");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OrgPlacement" ADD CONSTRAINT "OrgPlacement_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgPlacement" ADD CONSTRAINT "OrgPlacement_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OrgPlacement" ADD CONSTRAINT "OrgPlacement_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OrgLineage" ADD CONSTRAINT "OrgLineage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgLineage" ADD CONSTRAINT "OrgLineage_tenantId_fromOrgId_fkey" FOREIGN KEY ("tenantId", "fromOrgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OrgLineage" ADD CONSTRAINT "OrgLineage_tenantId_toOrgId_fkey" FOREIGN KEY ("tenantId", "toOrgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_tenantId_orgId_fkey" FOREIGN KEY ("tenantId", "orgId") REFERENCES "Organization"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written SQL from tenant-isolation.sql
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
