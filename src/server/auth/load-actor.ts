import type { Actor } from "../authz/actor";
import { withTenant } from "../tenant-tx";

/**
 * Builds the actor from the database: null when the user is gone, disabled, or the session
 * predates a password change (sessionVersion).
 */
export async function loadActor(
  tenantId: string,
  userId: string,
  sessionVersion: number,
): Promise<Actor | null> {
  return withTenant(tenantId, async (tx) => {
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
  });
}
