-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- AlterTable
ALTER TABLE "ImplementationPlan" ADD COLUMN     "revisedAt" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ProjectMilestone" ADD COLUMN     "evidenceIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "progressAt" TIMESTAMPTZ(3),
ADD COLUMN     "progressById" UUID,
ADD COLUMN     "status" "MilestoneStatus" NOT NULL DEFAULT 'NOT_STARTED';

-- AlterTable
ALTER TABLE "SecretaryProject" ADD COLUMN     "timetable" TEXT;

-- CreateTable
CREATE TABLE "DepartmentStaff" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedById" UUID,

    CONSTRAINT "DepartmentStaff_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "DepartmentStaff_tenantId_userId_idx" ON "DepartmentStaff"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "DepartmentStaff_tenantId_departmentId_idx" ON "DepartmentStaff"("tenantId", "departmentId");

-- AddForeignKey
ALTER TABLE "DepartmentStaff" ADD CONSTRAINT "DepartmentStaff_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentStaff" ADD CONSTRAINT "DepartmentStaff_tenantId_departmentId_fkey" FOREIGN KEY ("tenantId", "departmentId") REFERENCES "Department"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "DepartmentStaff" ADD CONSTRAINT "DepartmentStaff_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Hand-written SQL from department-staff-rls.sql
-- Tenant isolation for department staff links (0001-tenant-isolation.md).
SELECT app_enable_tenant_rls('"DepartmentStaff"');
