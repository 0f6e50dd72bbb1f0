import type { ActivityStatus } from "@/generated/prisma/enums";
import type { UpdateActivityInput } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import type { CheckedEvidence } from "../../evidence/check-evidence-file";
import { withTenant } from "../../tenant-tx";
import { decimalOrNull, EDITABLE_STATUSES, isoDay, shanghaiTime } from "./activity-rules";
import {
  activitySnapshot,
  activityWriteData,
  attendanceRows,
  checkActivityFields,
  storeEvidence,
  type ActivityFieldsInput,
} from "./activity-write";
import { findActivityInScopeOrThrow } from "./find-activity";

/**
 * Edits a DRAFT or RETURNED organization record (fields, attendance, campaign links; new
 * evidence files are added), and with `submit` sends it for review. The actor must record for
 * both the record's organization and the one it moves to. A stale form (version) gets CONFLICT;
 * a submitted, approved or voided record cannot be edited. Members' self-reports are edited by
 * their author on their own pages, not here.
 */
export async function updateActivity(
  actor: Actor,
  input: UpdateActivityInput,
  files: readonly CheckedEvidence[] = [],
): Promise<{ id: string; status: ActivityStatus; changed: boolean }> {
  return withTenant(actor.tenantId, async (tx) => {
    const current = await findActivityInScopeOrThrow(tx, actor, input.id);
    if (current.selfReportedById) throw forbidden("成员自报的记录由本人修改");
    if (!can(actor, "activity.record", current.org.path)) throw forbidden();
    if (current.version !== input.version) throw conflict();
    if (current.voidedAt || !EDITABLE_STATUSES.includes(current.status))
      throw new AppError("VALIDATION", "只有草稿或已退回的记录可以修改");

    const [attendance, links] = await Promise.all([
      tx.activityAttendance.findMany({
        where: { tenantId: actor.tenantId, activityId: current.id },
        select: { memberId: true, present: true, absenceReason: true, hours: true },
      }),
      tx.activityCampaign.findMany({
        where: { tenantId: actor.tenantId, activityId: current.id },
        select: { campaignId: true },
      }),
    ]);
    const { org, campaignIds } = await checkActivityFields(tx, actor, input, {
      activityId: current.id,
      keepMemberIds: attendance.map((a) => a.memberId),
    });

    const before = activitySnapshot(
      {
        orgId: current.orgId,
        type: current.type as ActivityFieldsInput["type"],
        subType: current.subType,
        date: isoDay(current.date),
        startTime: current.startsAt ? shanghaiTime(current.startsAt) : null,
        durationHours: decimalOrNull(current.durationHours) ?? 0,
        days: decimalOrNull(current.days),
        place: current.place,
        topic: current.topic,
        content: current.content,
        hostMemberId: current.hostMemberId,
        attendance: attendance.map((a) => ({
          memberId: a.memberId,
          present: a.present,
          absenceReason: a.absenceReason,
          hours: decimalOrNull(a.hours),
        })),
        campaignIds: undefined,
        submit: false,
      },
      links.map((l) => l.campaignId),
    );
    const after = activitySnapshot(input, campaignIds);
    const diff = changedFields(before, after);
    const changed = Object.keys(diff.after).length > 0 || files.length > 0;
    if (!changed && !input.submit)
      return { id: current.id, status: current.status, changed: false };

    // The version guard first, with the status unchanged: attendance rows and campaign links may
    // be replaced only while the record is a draft or returned (a row-level policy says so).
    const { count } = await tx.activity.updateMany({
      where: {
        tenantId: actor.tenantId,
        id: current.id,
        version: input.version,
        status: { in: [...EDITABLE_STATUSES] },
        voidedAt: null,
      },
      data: { ...activityWriteData(input), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    if ("attendance" in diff.after) {
      await tx.activityAttendance.deleteMany({
        where: { tenantId: actor.tenantId, activityId: current.id },
      });
      if (input.attendance.length > 0) {
        await tx.activityAttendance.createMany({
          data: attendanceRows(actor.tenantId, current.id, input.attendance),
        });
      }
    }
    if ("campaignIds" in diff.after) {
      await tx.activityCampaign.deleteMany({
        where: { tenantId: actor.tenantId, activityId: current.id },
      });
      if (campaignIds.length > 0) {
        await tx.activityCampaign.createMany({
          data: campaignIds.map((campaignId) => ({
            tenantId: actor.tenantId,
            activityId: current.id,
            campaignId,
          })),
        });
      }
    }
    const evidence = await storeEvidence(tx, actor, current.id, files);
    if (changed) {
      await recordAuditEvent(tx, actor, {
        action: "activity.update",
        entityType: "Activity",
        entityId: current.id,
        before: diff.before,
        after: {
          ...diff.after,
          ...(org.id !== current.orgId ? { orgCode: org.code } : {}),
          ...(evidence.length ? { evidenceAdded: evidence } : {}),
        },
      });
    }
    let status = current.status;
    if (input.submit) {
      await tx.activity.updateMany({
        where: { tenantId: actor.tenantId, id: current.id },
        data: { status: "SUBMITTED", submittedAt: new Date(), returnReason: null },
      });
      await recordAuditEvent(tx, actor, {
        action: "activity.submit",
        entityType: "Activity",
        entityId: current.id,
        before: { status: current.status },
        after: { status: "SUBMITTED" },
      });
      status = "SUBMITTED";
    }
    return { id: current.id, status, changed: true };
  });
}
