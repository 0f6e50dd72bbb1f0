import type { SaveSelfAssessmentInput } from "@/lib/schemas/appraisal";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isUniqueViolation } from "../users/user-scope";
import { findRoundOrThrow, lockRound, roundState } from "./appraisal-rules";

/** A participant writes (or rewrites) their own self-assessment while the round is open. */
export async function saveSelfAssessment(
  actor: Actor,
  input: SaveSelfAssessmentInput,
  today: string = todayInShanghai(),
): Promise<{ roundId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const round = await findRoundOrThrow(tx, actor, input.roundId);
    if (!round.participant || !actor.memberId)
      throw forbidden("只有参加本轮评议的党员可以填写自我评价");
    await lockRound(tx, tenantId, round.id, "share");
    const state = roundState(round, today);
    if (state !== "open")
      throw new AppError(
        "CONFLICT",
        state === "upcoming" ? "评议尚未开始" : "评议已结束，不能再修改自我评价",
      );
    const before = await tx.appraisalSelfAssessment.findFirst({
      where: { tenantId, roundId: round.id, memberId: actor.memberId },
    });
    if (before?.text === input.text) return { roundId: round.id };
    const saved = before
      ? await tx.appraisalSelfAssessment.update({
          where: { tenantId_id: { tenantId, id: before.id } },
          data: { text: input.text, version: { increment: 1 } },
        })
      : await tx.appraisalSelfAssessment.create({
          data: { tenantId, roundId: round.id, memberId: actor.memberId, text: input.text },
        });
    await recordAuditEvent(tx, actor, {
      action: "appraisal.selfAssessment",
      entityType: "AppraisalSelfAssessment",
      entityId: saved.id,
      before: before ? { text: before.text } : undefined,
      after: { roundId: round.id, text: input.text },
    });
    return { roundId: round.id };
  }).catch((error: unknown) => {
    // Two requests at once: the unique key decides, the loser gets the same answer as a late one.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "自我评价正在另一处保存，请刷新后重试");
    throw error;
  });
}
