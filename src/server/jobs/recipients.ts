import { isWithinSubtree } from "../authz/scope";
import type { TenantTx } from "../tenant-tx";

/**
 * Who is told about a deadline (kept simple on purpose):
 *  - an organization's item (task assigned to it, matter it owns, its secretary project or plan):
 *    the users holding an active SECRETARY role on that very organization;
 *  - a department's item (every task has a lead department; department-owned matters): the
 *    department's staff (DepartmentStaff) and the ORG_ADMIN users whose subtree covers the
 *    campaign.
 * Disabled users are left out.
 */
export async function loadRecipientIndex(tx: TenantTx, tenantId: string) {
  const assignments = await tx.roleAssignment.findMany({
    where: {
      tenantId,
      revokedAt: null,
      role: { in: ["SECRETARY", "ORG_ADMIN"] },
      user: { disabledAt: null },
      org: { validTo: null },
    },
    select: { userId: true, role: true, orgId: true, org: { select: { path: true } } },
  });
  const staffLinks = await tx.departmentStaff.findMany({
    where: {
      tenantId,
      removedAt: null,
      department: { isActive: true },
      user: { disabledAt: null },
    },
    select: { userId: true, departmentId: true },
  });
  const staffByDepartment = new Map<string, Set<string>>();
  for (const l of staffLinks) {
    const set = staffByDepartment.get(l.departmentId) ?? new Set<string>();
    set.add(l.userId);
    staffByDepartment.set(l.departmentId, set);
  }
  const secretariesByOrg = new Map<string, Set<string>>();
  const admins: { userId: string; path: string }[] = [];
  for (const a of assignments) {
    if (a.role === "SECRETARY") {
      const set = secretariesByOrg.get(a.orgId) ?? new Set<string>();
      set.add(a.userId);
      secretariesByOrg.set(a.orgId, set);
    } else admins.push({ userId: a.userId, path: a.org.path });
  }
  return {
    secretariesOf(orgIds: readonly string[]): string[] {
      return [...new Set(orgIds.flatMap((id) => [...(secretariesByOrg.get(id) ?? [])]))];
    },
    staffOf(departmentIds: readonly (string | null)[]): string[] {
      return [
        ...new Set(
          departmentIds.flatMap((id) => (id ? [...(staffByDepartment.get(id) ?? [])] : [])),
        ),
      ];
    },
    adminsOver(rootPath: string): string[] {
      return [
        ...new Set(admins.filter((a) => isWithinSubtree(rootPath, a.path)).map((a) => a.userId)),
      ];
    },
  };
}
