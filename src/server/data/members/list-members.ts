import type { Prisma } from "@/generated/prisma/client";
import type { MemberRosterQuery } from "@/lib/schemas/member";
import type { Actor } from "../../authz/actor";
import { memberScopeWhere, orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";

export type RosterPage = Awaited<ReturnType<typeof listMembers>>;

/**
 * One page of the current roster the actor may read. The organization filter takes several
 * organizations at once, each with its whole subtree; organizations outside the actor's scope
 * are ignored (they could only ever match nothing).
 */
export async function listMembers(actor: Actor, query: MemberRosterQuery) {
  return withTenant(actor.tenantId, async (tx) => {
    const filters: Prisma.MemberWhereInput[] = [memberScopeWhere(actor), { leftAt: null }];

    if (query.orgIds.length > 0) {
      const chosen = await tx.organization.findMany({
        where: { AND: [orgScopeWhere(actor, "member.read"), { id: { in: query.orgIds } }] },
        select: { path: true },
      });
      if (chosen.length === 0) return emptyPage(query);
      filters.push({
        org: {
          OR: chosen.flatMap((o) => [{ path: o.path }, { path: { startsWith: o.path + "/" } }]),
        },
      });
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
