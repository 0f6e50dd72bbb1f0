import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { todayInShanghai } from "@/lib/format";
import { isoDay } from "../campaigns/campaign-rules";
import { findRoundOrThrow, lockRound } from "./appraisal-rules";

/**
 * Closes a round (the secretary or the organization department): no more ballots, and the
 * tallies become visible, fixed from then on. The round row is locked FOR UPDATE, so ballots
 * in flight finish first.
 */
export async function closeAppraisalRound(
  actor: Actor,
  input: { roundId: string },
  today: string = todayInShanghai(),
): Promise<{ roundId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const round = await findRoundOrThrow(tx, actor, input.roundId);
    if (!can(actor, "appraisal.manage", round.org.path)) throw forbidden();
    await lockRound(tx, tenantId, round.id, "update");
    const fresh = await tx.appraisalRound.findFirstOrThrow({
      where: { tenantId, id: round.id },
      select: { closedAt: true, startsOn: true },
    });
    if (fresh.closedAt) throw new AppError("CONFLICT", "本轮评议已结束");
    if (today < isoDay(fresh.startsOn)) throw new AppError("CONFLICT", "评议尚未开始，不能结束");
    const [voters, eligible] = await Promise.all([
      tx.appraisalVoter.count({ where: { tenantId, roundId: round.id } }),
      tx.appraisalParticipant.count({ where: { tenantId, roundId: round.id, canVote: true } }),
    ]);
    const closedAt = new Date();
    await tx.appraisalRound.update({
      where: { tenantId_id: { tenantId, id: round.id } },
      data: { closedAt, closedById: actor.userId, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, actor, {
      action: "appraisal.close",
      entityType: "AppraisalRound",
      entityId: round.id,
      after: { closedAt, voters, eligible },
    });
    return { roundId: round.id };
  });
}
