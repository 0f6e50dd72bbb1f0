import type { Actor } from "../authz/actor";
import { withTenant, type TenantTx } from "../tenant-tx";
import { checkSession, type SessionCheck } from "./sessions";

async function actorInTx(
  tx: TenantTx,
  tenantId: string,
  userId: string,
  sessionVersion: number,
): Promise<Actor | null> {
  const user = await tx.user.findFirst({
    where: { tenantId, id: userId },
    include: {
      tenant: { select: { name: true } },
      roleAssignments: {
        where: { revokedAt: null, org: { validTo: null } },
        include: { org: { select: { path: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
      departmentLinks: {
        where: { removedAt: null, department: { isActive: true } },
        select: { departmentId: true },
      },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return {
    tenantId,
    tenantName: user.tenant.name,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    memberId: user.memberId,
    assignments: user.roleAssignments.map((a) => ({
      id: a.id,
      role: a.role,
      orgId: a.orgId,
      orgPath: a.org.path,
      orgName: a.org.name,
    })),
    departmentIds: [...new Set(user.departmentLinks.map((l) => l.departmentId))],
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
