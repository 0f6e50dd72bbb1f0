import type { SetUserDisabledInput } from "@/lib/schemas/user";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { revokeUserSessions } from "../../auth/sessions";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  findUserInScopeOrThrow,
  isRootPath,
  lockUser,
  requireAnotherRootAdmin,
  requireFullCover,
} from "./user-scope";

/**
 * Disables or re-enables an account. A disabled account's sessions die at once (loadActor
 * refuses users with disabledAt). Disabling also bumps sessionVersion, so re-enabling later
 * does not bring the old sessions back: the user logs in afresh.
 * Refused for yourself, and for accounts with roles outside the actor's scope.
 */
export async function setUserDisabled(
  actor: Actor,
  input: SetUserDisabledInput,
  now: Date = new Date(),
): Promise<void> {
  requirePermission(actor, "user.manage");
  await withTenant(actor.tenantId, async (tx) => {
    const user = await findUserInScopeOrThrow(tx, actor, input.id);
    if (user.id === actor.userId) throw new AppError("VALIDATION", "不能停用自己的账号");
    requireFullCover(actor, user);
    await lockUser(tx, actor.tenantId, user.id);
    const current = await tx.user.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: actor.tenantId, id: user.id } },
      select: { disabledAt: true },
    });
    if (input.disabled === (current.disabledAt !== null)) return; // already so: nothing to record
    if (
      input.disabled &&
      user.roleAssignments.some((a) => a.role === "ORG_ADMIN" && isRootPath(a.org.path))
    ) {
      await requireAnotherRootAdmin(tx, actor.tenantId, { userId: user.id });
    }
    const disabledAt = input.disabled ? now : null;
    await tx.user.update({
      where: { tenantId_id: { tenantId: actor.tenantId, id: user.id } },
      data: input.disabled ? { disabledAt, sessionVersion: { increment: 1 } } : { disabledAt },
    });
    if (input.disabled)
      await revokeUserSessions(tx, actor, { userId: user.id, reason: "disabled", now });
    await recordAuditEvent(tx, actor, {
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: user.id,
      before: { disabledAt: current.disabledAt },
      after: { disabledAt },
    });
  });
}
