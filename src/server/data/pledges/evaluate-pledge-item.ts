import type { EvaluatePledgeItemInput } from "@/lib/schemas/pledge";
import type { Actor } from "../../authz/actor";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findVisibleItemOrThrow } from "./pledge-rules";

/**
 * The branch's verdict on one item (评诺): fulfilled, partly, or not fulfilled, with a comment.
 * Only by pledge.evaluate over the pledge's organization (a superior for an organization's
 * pledge), never by the pledge's owner. A later evaluation replaces the verdict; a stale form
 * (version) gets CONFLICT.
 */
export async function evaluatePledgeItem(
  actor: Actor,
  input: EvaluatePledgeItemInput,
): Promise<{ id: string; pledgeId: string; changed: boolean }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const { item, access } = await findVisibleItemOrThrow(tx, actor, input.itemId);
    if (access.isOwner) throw forbidden("不能评议自己的承诺");
    if (!access.canEvaluate) throw forbidden("您不能评议该承诺");
    if (item.withdrawnAt) throw new AppError("CONFLICT", "该承诺事项已撤回");
    if (item.version !== input.version) throw conflict();
    const before = { verdict: item.verdict, verdictComment: item.verdictComment };
    const after = { verdict: input.verdict, verdictComment: input.comment };
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length === 0) {
      return { id: item.id, pledgeId: item.pledgeId, changed: false };
    }
    const { count } = await tx.pledgeItem.updateMany({
      where: { tenantId, id: item.id, version: input.version, withdrawnAt: null },
      data: {
        verdict: input.verdict,
        verdictComment: input.comment,
        evaluatedById: actor.userId,
        evaluatedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "pledge.evaluate",
      entityType: "PledgeItem",
      entityId: item.id,
      before: diff.before,
      after: { ...diff.after, pledgeId: item.pledgeId },
    });
    return { id: item.id, pledgeId: item.pledgeId, changed: true };
  });
}
