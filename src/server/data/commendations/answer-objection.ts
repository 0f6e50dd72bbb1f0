import type { AnswerObjectionInput } from "@/lib/schemas/commendation";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  UUID,
  findWindowOrThrow,
  lockWindow,
  requireManage,
  requireNotFinal,
} from "./commendation-rules";

/**
 * The department answers an objection. An upheld objection takes the nominee off the list
 * (status REJECTED, with the answer as the reason).
 */
export async function answerObjection(
  actor: Actor,
  input: AnswerObjectionInput,
): Promise<{ windowId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const objection = UUID.test(input.objectionId)
      ? await tx.commendationObjection.findFirst({
          where: { tenantId, id: input.objectionId },
          select: { id: true, windowId: true, nominationId: true, answeredAt: true },
        })
      : null;
    if (!objection) throw notFound("异议");
    const w = await findWindowOrThrow(tx, actor, objection.windowId);
    requireManage(actor, w);
    await lockWindow(tx, tenantId, w.id);
    requireNotFinal(w);
    if (objection.answeredAt) throw new AppError("CONFLICT", "该异议已答复");
    const answeredAt = new Date();
    await tx.commendationObjection.update({
      where: { tenantId_id: { tenantId, id: objection.id } },
      data: { answer: input.answer, upheld: input.upheld, answeredById: actor.userId, answeredAt },
    });
    if (input.upheld)
      await tx.commendationNomination.update({
        where: { tenantId_id: { tenantId, id: objection.nominationId } },
        data: {
          status: "REJECTED",
          reviewNote: `公示期异议成立：${input.answer}`,
          reviewedById: actor.userId,
          reviewedAt: answeredAt,
          version: { increment: 1 },
        },
      });
    await recordAuditEvent(tx, actor, {
      action: "commendation.answer",
      entityType: "CommendationObjection",
      entityId: objection.id,
      after: { answer: input.answer, upheld: input.upheld, nominationId: objection.nominationId },
    });
    return { windowId: w.id };
  });
}
