import type { ChangePasswordInput } from "@/lib/schemas/user";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { hashPassword, verifyPassword } from "../../auth/password";
import { revokeUserSessions } from "../../auth/sessions";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { lockUser } from "./user-scope";

/**
 * The signed-in user changes their own password, proving the current one. On success the
 * hash, passwordChangedAt and sessionVersion (+1) change together, which ends every session
 * of the account, the caller's own included: every server-side session of the user is revoked
 * in the same transaction, and the caller must log in again (the account page signs out and
 * goes to /login). A wrong current password is audited and refused.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: ChangePasswordInput,
  now: Date = new Date(),
): Promise<void> {
  const outcome = await withTenant(actor.tenantId, async (tx) => {
    await lockUser(tx, actor.tenantId, actor.userId);
    const user = await tx.user.findFirst({
      where: { tenantId: actor.tenantId, id: actor.userId, disabledAt: null },
      select: { id: true, passwordHash: true },
    });
    if (!user) throw new AppError("UNAUTHENTICATED", "登录已失效，请重新登录");
    if (!(await verifyPassword(input.current, user.passwordHash))) {
      await recordAuditEvent(tx, actor, {
        action: "user.change_password_failed",
        entityType: "User",
        entityId: user.id,
        after: { reason: "wrong_current_password" },
      });
      // Returned, not thrown, so the audit event commits.
      return "WRONG_CURRENT" as const;
    }
    const passwordHash = await hashPassword(input.next);
    await tx.user.update({
      where: { tenantId_id: { tenantId: actor.tenantId, id: user.id } },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    });
    await revokeUserSessions(tx, actor, { userId: user.id, reason: "password_changed", now });
    await recordAuditEvent(tx, actor, {
      action: "user.change_password",
      entityType: "User",
      entityId: user.id,
      after: { passwordChangedAt: now, sessionsEnded: true },
    });
    return "OK" as const;
  });
  if (outcome === "WRONG_CURRENT") {
    throw new AppError("VALIDATION", "当前密码不正确", { current: ["当前密码不正确"] });
  }
}
