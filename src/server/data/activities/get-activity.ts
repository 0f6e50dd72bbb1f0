import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import {
  activityAbilities,
  campaignActivityTypes,
  decimalOrNull,
  isoDay,
  shanghaiTime,
} from "./activity-rules";
import { findActivityInScopeOrThrow } from "./find-activity";

/** Audit actions that make up a record's status history, in the order they may happen. */
export const HISTORY_ACTIONS = [
  "activity.create",
  "activity.update",
  "activity.submit",
  "activity.approve",
  "activity.return",
  "activity.void",
  "activity.discard",
  "activity.evidence.add",
  "activity.evidence.withdraw",
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/**
 * A record the actor may read, with everything its page shows: attendance (with member names),
 * evidence (withdrawn files listed as such), the campaigns it counts for, its status history
 * from the audit trail, the people who recorded, reviewed and voided it, and what the actor may
 * do with it now. NOT_FOUND outside the actor's scope.
 */
export async function getActivity(actor: Actor, id: string) {
  return withTenant(actor.tenantId, async (tx) => {
    const a = await findActivityInScopeOrThrow(tx, actor, id);
    const tenantId = actor.tenantId;
    const [attendance, evidence, links, events, host, selfReporter] = await Promise.all([
      tx.activityAttendance.findMany({
        where: { tenantId, activityId: a.id },
        select: {
          memberId: true,
          present: true,
          absenceReason: true,
          hours: true,
          member: {
            select: { number: true, name: true, org: { select: { name: true, nameEn: true } } },
          },
        },
        orderBy: [{ present: "desc" }, { member: { number: "asc" } }],
      }),
      tx.evidence.findMany({
        where: { tenantId, activityId: a.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          mimeType: true,
          sizeBytes: true,
          originalName: true,
          createdAt: true,
          withdrawnAt: true,
        },
      }),
      tx.activityCampaign.findMany({
        where: { tenantId, activityId: a.id },
        select: {
          campaign: {
            select: { id: true, name: true, nameEn: true, status: true, definition: true },
          },
        },
      }),
      tx.auditEvent.findMany({
        where: { tenantId, entityType: "Activity", entityId: a.id },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, at: true, action: true, actorUserId: true, after: true },
      }),
      a.hostMemberId
        ? tx.member.findFirst({
            where: { tenantId, id: a.hostMemberId },
            select: { id: true, name: true, number: true },
          })
        : null,
      a.selfReportedById
        ? tx.member.findFirst({
            where: { tenantId, id: a.selfReportedById },
            select: { id: true, name: true, number: true },
          })
        : null,
    ]);
    const userIds = [
      ...new Set(
        [a.recordedById, a.reviewedById, a.voidedById, ...events.map((e) => e.actorUserId)].filter(
          (v): v is string => !!v,
        ),
      ),
    ];
    const users = await tx.user.findMany({
      where: { tenantId, id: { in: userIds } },
      select: { id: true, displayName: true },
    });
    const nameOf = (userId: string | null) =>
      userId ? (users.find((u) => u.id === userId)?.displayName ?? null) : null;

    const durationHours = decimalOrNull(a.durationHours) ?? 0;
    return {
      activity: {
        id: a.id,
        version: a.version,
        orgId: a.orgId,
        org: {
          id: a.org.id,
          name: a.org.name,
          nameEn: a.org.nameEn,
          code: a.org.code,
          level: a.org.level,
          path: a.org.path,
        },
        type: a.type,
        subType: a.subType,
        date: isoDay(a.date),
        startTime: a.startsAt ? shanghaiTime(a.startsAt) : null,
        durationHours,
        days: decimalOrNull(a.days),
        place: a.place,
        topic: a.topic,
        content: a.content,
        host,
        selfReporter,
        status: a.status,
        submittedAt: a.submittedAt,
        reviewedAt: a.reviewedAt,
        reviewedBy: nameOf(a.reviewedById),
        returnReason: a.returnReason,
        voidedAt: a.voidedAt,
        voidedBy: nameOf(a.voidedById),
        voidReason: a.voidReason,
        recordedBy: nameOf(a.recordedById),
        createdAt: a.createdAt,
        /** Approved and not voided: what quotas count. */
        counts: a.status === "APPROVED" && a.voidedAt === null,
      },
      attendance: attendance.map((row) => ({
        memberId: row.memberId,
        number: row.member.number,
        name: row.member.name,
        orgName: row.member.org.name,
        orgNameEn: row.member.org.nameEn,
        present: row.present,
        absenceReason: row.absenceReason,
        /** Credited hours: the row's own, or the record's duration. */
        hours: row.present ? (decimalOrNull(row.hours) ?? durationHours) : 0,
        ownHours: decimalOrNull(row.hours),
      })),
      evidence,
      campaigns: links.map((l) => ({
        id: l.campaign.id,
        name: l.campaign.name,
        nameEn: l.campaign.nameEn,
        status: l.campaign.status,
        countsType: campaignActivityTypes(l.campaign.definition).includes(a.type),
      })),
      history: events.map((e) => ({
        id: e.id,
        at: e.at,
        action: e.action,
        actorName: nameOf(e.actorUserId),
        reason:
          e.after && typeof e.after === "object" && !Array.isArray(e.after)
            ? typeof (e.after as Record<string, unknown>).reason === "string"
              ? ((e.after as Record<string, unknown>).reason as string)
              : null
            : null,
      })),
      can: activityAbilities(actor, a),
    };
  });
}

export type ActivityDetail = Awaited<ReturnType<typeof getActivity>>;
