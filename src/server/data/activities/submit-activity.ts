import type { ActivityRefInput } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { EDITABLE_STATUSES, isActivityOwner } from "./activity-rules";
import { findActivityInScopeOrThrow } from "./find-activity";

/**
 * Sends a DRAFT or RETURNED record for review (SUBMITTED). Its owner does this: whoever records
 * for its organization, or for a self-report the member who reported it. A returned record is
 * resubmitted this way once corrected; its return reason stays in the history.
 */
export async function submitActivity(
  actor: Actor,
  input: ActivityRefInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const current = await findActivityInScopeOrThrow(tx, actor, input.id);
    if (!isActivityOwner(actor, current)) throw forbidden();
    if (current.version !== input.version) throw conflict();
    if (current.voidedAt) throw new AppError("VALIDATION", "记录已作废，不能提交");
    if (!EDITABLE_STATUSES.includes(current.status))
      throw new AppError("VALIDATION", "只有草稿或已退回的记录可以提交审核");
    const { count } = await tx.activity.updateMany({
      where: {
        tenantId: actor.tenantId,
        id: current.id,
        version: input.version,
        status: { in: [...EDITABLE_STATUSES] },
        voidedAt: null,
      },
      data: {
        status: "SUBMITTED",
        submittedAt: new Date(),
        returnReason: null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "activity.submit",
      entityType: "Activity",
      entityId: current.id,
      before: { status: current.status },
      after: { status: "SUBMITTED" },
    });
    return { id: current.id };
  });
}
