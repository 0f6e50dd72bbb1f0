import { randomUUID } from "node:crypto";
import type { ActivityStatus } from "@/generated/prisma/enums";
import type { CreateActivityInput } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { conflict } from "../../errors";
import type { CheckedEvidence } from "../../evidence/check-evidence-file";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { isUniqueViolation } from "./activity-rules";
import {
  activitySnapshot,
  activityWriteData,
  attendanceRows,
  checkActivityFields,
  storeEvidence,
} from "./activity-write";

export type CreateActivityResult = { id: string; status: ActivityStatus; created: boolean };

/**
 * Records an activity for an organization the actor records for (activity.record: a secretary
 * for their branch, an admin for any organization of their subtree), with its attendance,
 * campaign links and evidence files, as a DRAFT or — with `submit` — SUBMITTED for review.
 * Everything, audit event included, is written in one transaction, or nothing is.
 *
 * Idempotent on `idempotencyKey` (generated once per form in the browser): a retry or a double
 * click returns the record the first request created (`created: false`) instead of a second one,
 * also when both requests race (the unique index decides, the loser reads the winner's row).
 */
export async function createActivity(
  actor: Actor,
  input: CreateActivityInput,
  files: readonly CheckedEvidence[] = [],
): Promise<CreateActivityResult> {
  requirePermission(actor, "activity.record");
  try {
    return await withTenant(actor.tenantId, async (tx) => {
      const existing = await findByIdempotencyKey(tx, actor, input.idempotencyKey);
      if (existing) return existing;
      const { org, campaignIds } = await checkActivityFields(tx, actor, input);
      const id = randomUUID();
      const status: ActivityStatus = input.submit ? "SUBMITTED" : "DRAFT";
      const now = new Date();
      await tx.activity.create({
        data: {
          tenantId: actor.tenantId,
          id,
          ...activityWriteData(input),
          status,
          submittedAt: input.submit ? now : null,
          recordedById: actor.userId,
          idempotencyKey: input.idempotencyKey,
        },
      });
      if (input.attendance.length > 0) {
        await tx.activityAttendance.createMany({
          data: attendanceRows(actor.tenantId, id, input.attendance),
        });
      }
      if (campaignIds.length > 0) {
        await tx.activityCampaign.createMany({
          data: campaignIds.map((campaignId) => ({
            tenantId: actor.tenantId,
            activityId: id,
            campaignId,
          })),
        });
      }
      const evidence = await storeEvidence(tx, actor, id, files);
      await recordAuditEvent(tx, actor, {
        action: "activity.create",
        entityType: "Activity",
        entityId: id,
        after: {
          ...activitySnapshot(input, campaignIds),
          orgCode: org.code,
          status,
          evidence,
        },
      });
      return { id, status, created: true };
    });
  } catch (error) {
    // The same key was saved by a concurrent request between our check and our insert.
    if (isUniqueViolation(error)) {
      const winner = await withTenant(actor.tenantId, (tx) =>
        findByIdempotencyKey(tx, actor, input.idempotencyKey),
      );
      if (winner) return winner;
    }
    throw error;
  }
}

async function findByIdempotencyKey(
  tx: TenantTx,
  actor: Actor,
  key: string,
): Promise<CreateActivityResult | null> {
  const row = await tx.activity.findFirst({
    where: { tenantId: actor.tenantId, idempotencyKey: key },
    select: { id: true, status: true, recordedById: true },
  });
  if (!row) return null;
  // A key is only ever reused by the form that generated it; anyone else's is a forged form.
  if (row.recordedById !== actor.userId) throw conflict("该表单已提交过，请刷新页面后重新填写");
  return { id: row.id, status: row.status, created: false };
}
