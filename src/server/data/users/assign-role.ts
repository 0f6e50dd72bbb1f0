import type { AssignRoleInput } from "@/lib/schemas/user";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findUserInScopeOrThrow, holdsOrgAdminOver, lockUser, isUuid } from "./user-scope";

/**
 * Grants `role` over the subtree of `orgId`. The organization must be open and inside the
 * actor's user.manage scope, so a college admin grants only inside the college; ORG_ADMIN
 * itself is granted only by someone who holds ORG_ADMIN over that organization. The same
 * active role on the same organization is refused as a duplicate.
 */
export async function assignRole(actor: Actor, input: AssignRoleInput): Promise<{ id: string }> {
  requirePermission(actor, "user.manage");
  return withTenant(actor.tenantId, async (tx) => {
    const user = await findUserInScopeOrThrow(tx, actor, input.userId);
    const org = isUuid(input.orgId)
      ? await tx.organization.findFirst({
          where: { AND: [orgScopeWhere(actor, "user.manage"), { id: input.orgId }] },
          select: { id: true, name: true, path: true, validTo: true },
        })
      : null;
    if (!org) {
      const error = notFound("组织");
      throw new AppError(error.code, error.message, { orgId: ["请选择您管理范围内的组织"] });
    }
    if (org.validTo) throw new AppError("VALIDATION", "该组织已撤销", { orgId: ["该组织已撤销"] });
    if (input.role === "ORG_ADMIN" && !holdsOrgAdminOver(actor, org.path)) {
      const message = "只有该组织的组织部管理员才能授予管理员角色";
      throw new AppError("FORBIDDEN", message, { role: [message] });
    }

    await lockUser(tx, actor.tenantId, user.id);
    const duplicate = await tx.roleAssignment.findFirst({
      where: {
        tenantId: actor.tenantId,
        userId: user.id,
        role: input.role,
        orgId: org.id,
        revokedAt: null,
      },
      select: { id: true },
    });
    if (duplicate) {
      const message = "该账号在此组织已有这个角色";
      throw new AppError("VALIDATION", message, { role: [message] });
    }

    const assignment = await tx.roleAssignment.create({
      data: {
        tenantId: actor.tenantId,
        userId: user.id,
        role: input.role,
        orgId: org.id,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "role.assign",
      entityType: "RoleAssignment",
      entityId: assignment.id,
      after: {
        userId: user.id,
        username: user.username,
        role: input.role,
        orgId: org.id,
        orgName: org.name,
      },
    });
    return assignment;
  });
}
