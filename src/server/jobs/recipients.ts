import { isWithinSubtree } from "../authz/scope";
import type { TenantTx } from "../tenant-tx";

/**
 * Who is told about a deadline (kept simple on purpose):
 *  - an organization's item (task assigned to it, matter it owns, its secretary project or plan):
 *    the users holding an active SECRETARY role on that very organization;
 *  - a department's item (every task has a lead department; department-owned matters): the
 *    ORG_ADMIN users whose subtree covers the campaign — users are not linked to departments,
 *    so the organization department stands in for the department.
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
    adminsOver(rootPath: string): string[] {
      return [
        ...new Set(admins.filter((a) => isWithinSubtree(rootPath, a.path)).map((a) => a.userId)),
      ];
    },
  };
}
