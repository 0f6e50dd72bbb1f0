import type { PublishCommendationsInput } from "@/lib/schemas/commendation";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dateOnly, isoDay } from "../campaigns/campaign-rules";
import { findWindowOrThrow, lockWindow, requireManage } from "./commendation-rules";

/**
 * Publishes the accepted nominees for a public notice period (公示). Every nomination must be
 * reviewed first, and at least one accepted.
 */
export async function publishCommendations(
  actor: Actor,
  input: PublishCommendationsInput,
  today: string = todayInShanghai(),
): Promise<{ windowId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const w = await findWindowOrThrow(tx, actor, input.windowId);
    requireManage(actor, w);
    await lockWindow(tx, tenantId, w.id);
    const fresh = await tx.commendationWindow.findFirstOrThrow({
      where: { tenantId, id: w.id },
      select: { publishedAt: true, nominationEndsOn: true },
    });
    if (fresh.publishedAt) throw new AppError("CONFLICT", "名单已公示");
    if (today <= isoDay(fresh.nominationEndsOn))
      throw new AppError("CONFLICT", "推荐截止后才能公示名单");
    const [pending, accepted] = await Promise.all([
      tx.commendationNomination.count({ where: { tenantId, windowId: w.id, status: "PENDING" } }),
      tx.commendationNomination.count({ where: { tenantId, windowId: w.id, status: "ACCEPTED" } }),
    ]);
    if (pending > 0) throw new AppError("CONFLICT", `还有 ${pending} 项推荐未审核`);
    if (accepted === 0) throw new AppError("CONFLICT", "没有审核通过的推荐，无法公示");
    const publishedAt = new Date();
    await tx.commendationWindow.update({
      where: { tenantId_id: { tenantId, id: w.id } },
      data: {
        publishedAt,
        noticeStartsOn: dateOnly(input.noticeStartsOn),
        noticeEndsOn: dateOnly(input.noticeEndsOn),
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "commendation.publish",
      entityType: "CommendationWindow",
      entityId: w.id,
      after: {
        publishedAt,
        noticeStartsOn: input.noticeStartsOn,
        noticeEndsOn: input.noticeEndsOn,
        accepted,
      },
    });
    return { windowId: w.id };
  });
}
