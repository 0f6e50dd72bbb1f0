import type { OrgLevel } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, requirePermission } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";

export type AssignableOrg = {
  id: string;
  name: string;
  level: OrgLevel;
  path: string;
  depth: number;
  indent: number;
};

/**
 * Open organizations over which the actor may grant roles (user.manage), in tree order
 * (siblings by sortOrder, then name), each with its indent below the actor's scope root.
 */
export async function listAssignableOrgs(actor: Actor): Promise<AssignableOrg[]> {
  requirePermission(actor, "user.manage");
  const orgs = await withTenant(actor.tenantId, (tx) =>
    tx.organization.findMany({
      where: { AND: [orgScopeWhere(actor, "user.manage"), { validTo: null }] },
      orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, parentId: true, name: true, level: true, path: true, depth: true },
    }),
  );
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, typeof orgs>();
  for (const org of orgs) {
    // A node whose parent is not in the list is a root of the actor's scope.
    const key = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    const list = children.get(key) ?? [];
    list.push(org);
    children.set(key, list);
  }
  const out: AssignableOrg[] = [];
  const visit = (parentId: string | null, indent: number) => {
    for (const org of children.get(parentId) ?? []) {
      out.push({
        id: org.id,
        name: org.name,
        level: org.level,
        path: org.path,
        depth: org.depth,
        indent,
      });
      visit(org.id, indent + 1);
    }
  };
  visit(null, 0);
  return out;
}
