import { randomUUID } from "node:crypto";
import type { AddPledgeCommentInput } from "@/lib/schemas/pledge";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID } from "../self-reports/self-report-rules";
import { findVisiblePledgeOrThrow } from "./pledge-rules";

/**
 * A comment on a pledge, or on one of its items, by the branch's members or an evaluator (the
 * secretary). Someone who cannot see the pledge gets NOT_FOUND; an item of another pledge too.
 */
export async function addPledgeComment(
  actor: Actor,
  input: AddPledgeCommentInput,
): Promise<{ id: string; pledgeId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const { pledge, access } = await findVisiblePledgeOrThrow(tx, actor, input.pledgeId);
    if (!access.canComment) throw forbidden("您不能评论该承诺");
    if (input.itemId) {
      if (!UUID.test(input.itemId)) throw notFound("承诺事项");
      const item = await tx.pledgeItem.findFirst({
        where: { tenantId, id: input.itemId, pledgeId: pledge.id },
        select: { id: true },
      });
      if (!item) throw notFound("承诺事项");
    }
    const id = randomUUID();
    await tx.pledgeComment.create({
      data: {
        tenantId,
        id,
        pledgeId: pledge.id,
        itemId: input.itemId,
        authorUserId: actor.userId,
        text: input.text,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "pledge.comment",
      entityType: "PledgeComment",
      entityId: id,
      after: { pledgeId: pledge.id, itemId: input.itemId, text: input.text },
    });
    return { id, pledgeId: pledge.id };
  });
}
