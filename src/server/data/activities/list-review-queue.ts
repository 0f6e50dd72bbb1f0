import type { Prisma } from "@/generated/prisma/client";
import type { ReviewQueueQuery } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import {
  activityReadWhereIn,
  decimalOrNull,
  readableActivityOrgIds,
  reviewableWhere,
} from "./activity-rules";
import { countsForPage } from "./page-counts";

export const REVIEW_PAGE_SIZE = 50;

/**
 * The records waiting for the actor's review: SUBMITTED, not voided, and reviewable by them
 * (reviewableWhere: organizations strictly below a secretary's own, self-reports of their own
 * organization, an admin's whole subtree; never what they recorded or reported themselves).
 * Oldest submission first, so nothing waits forever at the bottom.
 */
export async function listReviewQueue(actor: Actor, query: ReviewQueueQuery) {
  if (!can(actor, "activity.review"))
    return { items: [], total: 0, page: 1, pageCount: 1, pageSize: REVIEW_PAGE_SIZE };
  return withTenant(actor.tenantId, async (tx) => {
    // Both scopes resolved to organization ids first (two small queries on Organization), so
    // the queue is read from the status index instead of joining every record to its organization.
    const where: Prisma.ActivityWhereInput = {
      AND: [
        activityReadWhereIn(actor, await readableActivityOrgIds(tx, actor)),
        await reviewableWhere(tx, actor),
        { status: "SUBMITTED", voidedAt: null },
      ],
    };
    const total = await tx.activity.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const rows = await tx.activity.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        id: true,
        version: true,
        type: true,
        subType: true,
        date: true,
        topic: true,
        durationHours: true,
        submittedAt: true,
        recordedById: true,
        org: { select: { id: true, name: true, nameEn: true } },
        selfReporter: { select: { id: true, name: true, number: true } },
      },
    });
    const { presentOf, evidenceOf } = await countsForPage(
      tx,
      actor.tenantId,
      rows.map((r) => r.id),
    );
    const recorders = await tx.user.findMany({
      where: {
        tenantId: actor.tenantId,
        id: { in: [...new Set(rows.map((r) => r.recordedById))] },
      },
      select: { id: true, displayName: true },
    });
    const recorderName = new Map(recorders.map((u) => [u.id, u.displayName]));
    const items = rows.map(({ durationHours, recordedById, ...row }) => ({
      ...row,
      durationHours: decimalOrNull(durationHours) ?? 0,
      recordedBy: recorderName.get(recordedById) ?? null,
      presentCount: presentOf.get(row.id) ?? 0,
      evidenceCount: evidenceOf.get(row.id) ?? 0,
    }));
    return { items, total, page, pageCount, pageSize: REVIEW_PAGE_SIZE };
  });
}

export type ReviewQueuePage = Awaited<ReturnType<typeof listReviewQueue>>;
export type ReviewQueueItem = ReviewQueuePage["items"][number];
