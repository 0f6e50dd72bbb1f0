import type { ActivityStatus } from "@/generated/prisma/enums";
import type { UpdateSelfReportInput } from "@/lib/schemas/self-report";
import type { Actor } from "../../authz/actor";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { checkSelfReportFields } from "./create-self-report";
import {
  checkAndStoreEvidence,
  dateOnly,
  EDITABLE_STATUSES,
  findCoveringCampaignIds,
  findOwnMemberOrThrow,
  isoDay,
  relinkCampaigns,
  UUID,
} from "./self-report-rules";

/**
 * Edits the actor's own self-report while it is a draft or was returned for correction, and
 * (intent "submit") sends it for review again. Anything else — submitted, approved, voided — is
 * the reviewer's now. A stale form (version) gets CONFLICT. New files are added to the evidence.
 */
export async function updateSelfReport(
  actor: Actor,
  input: UpdateSelfReportInput & { files?: readonly File[] },
): Promise<{ id: string; status: ActivityStatus }> {
  // An account without a member has no self-reports: any id is "not found" to it.
  if (!actor.memberId || !UUID.test(input.id)) throw notFound("自报记录");
  checkSelfReportFields(input);
  const evidence = await checkAndStoreEvidence(input.files ?? []);

  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const member = await findOwnMemberOrThrow(tx, actor);
    const current = await tx.activity.findFirst({
      where: { tenantId, id: input.id, selfReportedById: member.id },
    });
    if (!current) throw notFound("自报记录");
    if (current.voidedAt) throw new AppError("CONFLICT", "该记录已作废，不能修改");
    if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) {
      throw new AppError("CONFLICT", "该记录已提交审核，不能修改");
    }
    if (current.version !== input.version) throw conflict();

    const status: ActivityStatus = input.intent === "draft" ? "DRAFT" : "SUBMITTED";
    const hours = input.hours.toFixed(2);
    const before = {
      orgId: current.orgId,
      type: current.type,
      subType: current.subType,
      date: isoDay(current.date),
      hours: Number(current.durationHours.toString()),
      topic: current.topic,
      content: current.content,
      place: current.place,
      status: current.status,
    };
    const after = {
      orgId: member.orgId,
      type: input.type,
      subType: input.subType,
      date: input.date,
      hours: input.hours,
      topic: input.topic,
      content: input.content,
      place: input.place,
      status,
    };

    // Links may only be replaced while the record is still editable, so before the status changes.
    const campaignIds = await findCoveringCampaignIds(tx, tenantId, member.org.path, input.date);
    await relinkCampaigns(tx, tenantId, current.id, campaignIds);
    await tx.activityAttendance.updateMany({
      where: { tenantId, activityId: current.id, memberId: member.id },
      data: { hours, present: true },
    });
    const { count } = await tx.activity.updateMany({
      where: {
        tenantId,
        id: current.id,
        version: input.version,
        status: { in: [...EDITABLE_STATUSES] },
      },
      data: {
        orgId: member.orgId,
        type: input.type,
        subType: input.subType,
        date: dateOnly(input.date),
        durationHours: hours,
        topic: input.topic,
        content: input.content,
        place: input.place,
        status,
        submittedAt: status === "SUBMITTED" ? new Date() : current.submittedAt,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    if (evidence.length > 0) {
      await tx.evidence.createMany({
        data: evidence.map((e) => ({
          tenantId,
          activityId: current.id,
          uploadedById: actor.userId,
          ...e,
        })),
      });
    }
    const diff = changedFields(before, after);
    await recordAuditEvent(tx, actor, {
      action: status === "SUBMITTED" ? "selfReport.submit" : "selfReport.update",
      entityType: "Activity",
      entityId: current.id,
      before: diff.before,
      after: {
        ...diff.after,
        campaignIds,
        ...(evidence.length > 0
          ? { addedEvidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })) }
          : {}),
      },
    });
    return { id: current.id, status };
  });
}
