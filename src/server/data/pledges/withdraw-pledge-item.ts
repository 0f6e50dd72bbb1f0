import type { WithdrawPledgeItemInput } from "@/lib/schemas/pledge";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findVisibleItemOrThrow } from "./pledge-rules";

/**
 * The owner withdraws an item before it is evaluated. The item stays (withdrawnAt), visibly
 * withdrawn; an evaluated item can no longer be withdrawn.
 */
export async function withdrawPledgeItem(
  actor: Actor,
  input: WithdrawPledgeItemInput,
): Promise<{ id: string; pledgeId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const { item, access } = await findVisibleItemOrThrow(tx, actor, input.itemId);
    if (!access.isOwner) throw forbidden("只有承诺人可以撤回承诺事项");
    if (item.withdrawnAt) throw new AppError("CONFLICT", "该承诺事项已撤回");
    if (item.verdict) throw new AppError("CONFLICT", "该承诺事项已评议，不能撤回");
    if (item.version !== input.version) throw conflict();
    const { count } = await tx.pledgeItem.updateMany({
      where: { tenantId, id: item.id, version: input.version, verdict: null, withdrawnAt: null },
      data: { withdrawnAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "pledge.withdrawItem",
      entityType: "PledgeItem",
      entityId: item.id,
      before: { withdrawnAt: null },
      after: { withdrawn: true, pledgeId: item.pledgeId, text: item.text },
    });
    return { id: item.id, pledgeId: item.pledgeId };
  });
}
