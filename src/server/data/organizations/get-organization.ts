import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";

/** Loads an organization the actor may read with `permission`, or throws NOT_FOUND. */
export async function findOrgInScopeOrThrow(
  tx: TenantTx,
  actor: Actor,
  id: string,
  permission: Parameters<typeof orgScopeWhere>[1] = "org.read",
) {
  const org = await tx.organization.findFirst({
    where: { AND: [orgScopeWhere(actor, permission), { id }] },
  });
  if (!org) throw notFound("组织");
  return org;
}

export async function getOrganization(actor: Actor, id: string) {
  return withTenant(actor.tenantId, async (tx) => {
    const org = await findOrgInScopeOrThrow(tx, actor, id);
    const [parent, children, memberCount, subtreeMemberCount, placements, roleHolders] =
      await Promise.all([
        org.parentId
          ? tx.organization.findFirst({
              where: { tenantId: actor.tenantId, id: org.parentId },
              select: { id: true, name: true, path: true },
            })
          : null,
        tx.organization.findMany({
          where: { tenantId: actor.tenantId, parentId: org.id, validTo: null },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          select: { id: true, name: true, level: true, kind: true, code: true },
        }),
        tx.member.count({ where: { tenantId: actor.tenantId, orgId: org.id, leftAt: null } }),
        tx.member.count({
          where: {
            tenantId: actor.tenantId,
            leftAt: null,
            org: { OR: [{ path: org.path }, { path: { startsWith: org.path + "/" } }] },
          },
        }),
        tx.orgPlacement.findMany({
          where: { tenantId: actor.tenantId, orgId: org.id },
          orderBy: { validFrom: "asc" },
          include: { parent: { select: { name: true } } },
        }),
        tx.roleAssignment.findMany({
          where: { tenantId: actor.tenantId, orgId: org.id, revokedAt: null },
          include: { user: { select: { displayName: true, username: true } } },
          orderBy: { role: "asc" },
        }),
      ]);
    // The breadcrumb: ancestors the actor may also read.
    const ancestorIds = org.path.split("/").slice(0, -1);
    const ancestors = ancestorIds.length
      ? await tx.organization.findMany({
          where: { AND: [orgScopeWhere(actor, "org.read"), { id: { in: ancestorIds } }] },
          select: { id: true, name: true, depth: true },
          orderBy: { depth: "asc" },
        })
      : [];
    return {
      org,
      parent,
      children,
      memberCount,
      subtreeMemberCount,
      placements,
      roleHolders,
      ancestors,
    };
  });
}

/** Organizations the actor may manage, for parent / target pickers. */
export async function listManageableOrgs(actor: Actor) {
  return withTenant(actor.tenantId, (tx) =>
    tx.organization.findMany({
      where: { AND: [orgScopeWhere(actor, "org.manage"), { validTo: null }] },
      orderBy: [{ path: "asc" }],
      select: { id: true, name: true, level: true, depth: true, path: true },
    }),
  );
}
