import type { Prisma } from "@/generated/prisma/client";
import type { ActivityListQuery } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { orgIdsWithin } from "../../authz/org-ids-within";
import { withTenant } from "../../tenant-tx";
import {
  activityReadWhereIn,
  dateOnly,
  decimalOrNull,
  readableActivityOrgIds,
} from "./activity-rules";
import { countsForPage } from "./page-counts";

export const ACTIVITY_PAGE_SIZE = 20;
/** Records counted exactly; beyond this the list shows "more than 1,000" (a multiple of the page size). */
export const COUNT_LIMIT = 1000;

/**
 * One page of the records the actor may read, newest first, filtered by organizations (several
 * at once, each with its subtree; ones outside the actor's scope are ignored), type, status
 * ("VOIDED": voided records whatever their status; the others: that status, not voided) and
 * a date range (inclusive).
 */
export async function listActivities(actor: Actor, query: ActivityListQuery) {
  return withTenant(actor.tenantId, async (tx) => {
    // The scope is resolved to organization ids first: Activity is then filtered by `orgId IN
    // (…)` and read newest first along an index, instead of joining every record of the
    // university to its organization to test the path.
    const readableIds = await readableActivityOrgIds(tx, actor);
    const filters: Prisma.ActivityWhereInput[] = [activityReadWhereIn(actor, readableIds)];
    if (query.orgIds.length > 0) {
      const chosen = await tx.organization.findMany({
        where: {
          tenantId: actor.tenantId,
          AND: [
            { id: { in: query.orgIds } },
            readableIds === null ? {} : { id: { in: readableIds } },
          ],
        },
        select: { path: true },
      });
      if (chosen.length === 0) return emptyPage();
      const subtrees = await orgIdsWithin(
        tx,
        actor,
        chosen.map((o) => o.path),
      );
      if (subtrees !== null) filters.push({ orgId: { in: subtrees } });
    }
    if (query.type) filters.push({ type: query.type });
    if (query.status === "VOIDED") filters.push({ voidedAt: { not: null } });
    else if (query.status) filters.push({ status: query.status, voidedAt: null });
    if (query.from) filters.push({ date: { gte: dateOnly(query.from) } });
    if (query.to) filters.push({ date: { lte: dateOnly(query.to) } });

    const where: Prisma.ActivityWhereInput = { AND: filters };
    // Counted up to COUNT_LIMIT records (or up to the requested page), not beyond: a university's
    // year of records is counted in milliseconds instead of a tenth of a second per page view.
    // Past the limit the list says "more than N" and offers the next page.
    const limit = Math.max(COUNT_LIMIT, query.page * ACTIVITY_PAGE_SIZE);
    const counted = await tx.activity.count({ where, take: limit + 1 });
    const totalExact = counted <= limit;
    const total = Math.min(counted, limit);
    const pageCount = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)) + (totalExact ? 0 : 1);
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
    const { presentOf, evidenceOf } = await countsForPage(
      tx,
      actor.tenantId,
      rows.map((r) => r.id),
    );
    const items = rows.map(({ durationHours, ...row }) => ({
      ...row,
      durationHours: decimalOrNull(durationHours) ?? 0,
      presentCount: presentOf.get(row.id) ?? 0,
      evidenceCount: evidenceOf.get(row.id) ?? 0,
    }));
    return { items, total, totalExact, page, pageSize: ACTIVITY_PAGE_SIZE, pageCount };
  });
}

export type ActivityListPage = Awaited<ReturnType<typeof listActivities>>;
export type ActivityListItem = ActivityListPage["items"][number];

function emptyPage() {
  return {
    items: [],
    total: 0,
    totalExact: true,
    page: 1,
    pageSize: ACTIVITY_PAGE_SIZE,
    pageCount: 1,
  };
}
