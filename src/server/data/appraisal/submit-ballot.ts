import { randomUUID } from "node:crypto";
import type { SubmitBallotInput } from "@/lib/schemas/appraisal";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findRoundOrThrow, lockRound, roundState, shuffled } from "./appraisal-rules";

export const ALREADY_VOTED = "您已在本轮评议中投过票，每人只能投一次";

/**
 * Casts the caller's secret ballot: one verdict for every other participant of the round.
 *
 * Secrecy: the voter is recorded in AppraisalVoter (who), the verdicts in AppraisalBallotEntry
 * (what), with nothing that links the two: the entries carry no voter, no ballot id, no
 * timestamp and a random id, and are inserted in random order; the audit event says only that
 * the caller voted in the round.
 *
 * One ballot per voter: the voter row is inserted first with ON CONFLICT DO NOTHING on the unique
 * (round, member) key, so of concurrent submissions exactly one inserts it and the others (which
 * wait for it to commit) insert nothing and are refused before writing any entry. The round row
 * is share-locked, so a concurrent close waits for the ballot or the ballot sees the close.
 */
export async function submitBallot(
  actor: Actor,
  input: SubmitBallotInput,
  today: string = todayInShanghai(),
): Promise<{ roundId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const round = await findRoundOrThrow(tx, actor, input.roundId);
    if (!round.participant?.canVote || !actor.memberId)
      throw forbidden("您不是本轮评议的投票人（预备党员没有表决权）");
    await lockRound(tx, tenantId, round.id, "share");
    const fresh = await tx.appraisalRound.findFirstOrThrow({
      where: { tenantId, id: round.id },
      select: { startsOn: true, endsOn: true, closedAt: true },
    });
    const state = roundState(fresh, today);
    if (state === "closed") throw new AppError("CONFLICT", "本轮评议已结束，不再接受投票");
    if (state === "upcoming") throw new AppError("CONFLICT", "投票尚未开始");
    if (state === "ended") throw new AppError("CONFLICT", "投票已截止");

    const subjects = await tx.appraisalParticipant.findMany({
      where: { tenantId, roundId: round.id, memberId: { not: actor.memberId } },
      select: { memberId: true },
    });
    const expected = new Set(subjects.map((s) => s.memberId));
    const fieldErrors: Record<string, string[]> = {};
    for (const id of expected)
      if (!input.verdicts[id]) fieldErrors[`verdict.${id}`] = ["请选择评议等次"];
    if (Object.keys(fieldErrors).length > 0)
      throw new AppError("VALIDATION", "请为每位党员选择评议等次", fieldErrors);
    if (Object.keys(input.verdicts).some((id) => !expected.has(id)))
      throw new AppError("VALIDATION", "选票中有不参加本轮评议的人员（不能评议自己）");

    const { count } = await tx.appraisalVoter.createMany({
      data: [{ tenantId, roundId: round.id, memberId: actor.memberId }],
      skipDuplicates: true,
    });
    if (count !== 1) throw new AppError("CONFLICT", ALREADY_VOTED);
    await tx.appraisalBallotEntry.createMany({
      data: shuffled([...expected]).map((memberId) => ({
        tenantId,
        id: randomUUID(),
        roundId: round.id,
        subjectMemberId: memberId,
        verdict: input.verdicts[memberId]!,
      })),
    });
    // The event names the round, never the verdicts.
    await recordAuditEvent(tx, actor, {
      action: "appraisal.vote",
      entityType: "AppraisalRound",
      entityId: round.id,
      after: { voted: true },
    });
    return { roundId: round.id };
  });
}
