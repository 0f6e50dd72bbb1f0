import type { Actor } from "../../authz/actor";
import { isWithinSubtree, requirePermission, scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { coversUserFully, findUserInScopeOrThrow } from "./user-scope";

/**
 * One account the actor manages, for the detail page: its active roles inside the actor's
 * scope (roles elsewhere are only counted), revoked roles in scope for history, and what
 * the actor may do with it. NOT_FOUND for ids outside the scope or the tenant.
 */
export async function getUser(actor: Actor, id: string) {
  requirePermission(actor, "user.manage");
  const roots = scopeRoots(actor, "user.manage");
  const inScope = (path: string) => roots.some((root) => isWithinSubtree(path, root));
  return withTenant(actor.tenantId, async (tx) => {
    const user = await findUserInScopeOrThrow(tx, actor, id);
    const revoked = await tx.roleAssignment.findMany({
      where: { tenantId: actor.tenantId, userId: user.id, revokedAt: { not: null } },
      orderBy: { revokedAt: "desc" },
      take: 50,
      select: {
        id: true,
        role: true,
        createdAt: true,
        revokedAt: true,
        org: { select: { name: true, path: true } },
      },
    });
    const { roleAssignments, member, ...account } = user;
    const roles = roleAssignments.filter((a) => inScope(a.org.path));
    const isSelf = user.id === actor.userId;
    const fullyCovered = coversUserFully(actor, user);
    return {
      user: account,
      member: member
        ? {
            id: member.id,
            number: member.number,
            name: member.name,
            leftAt: member.leftAt,
            /** Null when the member's organization lies outside the actor's scope. */
            orgName: inScope(member.org.path) ? member.org.name : null,
          }
        : null,
      roles: roles.map((a) => ({
        id: a.id,
        role: a.role,
        orgId: a.orgId,
        orgName: a.org.name,
        orgClosed: a.org.validTo !== null,
        createdAt: a.createdAt,
      })),
      otherRoleCount: roleAssignments.length - roles.length,
      revokedRoles: revoked
        .filter((a) => inScope(a.org.path))
        .map((a) => ({
          id: a.id,
          role: a.role,
          orgName: a.org.name,
          createdAt: a.createdAt,
          revokedAt: a.revokedAt,
        })),
      isSelf,
      /** Disable / enable and password reset: never on yourself, only with full cover. */
      canManageAccount: !isSelf && fullyCovered,
      fullyCovered,
    };
  });
}

export type UserDetail = Awaited<ReturnType<typeof getUser>>;
