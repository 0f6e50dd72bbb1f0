import type { Prisma } from "@/generated/prisma/client";
import { AppError, forbidden } from "../errors";
import type { Actor } from "./actor";
import { roleGrants, type Permission } from "./permissions";

/** True when `path` is `rootPath` itself or lies below it. Paths are "id/id/id". */
export function isWithinSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(rootPath + "/");
}

/** The subtree roots (paths) over which the actor holds `permission`, outermost only. */
export function scopeRoots(actor: Actor, permission: Permission): string[] {
  const roots = actor.assignments
    .filter((a) => roleGrants(a.role, permission))
    .map((a) => a.orgPath)
    .sort((a, b) => a.length - b.length);
  const outermost: string[] = [];
  for (const root of roots) {
    if (!outermost.some((kept) => isWithinSubtree(root, kept))) outermost.push(root);
  }
  return outermost;
}

export function can(actor: Actor, permission: Permission, orgPath?: string): boolean {
  const roots = scopeRoots(actor, permission);
  if (orgPath === undefined) return roots.length > 0;
  return roots.some((root) => isWithinSubtree(orgPath, root));
}

/** Throws FORBIDDEN unless the actor holds `permission` somewhere (or over `orgPath`). */
export function requirePermission(actor: Actor, permission: Permission, orgPath?: string): void {
  if (!can(actor, permission, orgPath)) throw forbidden();
}

/**
 * The Prisma filter for organizations inside the actor's scope for `permission`, tenant
 * included. An actor without the permission gets a filter that matches nothing.
 */
export function orgScopeWhere(actor: Actor, permission: Permission): Prisma.OrganizationWhereInput {
  const roots = scopeRoots(actor, permission);
  if (roots.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return {
    tenantId: actor.tenantId,
    OR: roots.flatMap((root) => [{ path: root }, { path: { startsWith: root + "/" } }]),
  };
}

/**
 * Members the actor may read: those of organizations in scope for member.read, plus the
 * actor's own member record.
 */
export function memberScopeWhere(actor: Actor): Prisma.MemberWhereInput {
  const roots = scopeRoots(actor, "member.read");
  const or: Prisma.MemberWhereInput[] = [];
  if (roots.length > 0) or.push({ org: orgScopeWhere(actor, "member.read") });
  if (actor.memberId) or.push({ id: actor.memberId });
  if (or.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return { tenantId: actor.tenantId, OR: or };
}

export function requireActorInTenant(actor: Actor, tenantId: string): void {
  if (actor.tenantId !== tenantId) throw new AppError("NOT_FOUND", "记录不存在或无权访问");
}
