import type { ReviewNominationInput } from "@/lib/schemas/commendation";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID, findWindowOrThrow, lockWindow, requireManage } from "./commendation-rules";

/** The department accepts or rejects (with a reason) a nomination before the list is published. */
export async function reviewNomination(
  actor: Actor,
  input: ReviewNominationInput,
): Promise<{ windowId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const nomination = UUID.test(input.nominationId)
      ? await tx.commendationNomination.findFirst({
          where: { tenantId, id: input.nominationId },
          select: { id: true, windowId: true, status: true, reviewNote: true },
        })
      : null;
    if (!nomination) throw notFound("推荐");
    const w = await findWindowOrThrow(tx, actor, nomination.windowId);
    requireManage(actor, w);
    await lockWindow(tx, tenantId, w.id);
    const fresh = await tx.commendationWindow.findFirstOrThrow({
      where: { tenantId, id: w.id },
      select: { publishedAt: true },
    });
    if (fresh.publishedAt) throw new AppError("CONFLICT", "名单已公示，不能再审核");
    if (nomination.status === input.decision && nomination.reviewNote === input.note)
      return { windowId: w.id };
    await tx.commendationNomination.update({
      where: { tenantId_id: { tenantId, id: nomination.id } },
      data: {
        status: input.decision,
        reviewNote: input.note,
        reviewedById: actor.userId,
        reviewedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "commendation.review",
      entityType: "CommendationNomination",
      entityId: nomination.id,
      before: { status: nomination.status, reviewNote: nomination.reviewNote },
      after: { status: input.decision, reviewNote: input.note },
    });
    return { windowId: w.id };
  });
}
