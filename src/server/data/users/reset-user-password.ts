import type { ResetPasswordInput } from "@/lib/schemas/user";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { hashPassword } from "../../auth/password";
import { revokeUserSessions } from "../../auth/sessions";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findUserInScopeOrThrow, lockUser, requireFullCover } from "./user-scope";

/**
 * An administrator sets a new password for someone else's account. sessionVersion is bumped,
 * so every existing session of that user ends; a login lockout is lifted too. Your own
 * password is changed on the account page, which asks for the current one.
 */
export async function resetUserPassword(
  actor: Actor,
  input: ResetPasswordInput,
  now: Date = new Date(),
): Promise<void> {
  requirePermission(actor, "user.manage");
  const passwordHash = await hashPassword(input.password);
  await withTenant(actor.tenantId, async (tx) => {
    const user = await findUserInScopeOrThrow(tx, actor, input.id);
    if (user.id === actor.userId) {
      throw new AppError("VALIDATION", "请在“修改密码”页面修改自己的密码");
    }
    requireFullCover(actor, user);
    await lockUser(tx, actor.tenantId, user.id);
    await tx.user.update({
      where: { tenantId_id: { tenantId: actor.tenantId, id: user.id } },
      data: {
        passwordHash,
        passwordChangedAt: now,
        sessionVersion: { increment: 1 },
        failedLoginCount: 0,
        failedLoginWindowStart: null,
        lockedUntil: null,
      },
    });
    await revokeUserSessions(tx, actor, { userId: user.id, reason: "password_reset", now });
    await recordAuditEvent(tx, actor, {
      action: "user.reset_password",
      entityType: "User",
      entityId: user.id,
      // Never the hash: only that it changed, and that the sessions were ended.
      after: {
        passwordChangedAt: now,
        sessionsEnded: true,
        lockCleared: user.lockedUntil !== null,
      },
    });
  });
}
