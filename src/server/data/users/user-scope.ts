import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import type { Permission } from "../../authz/permissions";
import { isWithinSubtree, orgScopeWhere, scopeRoots } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";

// Shared helpers of the user data functions. Not data functions themselves: none opens a
// transaction; each runs inside the caller's withTenant.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach the database as uuid columns; anything else is "not found", not a 500. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A tenant root (the school committee) has a path of one id: depth 0. */
export function isRootPath(path: string): boolean {
  return !path.includes("/");
}

/** True when the actor holds `permission` on an assignment at the tenant root. */
export function hasTenantWideScope(actor: Actor, permission: Permission): boolean {
  return scopeRoots(actor, permission).some(isRootPath);
}

/** True when the actor holds ORG_ADMIN itself (not just a permission) over `orgPath`. */
export function holdsOrgAdminOver(actor: Actor, orgPath: string): boolean {
  return actor.assignments.some(
    (a) => a.role === "ORG_ADMIN" && isWithinSubtree(orgPath, a.orgPath),
  );
}

/**
 * Users the actor may manage (user.manage), tenant included: everyone for a manager at the
 * tenant root; otherwise users with an active role, or a linked member, inside the actor's
 * subtrees. A manager without the permission gets a filter that matches nothing.
 */
export function userScopeWhere(actor: Actor): Prisma.UserWhereInput {
  const roots = scopeRoots(actor, "user.manage");
  if (roots.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  if (roots.some(isRootPath)) return { tenantId: actor.tenantId };
  const orgs = orgScopeWhere(actor, "user.manage");
  return {
    tenantId: actor.tenantId,
    OR: [{ roleAssignments: { some: { revokedAt: null, org: orgs } } }, { member: { org: orgs } }],
  };
}

export const userDetailSelect = {
  id: true,
  username: true,
  displayName: true,
  memberId: true,
  disabledAt: true,
  lockedUntil: true,
  lastLoginAt: true,
  passwordChangedAt: true,
  sessionVersion: true,
  createdAt: true,
  member: {
    select: {
      id: true,
      number: true,
      name: true,
      leftAt: true,
      org: { select: { id: true, name: true, path: true } },
    },
  },
  roleAssignments: {
    where: { revokedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      orgId: true,
      createdAt: true,
      org: { select: { id: true, name: true, path: true, validTo: true } },
    },
  },
} satisfies Prisma.UserSelect;

export type ScopedUser = Prisma.UserGetPayload<{ select: typeof userDetailSelect }>;

/** Loads a user inside the actor's user.manage scope, or throws NOT_FOUND (never FORBIDDEN). */
export async function findUserInScopeOrThrow(
  tx: TenantTx,
  actor: Actor,
  id: string,
): Promise<ScopedUser> {
  if (!isUuid(id)) throw notFound("账号");
  const user = await tx.user.findFirst({
    where: { AND: [userScopeWhere(actor), { id }] },
    select: userDetailSelect,
  });
  if (!user) throw notFound("账号");
  return user;
}

/**
 * True when everything that ties the user to the organization tree (every active role and
 * the linked member) lies inside the actor's user.manage scope. Account-wide changes
 * (disable, password reset) need this: a college admin must not take over a school-level
 * admin's account just because that admin also holds a role in the college.
 */
export function coversUserFully(
  actor: Actor,
  user: Pick<ScopedUser, "roleAssignments" | "member">,
): boolean {
  if (hasTenantWideScope(actor, "user.manage")) return true;
  const roots = scopeRoots(actor, "user.manage");
  const inScope = (path: string) => roots.some((root) => isWithinSubtree(path, root));
  if (user.member && !inScope(user.member.org.path)) return false;
  return user.roleAssignments.every((a) => inScope(a.org.path));
}

export function requireFullCover(
  actor: Actor,
  user: Pick<ScopedUser, "roleAssignments" | "member">,
): void {
  if (!coversUserFully(actor, user)) {
    throw new AppError(
      "FORBIDDEN",
      "该账号在您的管理范围之外还有角色或所属组织，请联系上级管理员处理",
    );
  }
}

/**
 * Row lock on the user: concurrent role changes, disables and password changes for one
 * account run one after another, so checks such as "no duplicate role" or "not your last
 * ORG_ADMIN" cannot be raced.
 */
export async function lockUser(tx: TenantTx, tenantId: string, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${userId}::uuid FOR UPDATE`;
}

/** What an audit event may say about an account: never the password hash. */
export function auditUserSnapshot(user: {
  username: string;
  displayName: string;
  memberId: string | null;
  disabledAt?: Date | null;
}) {
  return {
    username: user.username,
    displayName: user.displayName,
    memberId: user.memberId,
    disabledAt: user.disabledAt ?? null,
  };
}

/** Unique-constraint violation from Prisma (P2002), whatever the driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * Keeps at least one enabled account holding ORG_ADMIN at the tenant root. Call before
 * revoking such an assignment or disabling such a user; the advisory lock serializes these
 * checks per tenant, so two root admins removing each other at once cannot both succeed.
 */
export async function requireAnotherRootAdmin(
  tx: TenantTx,
  tenantId: string,
  exclude: { assignmentId?: string; userId?: string },
): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtextextended(${"root-admins:" + tenantId}, 0))`;
  const remaining = await tx.roleAssignment.count({
    where: {
      tenantId,
      role: "ORG_ADMIN",
      revokedAt: null,
      org: { depth: 0, validTo: null },
      user: { disabledAt: null },
      ...(exclude.assignmentId ? { id: { not: exclude.assignmentId } } : {}),
      ...(exclude.userId ? { userId: { not: exclude.userId } } : {}),
    },
  });
  if (remaining === 0)
    throw new AppError("VALIDATION", "这是本校最后一个校级组织部管理员，不能撤销或停用");
}
