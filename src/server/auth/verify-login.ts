import { addMinutes, differenceInMilliseconds } from "date-fns";
import { recordAuditEvent } from "../audit/record-audit-event";
import { findTenantIdBySlug, withTenant } from "../tenant-tx";
import { burnPasswordCheck, verifyPassword } from "./password";
import { startSession, type ClientSummary } from "./sessions";

export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;

export type LoginResult =
  | { ok: true; userId: string; tenantId: string; sessionVersion: number; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "DISABLED" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

/**
 * Checks a school code, username and password. Ten failures for one account within 15
 * minutes lock it for 15 minutes; every attempt leaves an audit event. A successful login
 * opens a server-side session (UserSession) in the same transaction.
 */
export async function verifyLogin(
  input: { school: string; username: string; password: string; client?: ClientSummary },
  now: Date = new Date(),
): Promise<LoginResult> {
  const tenantId = await findTenantIdBySlug(input.school.trim().toLowerCase());
  if (!tenantId) {
    await burnPasswordCheck(input.password);
    return { ok: false, reason: "INVALID" };
  }
  return withTenant(tenantId, async (tx) => {
    // Row lock: concurrent failures for one account are counted one after another.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND "username" = ${input.username.trim()} FOR UPDATE`;
    const userId = rows[0]?.id;
    if (!userId) {
      await burnPasswordCheck(input.password);
      await recordAuditEvent(
        tx,
        { tenantId, userId: null },
        {
          action: "auth.login_failed",
          entityType: "User",
          after: { username: input.username.slice(0, 64), reason: "unknown_user" },
        },
      );
      return { ok: false, reason: "INVALID" } as const;
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: userId } },
    });
    const audit = (action: string, after: Record<string, unknown>) =>
      recordAuditEvent(
        tx,
        { tenantId, userId: user.id },
        { action, entityType: "User", entityId: user.id, after },
      );

    if (user.lockedUntil && user.lockedUntil > now) {
      await burnPasswordCheck(input.password);
      await audit("auth.login_refused", { reason: "locked", lockedUntil: user.lockedUntil });
      return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil } as const;
    }
    const passwordOk = await verifyPassword(input.password, user.passwordHash);
    if (!passwordOk) {
      const inWindow =
        user.failedLoginWindowStart !== null &&
        differenceInMilliseconds(now, user.failedLoginWindowStart) <
          LOCKOUT_WINDOW_MINUTES * 60_000;
      const count = inWindow ? user.failedLoginCount + 1 : 1;
      const locks = count >= LOCKOUT_THRESHOLD;
      const lockedUntil = locks ? addMinutes(now, LOCKOUT_MINUTES) : null;
      await tx.user.update({
        where: { tenantId_id: { tenantId, id: user.id } },
        data: {
          failedLoginCount: locks ? 0 : count,
          failedLoginWindowStart: locks ? null : inWindow ? user.failedLoginWindowStart : now,
          lockedUntil,
        },
      });
      await audit(locks ? "auth.account_locked" : "auth.login_failed", {
        failedCount: count,
        lockedUntil,
      });
      return lockedUntil
        ? ({ ok: false, reason: "LOCKED", lockedUntil } as const)
        : ({ ok: false, reason: "INVALID" } as const);
    }
    if (user.disabledAt) {
      await audit("auth.login_refused", { reason: "disabled" });
      return { ok: false, reason: "DISABLED" } as const;
    }
    await tx.user.update({
      where: { tenantId_id: { tenantId, id: user.id } },
      data: {
        failedLoginCount: 0,
        failedLoginWindowStart: null,
        lockedUntil: null,
        lastLoginAt: now,
      },
    });
    const sessionId = await startSession(tx, {
      tenantId,
      userId: user.id,
      now,
      ...input.client,
    });
    await audit("auth.login", { sessionId });
    return {
      ok: true,
      userId: user.id,
      tenantId,
      sessionVersion: user.sessionVersion,
      sessionId,
    } as const;
  });
}
