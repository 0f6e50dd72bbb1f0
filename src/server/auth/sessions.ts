import { addSeconds, differenceInMilliseconds } from "date-fns";
import { recordAuditEvent } from "../audit/record-audit-event";
import { withTenant, type TenantTx } from "../tenant-tx";

/**
 * Server-side sessions. The encrypted session cookie carries the session id; every request
 * looks the session up (loadSessionActor), so a session can be ended on the server at once:
 * logout, password change or reset, disabling the account, or "end this session" on the
 * account page. See docs/security.md.
 */

/** Absolute lifetime of a session, however active. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** A session unused for this long ends. */
export const SESSION_IDLE_MINUTES = 30;
/** lastSeenAt is written at most this often, to keep one write per request off the database. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export type SessionEndReason =
  | "logout"
  | "password_changed"
  | "password_reset"
  | "disabled"
  | "idle"
  | "expired"
  | "ended_by_user";

export type ClientSummary = { userAgent?: string | null; ipAddress?: string | null };

/** Opens a session row for a successful login, in the login's transaction. */
export async function startSession(
  tx: TenantTx,
  input: { tenantId: string; userId: string; now: Date } & ClientSummary,
): Promise<string> {
  const session = await tx.userSession.create({
    data: {
      tenantId: input.tenantId,
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: addSeconds(input.now, SESSION_MAX_AGE_SECONDS),
      userAgent: input.userAgent?.slice(0, 200) || null,
      ipAddress: input.ipAddress?.slice(0, 64) || null,
    },
    select: { id: true },
  });
  return session.id;
}

export type SessionCheck =
  { ok: true } | { ok: false; reason: "missing" | "revoked" | "idle" | "expired" };

/**
 * Checks one session inside the caller's tenant transaction. An idle or expired session is
 * marked ended (and audited once, by whichever request gets there first); a live one has its
 * lastSeenAt moved forward when the last write is more than a minute old.
 */
export async function checkSession(
  tx: TenantTx,
  input: { tenantId: string; userId: string; sessionId: string; now: Date },
): Promise<SessionCheck> {
  const session = await tx.userSession.findFirst({
    where: { tenantId: input.tenantId, id: input.sessionId, userId: input.userId },
    select: { id: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
  });
  if (!session) return { ok: false, reason: "missing" };
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  const expired = session.expiresAt <= input.now;
  const idle =
    differenceInMilliseconds(input.now, session.lastSeenAt) > SESSION_IDLE_MINUTES * 60_000;
  if (expired || idle) {
    const reason = expired ? "expired" : "idle";
    const ended = await tx.userSession.updateMany({
      where: { tenantId: input.tenantId, id: session.id, revokedAt: null },
      data: { revokedAt: input.now, revokeReason: reason },
    });
    if (ended.count === 1) {
      await recordAuditEvent(
        tx,
        { tenantId: input.tenantId, userId: input.userId },
        {
          action: "auth.session_expired",
          entityType: "UserSession",
          entityId: session.id,
          after: { reason, lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt },
        },
      );
    }
    return { ok: false, reason };
  }
  if (differenceInMilliseconds(input.now, session.lastSeenAt) >= LAST_SEEN_WRITE_INTERVAL_MS) {
    await tx.userSession.updateMany({
      where: { tenantId: input.tenantId, id: session.id, revokedAt: null },
      data: { lastSeenAt: input.now },
    });
  }
  return { ok: true };
}

/**
 * Ends every live session of a user (optionally but one), inside the caller's transaction, with
 * one audit event saying how many ended. Returns that number.
 */
export async function revokeUserSessions(
  tx: TenantTx,
  actor: { tenantId: string; userId: string | null },
  input: { userId: string; reason: SessionEndReason; now: Date; exceptSessionId?: string },
): Promise<number> {
  const ended = await tx.userSession.updateMany({
    where: {
      tenantId: actor.tenantId,
      userId: input.userId,
      revokedAt: null,
      ...(input.exceptSessionId ? { id: { not: input.exceptSessionId } } : {}),
    },
    data: { revokedAt: input.now, revokeReason: input.reason },
  });
  if (ended.count > 0) {
    await recordAuditEvent(tx, actor, {
      action: "auth.sessions_revoked",
      entityType: "User",
      entityId: input.userId,
      after: { reason: input.reason, count: ended.count },
    });
  }
  return ended.count;
}

/**
 * Ends one session of `userId` (logout, or "end this session"). Audited as auth.logout or
 * auth.session_revoked; a session already ended is left alone and nothing is recorded.
 * Returns whether a live session was ended.
 */
export async function endSession(input: {
  tenantId: string;
  userId: string;
  sessionId: string;
  reason: "logout" | "ended_by_user";
  now?: Date;
}): Promise<boolean> {
  const now = input.now ?? new Date();
  return withTenant(input.tenantId, async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: {
        tenantId: input.tenantId,
        id: input.sessionId,
        userId: input.userId,
        revokedAt: null,
      },
      data: { revokedAt: now, revokeReason: input.reason },
    });
    if (ended.count === 0) return false;
    await recordAuditEvent(
      tx,
      { tenantId: input.tenantId, userId: input.userId },
      {
        action: input.reason === "logout" ? "auth.logout" : "auth.session_revoked",
        entityType: "UserSession",
        entityId: input.sessionId,
        after: { reason: input.reason },
      },
    );
    return true;
  });
}

export type ActiveSession = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
};

/** The user's own live sessions, newest first (the account page). */
export async function listOwnSessions(
  actor: { tenantId: string; userId: string; sessionId?: string | null },
  now: Date = new Date(),
): Promise<ActiveSession[]> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
  const rows = await withTenant(actor.tenantId, (tx) =>
    tx.userSession.findMany({
      where: {
        tenantId: actor.tenantId,
        userId: actor.userId,
        revokedAt: null,
        expiresAt: { gt: now },
        lastSeenAt: { gt: idleCutoff },
      },
      orderBy: { lastSeenAt: "desc" },
      take: 50,
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
    userAgent: r.userAgent,
    ipAddress: r.ipAddress,
    current: r.id === actor.sessionId,
  }));
}
