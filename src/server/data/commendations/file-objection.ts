import type { FileObjectionInput } from "@/lib/schemas/commendation";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import { UUID, findWindowOrThrow } from "./commendation-rules";

/**
 * Any signed-in user of the tenant files an objection to a published nominee during the notice
 * period. An anonymous objection stores no filer, and its audit event carries no actor: nobody,
 * the reviewers included, can tell who filed it.
 */
export async function fileObjection(
  actor: Actor,
  input: FileObjectionInput,
  today: string = todayInShanghai(),
): Promise<{ windowId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const nomination = UUID.test(input.nominationId)
      ? await tx.commendationNomination.findFirst({
          where: { tenantId, id: input.nominationId },
          select: { id: true, windowId: true, status: true },
        })
      : null;
    if (!nomination) throw notFound("推荐");
    const w = await findWindowOrThrow(tx, actor, nomination.windowId);
    if (!w.publishedAt || nomination.status !== "ACCEPTED") throw notFound("公示对象");
    if (w.finalizedAt) throw new AppError("CONFLICT", "名单已确定，公示已结束");
    if (w.noticeStartsOn && today < isoDay(w.noticeStartsOn))
      throw new AppError("CONFLICT", "公示尚未开始");
    if (w.noticeEndsOn && today > isoDay(w.noticeEndsOn))
      throw new AppError("CONFLICT", "公示期已结束，不再受理异议");
    const objection = await tx.commendationObjection.create({
      data: {
        tenantId,
        windowId: w.id,
        nominationId: nomination.id,
        text: input.text,
        filedById: input.anonymous ? null : actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, input.anonymous ? { tenantId, userId: null } : actor, {
      action: "commendation.object",
      entityType: "CommendationObjection",
      entityId: objection.id,
      after: { nominationId: nomination.id, text: input.text, anonymous: input.anonymous },
    });
    return { windowId: w.id };
  });
}
