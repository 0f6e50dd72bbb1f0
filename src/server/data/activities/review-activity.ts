import type {
  ActivityRefInput,
  BulkApproveInput,
  ReturnActivityInput,
} from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden, isAppError } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { reviewRefusal } from "./activity-rules";
import { findActivityInScopeOrThrow } from "./find-activity";

// Review of records: SUBMITTED → APPROVED, or SUBMITTED → RETURNED with a reason. Generic over
// organization records and members' self-reports (Activity.selfReportedById set): the rules of
// who reviews what live in activity-rules.ts (reviewRefusal), and nobody reviews a record they
// recorded or reported themselves.

async function loadForReview(tx: TenantTx, actor: Actor, input: ActivityRefInput) {
  requirePermission(actor, "activity.review");
  const current = await findActivityInScopeOrThrow(tx, actor, input.id);
  const refusal = reviewRefusal(actor, current);
  if (refusal) throw forbidden(refusal);
  if (current.version !== input.version) throw conflict();
  if (current.voidedAt) throw new AppError("VALIDATION", "记录已作废，不能审核");
  if (current.status === "RETURNED")
    throw new AppError("VALIDATION", "记录已退回，需修改并重新提交后才能审核");
  if (current.status !== "SUBMITTED")
    throw new AppError(
      "VALIDATION",
      current.status === "APPROVED" ? "记录已审核通过" : "记录尚未提交审核",
    );
  return current;
}

async function approveInTx(tx: TenantTx, actor: Actor, input: ActivityRefInput) {
  const current = await loadForReview(tx, actor, input);
  const now = new Date();
  const { count } = await tx.activity.updateMany({
    where: {
      tenantId: actor.tenantId,
      id: current.id,
      version: input.version,
      status: "SUBMITTED",
      voidedAt: null,
    },
    data: {
      status: "APPROVED",
      reviewedById: actor.userId,
      reviewedAt: now,
      returnReason: null,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw conflict();
  await recordAuditEvent(tx, actor, {
    action: "activity.approve",
    entityType: "Activity",
    entityId: current.id,
    before: { status: "SUBMITTED" },
    after: { status: "APPROVED" },
  });
  return { id: current.id, topic: current.topic };
}

/** Approves a SUBMITTED record (it starts counting towards quotas). */
export async function approveActivity(
  actor: Actor,
  input: ActivityRefInput,
): Promise<{ id: string }> {
  const { id } = await withTenant(actor.tenantId, (tx) => approveInTx(tx, actor, input));
  return { id };
}

/** Returns a SUBMITTED record to its owner with a reason; they correct it and submit again. */
export async function returnActivity(
  actor: Actor,
  input: ReturnActivityInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const current = await loadForReview(tx, actor, input);
    const { count } = await tx.activity.updateMany({
      where: {
        tenantId: actor.tenantId,
        id: current.id,
        version: input.version,
        status: "SUBMITTED",
        voidedAt: null,
      },
      data: {
        status: "RETURNED",
        reviewedById: actor.userId,
        reviewedAt: new Date(),
        returnReason: input.reason,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "activity.return",
      entityType: "Activity",
      entityId: current.id,
      before: { status: "SUBMITTED" },
      after: { status: "RETURNED", reason: input.reason },
    });
    return { id: current.id };
  });
}

export type BulkApproveResult = {
  approved: string[];
  failed: { id: string; message: string }[];
};

/**
 * Approves several records from the review queue. Each approval is its own transaction with its
 * own audit event, so one record that changed meanwhile (returned by someone else, edited …)
 * is reported back without holding up the others.
 */
export async function approveActivities(
  actor: Actor,
  input: BulkApproveInput,
): Promise<BulkApproveResult> {
  requirePermission(actor, "activity.review");
  const result: BulkApproveResult = { approved: [], failed: [] };
  const seen = new Set<string>();
  for (const item of input.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    try {
      await withTenant(actor.tenantId, (tx) => approveInTx(tx, actor, item));
      result.approved.push(item.id);
    } catch (error) {
      if (!isAppError(error)) throw error;
      result.failed.push({ id: item.id, message: error.message });
    }
  }
  return result;
}
