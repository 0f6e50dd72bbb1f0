import type { VoidActivityInput } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { EDITABLE_STATUSES, fieldError, isActivityOwner, reviewRefusal } from "./activity-rules";
import { findActivityInScopeOrThrow } from "./find-activity";

/**
 * Nothing is deleted; a record leaves by being voided (voidedAt, voidedById, voidReason):
 *   - an APPROVED record, by someone who may review it, with a reason: it stays visible with
 *     the reason and stops counting ("activity.void");
 *   - a DRAFT or RETURNED record, by its owner — discarding it ("activity.discard"); the reason
 *     is optional there.
 * A SUBMITTED record is with its reviewer: they approve or return it first.
 */
export async function voidActivity(
  actor: Actor,
  input: VoidActivityInput,
): Promise<{ id: string; discarded: boolean }> {
  return withTenant(actor.tenantId, async (tx) => {
    const current = await findActivityInScopeOrThrow(tx, actor, input.id);
    if (current.voidedAt) throw new AppError("VALIDATION", "记录已作废");
    const discarding = EDITABLE_STATUSES.includes(current.status);
    if (discarding) {
      if (!isActivityOwner(actor, current)) throw forbidden();
    } else if (current.status === "APPROVED") {
      const refusal = reviewRefusal(actor, current);
      if (refusal) throw forbidden(refusal.replace("审核", "作废"));
    } else {
      if (!isActivityOwner(actor, current) && reviewRefusal(actor, current)) throw forbidden();
      throw new AppError("VALIDATION", "待审核的记录不能作废，请先由审核人退回");
    }
    if (current.version !== input.version) throw conflict();
    if (!discarding && !input.reason) throw fieldError("reason", "请填写作废原因");
    const reason = input.reason ?? "草稿已撤销";
    const { count } = await tx.activity.updateMany({
      where: {
        tenantId: actor.tenantId,
        id: current.id,
        version: input.version,
        status: current.status,
        voidedAt: null,
      },
      data: {
        voidedAt: new Date(),
        voidedById: actor.userId,
        voidReason: reason,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: discarding ? "activity.discard" : "activity.void",
      entityType: "Activity",
      entityId: current.id,
      before: { status: current.status, voidedAt: null },
      after: { status: current.status, voided: true, reason },
    });
    return { id: current.id, discarded: discarding };
  });
}
