import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import {
  findWindowOrThrow,
  lockWindow,
  requireManage,
  requireNotFinal,
} from "./commendation-rules";

/**
 * After the notice period has ended and every objection is answered, the department finalizes
 * the list. From then on the window, its nominations and objections are immutable (the data
 * functions refuse, and a trigger refuses any write).
 */
export async function finalizeCommendations(
  actor: Actor,
  input: { windowId: string },
  today: string = todayInShanghai(),
): Promise<{ windowId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const w = await findWindowOrThrow(tx, actor, input.windowId);
    requireManage(actor, w);
    await lockWindow(tx, tenantId, w.id);
    requireNotFinal(w);
    if (!w.publishedAt || !w.noticeEndsOn) throw new AppError("CONFLICT", "名单尚未公示");
    if (today <= isoDay(w.noticeEndsOn)) throw new AppError("CONFLICT", "公示期尚未结束");
    const open = await tx.commendationObjection.count({
      where: { tenantId, windowId: w.id, answeredAt: null },
    });
    if (open > 0) throw new AppError("CONFLICT", `还有 ${open} 条异议未答复`);
    const accepted = await tx.commendationNomination.count({
      where: { tenantId, windowId: w.id, status: "ACCEPTED" },
    });
    const finalizedAt = new Date();
    await tx.commendationWindow.update({
      where: { tenantId_id: { tenantId, id: w.id } },
      data: { finalizedAt, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, actor, {
      action: "commendation.finalize",
      entityType: "CommendationWindow",
      entityId: w.id,
      after: { finalizedAt, accepted },
    });
    return { windowId: w.id };
  });
}
