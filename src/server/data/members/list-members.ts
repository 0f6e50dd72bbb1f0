import type { Prisma } from "@/generated/prisma/client";
import type { MemberRosterQuery } from "@/lib/schemas/member";
import type { Actor } from "../../authz/actor";
import { orgIdsWithin } from "../../authz/org-ids-within";
import { scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";

export type RosterPage = Awaited<ReturnType<typeof listMembers>>;

/**
 * One page of the current roster the actor may read. The organization filter takes several
 * organizations at once, each with its whole subtree; organizations outside the actor's scope
 * are ignored (they could only ever match nothing).
 */
export async function listMembers(actor: Actor, query: MemberRosterQuery) {
  return withTenant(actor.tenantId, async (tx) => {
    // memberScopeWhere with the organizations resolved to ids first: the roster then filters
    // Member by `orgId IN (…)` (or, for a scope that is the whole university, by nothing) instead
    // of joining every member to their organization to test its path.
    const scopeIds = await orgIdsWithin(tx, actor, scopeRoots(actor, "member.read"));
    const filters: Prisma.MemberWhereInput[] = [
      memberScopeWhereIn(actor, scopeIds),
      { leftAt: null },
    ];

    if (query.orgIds.length > 0) {
      const chosen = await tx.organization.findMany({
        where: {
          tenantId: actor.tenantId,
          AND: [{ id: { in: query.orgIds } }, scopeIds === null ? {} : { id: { in: scopeIds } }],
        },
        select: { path: true },
      });
      if (chosen.length === 0) return emptyPage(query);
      const subtrees = await orgIdsWithin(
        tx,
        actor,
        chosen.map((o) => o.path),
      );
      if (subtrees !== null) filters.push({ orgId: { in: subtrees } });
    }
    if (query.q) {
      filters.push({
        OR: [
          { name: { contains: query.q, mode: "insensitive" } },
          { number: { contains: query.q, mode: "insensitive" } },
        ],
      });
    }
    if (query.category) filters.push({ category: query.category });
    if (query.status) filters.push({ status: query.status });
    if (query.cadreLevel) filters.push({ cadreLevel: query.cadreLevel });

    const where: Prisma.MemberWhereInput = { AND: filters };
    const total = await tx.member.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
    // A page past the end (after a filter narrowed the list) shows the last page instead of nothing.
    const page = Math.min(query.page, pageCount);
    const items = await tx.member.findMany({
      where,
      orderBy: [{ number: "asc" }],
      skip: (page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        number: true,
        name: true,
        gender: true,
        status: true,
        category: true,
        cadreLevel: true,
        positions: true,
        org: { select: { id: true, name: true, nameEn: true } },
      },
    });
    return { items, total, page, pageSize: query.pageSize, pageCount };
  });
}

function emptyPage(query: MemberRosterQuery) {
  return { items: [], total: 0, page: 1, pageSize: query.pageSize, pageCount: 1 };
}

/** memberScopeWhere (scope.ts) with its organizations resolved (orgIdsWithin; null: all). */
function memberScopeWhereIn(actor: Actor, orgIds: string[] | null): Prisma.MemberWhereInput {
  if (orgIds === null) return { tenantId: actor.tenantId };
  const or: Prisma.MemberWhereInput[] = [];
  if (orgIds.length > 0) or.push({ orgId: { in: orgIds } });
  if (actor.memberId) or.push({ id: actor.memberId });
  if (or.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return { tenantId: actor.tenantId, OR: or };
}
