import type { RecordConclusionInput } from "@/lib/schemas/appraisal";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { fieldError, findRoundOrThrow, leadingVerdict, tallyRound } from "./appraisal-rules";

/**
 * The branch's conclusion on one member of a closed round. It may differ from the vote's leading
 * verdict, and then needs a note. Recording it again revises it (version + 1, audited).
 */
export async function recordConclusion(
  actor: Actor,
  input: RecordConclusionInput,
): Promise<{ roundId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const round = await findRoundOrThrow(tx, actor, input.roundId);
    if (!can(actor, "appraisal.manage", round.org.path)) throw forbidden();
    if (!round.closedAt) throw new AppError("CONFLICT", "评议结束后才能确定支部评定结果");
    const participant = await tx.appraisalParticipant.findFirst({
      where: { tenantId, roundId: round.id, memberId: input.memberId },
      select: { memberId: true },
    });
    if (!participant) throw notFound("参评党员");
    const leading = leadingVerdict((await tallyRound(tx, tenantId, round.id)).get(input.memberId));
    if (leading !== null && input.verdict !== leading && !input.note)
      throw fieldError("note", "支部评定与投票结果不一致时，须说明理由");
    const before = await tx.appraisalConclusion.findFirst({
      where: { tenantId, roundId: round.id, memberId: input.memberId },
    });
    if (before && before.verdict === input.verdict && before.note === input.note)
      return { roundId: round.id };
    const saved = before
      ? await tx.appraisalConclusion.update({
          where: { tenantId_id: { tenantId, id: before.id } },
          data: {
            verdict: input.verdict,
            note: input.note,
            decidedById: actor.userId,
            decidedAt: new Date(),
            version: { increment: 1 },
          },
        })
      : await tx.appraisalConclusion.create({
          data: {
            tenantId,
            roundId: round.id,
            memberId: input.memberId,
            verdict: input.verdict,
            note: input.note,
            decidedById: actor.userId,
          },
        });
    await recordAuditEvent(tx, actor, {
      action: "appraisal.conclude",
      entityType: "AppraisalConclusion",
      entityId: saved.id,
      before: before ? { verdict: before.verdict, note: before.note } : undefined,
      after: {
        roundId: round.id,
        memberId: input.memberId,
        verdict: input.verdict,
        note: input.note,
        voteLeading: leading,
      },
    });
    return { roundId: round.id };
  });
}
