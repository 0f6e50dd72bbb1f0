import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, requirePermission, scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { userScopeWhere } from "./user-scope";

export const USERS_PAGE_SIZE = 20;

export type UserListItem = {
  id: string;
  username: string;
  displayName: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  member: { number: string; name: string } | null;
  /** Active roles inside the actor's scope, with their organizations. */
  roles: { id: string; role: Role; orgId: string; orgName: string }[];
  /** Active roles outside the actor's scope: counted, not named. */
  otherRoleCount: number;
};

export type UserList = {
  items: UserListItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
};

/**
 * Accounts the actor manages (user.manage), searched by username, name or member number,
 * newest first, one page at a time.
 */
export async function listUsers(
  actor: Actor,
  params: { q?: string; page?: number },
): Promise<UserList> {
  requirePermission(actor, "user.manage");
  const q = params.q?.trim().slice(0, 64) ?? "";
  const where: Prisma.UserWhereInput = q
    ? {
        AND: [
          userScopeWhere(actor),
          {
            OR: [
              { username: { contains: q, mode: "insensitive" } },
              { displayName: { contains: q, mode: "insensitive" } },
              { member: { number: { startsWith: q } } },
            ],
          },
        ],
      }
    : userScopeWhere(actor);
  const roots = scopeRoots(actor, "user.manage");
  const inScope = (path: string) => roots.some((root) => isWithinSubtree(path, root));

  return withTenant(actor.tenantId, async (tx) => {
    const total = await tx.user.count({ where });
    const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(params.page ?? 1) || 1), pages);
    const rows = await tx.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        username: true,
        displayName: true,
        disabledAt: true,
        lockedUntil: true,
        lastLoginAt: true,
        member: { select: { number: true, name: true } },
        roleAssignments: {
          where: { revokedAt: null, org: { validTo: null } },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            role: true,
            orgId: true,
            org: { select: { name: true, path: true } },
          },
        },
      },
    });
    const items = rows.map(({ roleAssignments, ...user }) => {
      const visible = roleAssignments.filter((a) => inScope(a.org.path));
      return {
        ...user,
        roles: visible.map((a) => ({
          id: a.id,
          role: a.role,
          orgId: a.orgId,
          orgName: a.org.name,
        })),
        otherRoleCount: roleAssignments.length - visible.length,
      };
    });
    return { items, total, page, pages, pageSize: USERS_PAGE_SIZE };
  });
}
