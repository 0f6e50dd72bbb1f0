import type { Actor, ActorAssignment } from "../authz/actor";
import { withTenant, type TenantTx } from "../tenant-tx";
import { checkSession, type SessionCheck } from "./sessions";

type ActorRow = {
  username: string;
  displayName: string;
  memberId: string | null;
  sessionVersion: number;
  disabledAt: Date | null;
  tenantName: string;
  assignments: ActorAssignment[];
  departmentIds: string[];
  unreadCount: number;
};

/**
 * The user with their tenant's name, live role assignments (on open organizations, oldest first),
 * active department links and unread notification count, in one statement. Every request loads
 * this; as an ORM query with includes it was five statements (and the count a transaction of its
 * own), each a round trip and a few hundred microseconds of client CPU (docs/performance.md,
 * "Fifth round"). Row-level security applies as to any query of the transaction.
 */
async function loadActorRow(
  tx: TenantTx,
  tenantId: string,
  userId: string,
): Promise<ActorRow | null> {
  const rows = await tx.$queryRaw<ActorRow[]>`
    SELECT u.username, u."displayName", u."memberId"::text AS "memberId", u."sessionVersion",
           u."disabledAt", t.name AS "tenantName",
           COALESCE((
             SELECT json_agg(json_build_object('id', ra.id, 'role', ra.role, 'orgId', ra."orgId",
                                               'orgPath', o.path, 'orgName', o.name)
                             ORDER BY ra."createdAt", ra.id)
               FROM "RoleAssignment" ra
               JOIN "Organization" o ON o."tenantId" = ra."tenantId" AND o.id = ra."orgId"
              WHERE ra."tenantId" = u."tenantId" AND ra."userId" = u.id
                AND ra."revokedAt" IS NULL AND o."validTo" IS NULL
           ), '[]'::json) AS assignments,
           COALESCE((
             SELECT json_agg(DISTINCT ds."departmentId")
               FROM "DepartmentStaff" ds
               JOIN "Department" d ON d."tenantId" = ds."tenantId" AND d.id = ds."departmentId"
              WHERE ds."tenantId" = u."tenantId" AND ds."userId" = u.id
                AND ds."removedAt" IS NULL AND d."isActive"
           ), '[]'::json) AS "departmentIds",
           (SELECT count(*)::int FROM "Notification" n
             WHERE n."tenantId" = u."tenantId" AND n."userId" = u.id AND n."readAt" IS NULL
           ) AS "unreadCount"
      FROM "User" u
      JOIN "Tenant" t ON t.id = u."tenantId"
     WHERE u."tenantId" = ${tenantId}::uuid AND u.id = ${userId}::uuid`;
  return rows[0] ?? null;
}

async function actorInTx(
  tx: TenantTx,
  tenantId: string,
  userId: string,
  sessionVersion: number,
): Promise<Actor | null> {
  const user = await loadActorRow(tx, tenantId, userId);
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return {
    tenantId,
    tenantName: user.tenantName,
    userId,
    username: user.username,
    displayName: user.displayName,
    memberId: user.memberId,
    assignments: user.assignments,
    departmentIds: user.departmentIds,
    unreadCount: user.unreadCount,
  };
}

/**
 * Builds the actor from the database: null when the user is gone, disabled, or the session
 * predates a password change (sessionVersion). For work done on a user's behalf without a
 * browser session (jobs, calendar feeds); requests use loadSessionActor.
 */
export async function loadActor(
  tenantId: string,
  userId: string,
  sessionVersion: number,
): Promise<Actor | null> {
  return withTenant(tenantId, (tx) => actorInTx(tx, tenantId, userId, sessionVersion));
}

/**
 * The actor of a browser request: as loadActor, and the server-side session named in the
 * cookie must be live (not logged out, revoked, idle or past its absolute end). One tenant
 * transaction; the session check commits even when it ends the session.
 */
export async function loadSessionActor(
  token: { tid: string; uid: string; sv: number; sid: string },
  now: Date = new Date(),
): Promise<{ actor: Actor | null; session: SessionCheck }> {
  return withTenant(token.tid, async (tx) => {
    const session = await checkSession(tx, {
      tenantId: token.tid,
      userId: token.uid,
      sessionId: token.sid,
      now,
    });
    if (!session.ok) return { actor: null, session };
    const actor = await actorInTx(tx, token.tid, token.uid, token.sv);
    return { actor: actor && { ...actor, sessionId: token.sid }, session };
  });
}
