import { randomUUID } from "node:crypto";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { SELF_REPORT_TYPES, type CreateSelfReportInput } from "@/lib/schemas/self-report";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  checkAndStoreEvidence,
  dateOnly,
  fieldError,
  findCoveringCampaignIds,
  findOwnMemberOrThrow,
  isUniqueViolation,
} from "./self-report-rules";

export type SelfReportResult = { id: string; status: ActivityStatus; created: boolean };

/** Field checks that need the clock or guard the data layer on their own (the schema checks them too). */
export function checkSelfReportFields(input: { type: string; date: string; hours: number }): void {
  if (!(SELF_REPORT_TYPES as readonly string[]).includes(input.type)) {
    throw fieldError("type", "该类型不能由个人填报");
  }
  if (input.date > todayInShanghai()) throw fieldError("date", "日期不能晚于今天");
  if (!(input.hours > 0 && input.hours <= 24)) {
    throw fieldError("hours", "时长应大于 0 且不超过 24 小时");
  }
}

/**
 * A member reports their own service or study (志愿服务, 义务劳动, 结对帮扶 ...): an Activity of the
 * member's current organization with selfReportedById = the member, one attendance row crediting
 * the hours, links to the ACTIVE campaigns covering the organization on that date, and the
 * evidence files. Submitted for review at once, or kept as a draft.
 *
 * Only for the actor's own linked member: there is no member id in the input to forge. A retried
 * submission with the same idempotency key returns the record the first one created.
 */
export async function createSelfReport(
  actor: Actor,
  input: CreateSelfReportInput & { files?: readonly File[] },
): Promise<SelfReportResult> {
  if (!actor.memberId) throw forbidden("您的账号未关联党员信息，不能填报");
  checkSelfReportFields(input);
  const key = input.idempotencyKey;
  if (key) {
    const existing = await findByKey(actor, key);
    if (existing) return existing;
  }
  const evidence = await checkAndStoreEvidence(input.files ?? []);

  try {
    return await withTenant(actor.tenantId, async (tx) => {
      const member = await findOwnMemberOrThrow(tx, actor);
      const tenantId = actor.tenantId;
      const id = randomUUID();
      const status: ActivityStatus = input.intent === "draft" ? "DRAFT" : "SUBMITTED";
      const hours = input.hours.toFixed(2);
      await tx.activity.create({
        data: {
          tenantId,
          id,
          orgId: member.orgId,
          type: input.type,
          subType: input.subType,
          date: dateOnly(input.date),
          durationHours: hours,
          place: input.place,
          topic: input.topic,
          content: input.content,
          selfReportedById: member.id,
          status,
          submittedAt: status === "SUBMITTED" ? new Date() : null,
          recordedById: actor.userId,
          idempotencyKey: key,
        },
      });
      await tx.activityAttendance.create({
        data: { tenantId, activityId: id, memberId: member.id, present: true, hours },
      });
      const campaignIds = await findCoveringCampaignIds(tx, tenantId, member.org.path, input.date);
      if (campaignIds.length > 0) {
        await tx.activityCampaign.createMany({
          data: campaignIds.map((campaignId) => ({ tenantId, activityId: id, campaignId })),
        });
      }
      if (evidence.length > 0) {
        await tx.evidence.createMany({
          data: evidence.map((e) => ({
            tenantId,
            activityId: id,
            uploadedById: actor.userId,
            ...e,
          })),
        });
      }
      await recordAuditEvent(tx, actor, {
        action: "selfReport.create",
        entityType: "Activity",
        entityId: id,
        after: {
          type: input.type,
          subType: input.subType,
          date: input.date,
          hours: input.hours,
          topic: input.topic,
          status,
          orgId: member.orgId,
          campaignIds,
          evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })),
        },
      });
      return { id, status, created: true };
    });
  } catch (error) {
    // The same submission arrived twice at once: the other one won; answer with its record.
    if (key && isUniqueViolation(error)) {
      const existing = await findByKey(actor, key);
      if (existing) return existing;
    }
    throw error;
  }
}

async function findByKey(actor: Actor, key: string): Promise<SelfReportResult | null> {
  return withTenant(actor.tenantId, async (tx) => {
    const existing = await tx.activity.findFirst({
      where: { tenantId: actor.tenantId, idempotencyKey: key },
      select: { id: true, status: true, selfReportedById: true },
    });
    if (!existing) return null;
    // A key is a random UUID of one form; someone else's record under it is never handed out.
    if (existing.selfReportedById !== actor.memberId) {
      throw conflict("提交标识已被使用，请刷新页面后重试");
    }
    return { id: existing.id, status: existing.status, created: false };
  });
}
