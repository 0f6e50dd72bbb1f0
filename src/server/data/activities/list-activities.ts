import type { Prisma } from "@/generated/prisma/client";
import type { ActivityListQuery } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { activityReadWhere, dateOnly, decimalOrNull } from "./activity-rules";

export const ACTIVITY_PAGE_SIZE = 20;

/**
 * One page of the records the actor may read, newest first, filtered by organizations (several
 * at once, each with its subtree; ones outside the actor's scope are ignored), type, status
 * ("VOIDED": voided records whatever their status; the others: that status, not voided) and
 * a date range (inclusive).
 */
export async function listActivities(actor: Actor, query: ActivityListQuery) {
  return withTenant(actor.tenantId, async (tx) => {
    const filters: Prisma.ActivityWhereInput[] = [activityReadWhere(actor)];
    if (query.orgIds.length > 0) {
      const readable: Prisma.OrganizationWhereInput[] = [];
      if (scopeRoots(actor, "activity.read").length)
        readable.push(orgScopeWhere(actor, "activity.read"));
      if (scopeRoots(actor, "activity.record").length)
        readable.push(orgScopeWhere(actor, "activity.record"));
      const chosen = readable.length
        ? await tx.organization.findMany({
            where: { AND: [{ OR: readable }, { id: { in: query.orgIds } }] },
            select: { path: true },
          })
        : [];
      if (chosen.length === 0) return emptyPage();
      filters.push({
        org: {
          tenantId: actor.tenantId,
          OR: chosen.flatMap((o) => [{ path: o.path }, { path: { startsWith: o.path + "/" } }]),
        },
      });
    }
    if (query.type) filters.push({ type: query.type });
    if (query.status === "VOIDED") filters.push({ voidedAt: { not: null } });
    else if (query.status) filters.push({ status: query.status, voidedAt: null });
    if (query.from) filters.push({ date: { gte: dateOnly(query.from) } });
    if (query.to) filters.push({ date: { lte: dateOnly(query.to) } });

    const where: Prisma.ActivityWhereInput = { AND: filters };
    const total = await tx.activity.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const rows = await tx.activity.findMany({
      where,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        subType: true,
        date: true,
        topic: true,
        status: true,
        voidedAt: true,
        durationHours: true,
        selfReportedById: true,
        org: { select: { id: true, name: true, nameEn: true } },
      },
    });
    // Counted for this page's records only. (A relation `_count` in the select above makes Prisma
    // aggregate the whole attendance and evidence tables before joining: seconds on a university
    // with a year of records.)
    const ids = rows.map((r) => r.id);
    const [present, evidence] = ids.length
      ? await Promise.all([
          tx.activityAttendance.groupBy({
            by: ["activityId"],
            where: { tenantId: actor.tenantId, activityId: { in: ids }, present: true },
            _count: { _all: true },
          }),
          tx.evidence.groupBy({
            by: ["activityId"],
            where: { tenantId: actor.tenantId, activityId: { in: ids }, withdrawnAt: null },
            _count: { _all: true },
          }),
        ])
      : [[], []];
    const presentOf = new Map(present.map((r) => [r.activityId, r._count._all]));
    const evidenceOf = new Map(evidence.map((r) => [r.activityId, r._count._all]));
    const items = rows.map(({ durationHours, ...row }) => ({
      ...row,
      durationHours: decimalOrNull(durationHours) ?? 0,
      presentCount: presentOf.get(row.id) ?? 0,
      evidenceCount: evidenceOf.get(row.id) ?? 0,
    }));
    return { items, total, page, pageSize: ACTIVITY_PAGE_SIZE, pageCount };
  });
}

export type ActivityListPage = Awaited<ReturnType<typeof listActivities>>;
export type ActivityListItem = ActivityListPage["items"][number];

function emptyPage() {
  return { items: [], total: 0, page: 1, pageSize: ACTIVITY_PAGE_SIZE, pageCount: 1 };
}
