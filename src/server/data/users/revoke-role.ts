import type { RevokeRoleInput } from "@/lib/schemas/user";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  holdsOrgAdminOver,
  isRootPath,
  lockUser,
  requireAnotherRootAdmin,
  isUuid,
} from "./user-scope";

/**
 * Revokes a role assignment: sets revokedAt, never deletes, so the audit trail keeps who
 * held what. The assignment's organization must be in the actor's user.manage scope.
 * Refused: revoking ORG_ADMIN without holding ORG_ADMIN over its organization; revoking
 * your own last ORG_ADMIN; revoking the tenant's last school-level ORG_ADMIN.
 */
export async function revokeRole(
  actor: Actor,
  input: RevokeRoleInput,
  now: Date = new Date(),
): Promise<void> {
  requirePermission(actor, "user.manage");
  // Anything that is not a uuid cannot name a row: "not found", never a database error.
  if (!isUuid(input.id)) throw notFound("角色记录");
  await withTenant(actor.tenantId, async (tx) => {
    const assignment = await tx.roleAssignment.findFirst({
      where: { tenantId: actor.tenantId, id: input.id, org: orgScopeWhere(actor, "user.manage") },
      select: {
        id: true,
        role: true,
        userId: true,
        revokedAt: true,
        org: { select: { id: true, name: true, path: true } },
        user: { select: { username: true } },
      },
    });
    if (!assignment) throw notFound("角色记录");
    if (assignment.revokedAt) throw new AppError("VALIDATION", "该角色已撤销");
    const isAdminRole = assignment.role === "ORG_ADMIN";
    if (isAdminRole && !holdsOrgAdminOver(actor, assignment.org.path)) {
      throw new AppError("FORBIDDEN", "只有该组织的组织部管理员才能撤销管理员角色");
    }

    await lockUser(tx, actor.tenantId, assignment.userId);
    if (isAdminRole && assignment.userId === actor.userId) {
      const others = await tx.roleAssignment.count({
        where: {
          tenantId: actor.tenantId,
          userId: actor.userId,
          role: "ORG_ADMIN",
          revokedAt: null,
          org: { validTo: null },
          id: { not: assignment.id },
        },
      });
      if (others === 0) throw new AppError("VALIDATION", "不能撤销自己唯一的组织部管理员角色");
    }
    if (isAdminRole && isRootPath(assignment.org.path)) {
      await requireAnotherRootAdmin(tx, actor.tenantId, { assignmentId: assignment.id });
    }

    const { count } = await tx.roleAssignment.updateMany({
      where: { tenantId: actor.tenantId, id: assignment.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "role.revoke",
      entityType: "RoleAssignment",
      entityId: assignment.id,
      before: { revokedAt: null },
      after: {
        revokedAt: now,
        userId: assignment.userId,
        username: assignment.user.username,
        role: assignment.role,
        orgId: assignment.org.id,
        orgName: assignment.org.name,
      },
    });
  });
}
