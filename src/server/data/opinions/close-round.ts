import { CloseRoundInput } from "@/lib/schemas/opinion";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, isWithinSubtree, requirePermission } from "../../authz/scope";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { storedDefinition } from "../campaigns/campaign-rules";
import { campaignRatingYears } from "../ratings/rating-rules";
import { resolveRatingSettings } from "../ratings/rating-types";
import { findRoundOrThrow, pointsForAverage } from "./opinion-rules";

export type EvaluationResult = {
  responses: number;
  /** Mean of every rated answer (1..5), rounded to 0.01; null without responses. */
  average: number | null;
  /** Per question: mean score. */
  questions: { id: string; label: string; average: number | null }[];
  /** What was fed into the rating scheme, or why nothing was. */
  rating:
    | {
        fed: true;
        campaignId: string;
        year: number;
        itemId: string;
        points: number;
        maxPoints: number;
        entryId: string;
      }
    | { fed: false; reason: string }
    | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Aggregates the responses of an evaluation round. */
export async function evaluationFigures(
  tx: TenantTx,
  tenantId: string,
  round: { id: string; questions: unknown },
): Promise<Omit<EvaluationResult, "rating">> {
  const questions = (round.questions as { id: string; label: string }[] | null) ?? [];
  const rows = await tx.opinion.findMany({
    where: { tenantId, roundId: round.id },
    select: { scores: true },
  });
  const sums = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const scores = (r.scores ?? {}) as Record<string, number>;
    for (const q of questions) {
      const s = scores[q.id];
      if (typeof s !== "number") continue;
      const acc = sums.get(q.id) ?? { sum: 0, n: 0 };
      acc.sum += s;
      acc.n += 1;
      sums.set(q.id, acc);
      sum += s;
      n += 1;
    }
  }
  return {
    responses: rows.length,
    average: n ? round2(sum / n) : null,
    questions: questions.map((q) => {
      const acc = sums.get(q.id);
      return { id: q.id, label: q.label, average: acc ? round2(acc.sum / acc.n) : null };
    }),
  };
}

/**
 * Closes a round (opinion.manage over its organization); no more opinions are accepted. Closing
 * an evaluation round linked to a campaign and a manual rating item turns its average
 * satisfaction into that item's points for the round's organization (docs/ratings.md, "Mass
 * evaluation"): a new assessment entry that supersedes the current one, records the round as its
 * source and is audited like any assessment — all in the closing transaction.
 */
export async function closeRound(
  actor: Actor,
  raw: CloseRoundInput,
  now = new Date(),
): Promise<{ id: string; result: EvaluationResult | null }> {
  requirePermission(actor, "opinion.manage");
  const input = CloseRoundInput.parse(raw);
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const round = await findRoundOrThrow(tx, actor, input.roundId);
    if (!can(actor, "opinion.manage", round.org.path))
      throw forbidden("只有该组织的负责人可以结束征集");
    if (round.closedAt) throw new AppError("CONFLICT", "本次征集已经结束");
    const { count } = await tx.opinionRound.updateMany({
      where: { tenantId, id: round.id, version: input.version, closedAt: null },
      data: { closedAt: now, closedById: actor.userId, version: { increment: 1 } },
    });
    if (count !== 1) throw conflict();

    let result: EvaluationResult | null = null;
    if (round.kind === "EVALUATION") {
      const figures = await evaluationFigures(tx, tenantId, round);
      result = { ...figures, rating: null };
      if (round.campaignId && round.ratingItemId) {
        result.rating = await feedRating(tx, actor, round, figures, now);
      }
      await tx.opinionRound.update({
        where: { tenantId_id: { tenantId, id: round.id } },
        data: { result: JSON.parse(JSON.stringify(result)) },
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "opinion.closeRound",
      entityType: "OpinionRound",
      entityId: round.id,
      after: { closedAt: now, result },
    });
    return { id: round.id, result };
  });
}

async function feedRating(
  tx: TenantTx,
  actor: Actor,
  round: Awaited<ReturnType<typeof findRoundOrThrow>>,
  figures: Omit<EvaluationResult, "rating">,
  now: Date,
): Promise<EvaluationResult["rating"]> {
  const tenantId = actor.tenantId;
  if (figures.average === null) return { fed: false, reason: "没有收到评价，未计入星级评定" };
  const campaign = await tx.campaign.findFirst({
    where: { tenantId, id: round.campaignId! },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      definition: true,
      rootOrg: { select: { path: true } },
    },
  });
  if (!campaign || !isWithinSubtree(round.org.path, campaign.rootOrg.path))
    return { fed: false, reason: "组织不在活动范围内，未计入星级评定" };
  const item = resolveRatingSettings(storedDefinition(campaign.definition)).manualItems.find(
    (m) => m.id === round.ratingItemId,
  );
  if (!item) return { fed: false, reason: "评价项已不在活动的星级评定设置中" };
  const closes = round.closesOn.toISOString().slice(0, 10);
  const today = todayInShanghai(now);
  const year = Number((closes < today ? closes : today).slice(0, 4));
  if (!campaignRatingYears(campaign, today).includes(year))
    return { fed: false, reason: `${year} 年不在该活动可评定的年份内` };
  const points = pointsForAverage(figures.average, item.maxPoints);
  const comment = `群众评议《${round.title}》：${figures.responses} 份评价，平均满意度 ${figures.average.toFixed(2)} 分（满分 5 分），折合 ${points} 分`;
  const lockKey = `assessment|${tenantId}|${campaign.id}|${year}|organization|${round.orgId}|${item.id}`;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))::text`;
  const where = {
    tenantId,
    campaignId: campaign.id,
    year,
    subjectKind: "organization",
    subjectId: round.orgId,
    itemId: item.id,
    supersededAt: null,
  };
  const previous = await tx.assessmentEntry.findFirst({ where, orderBy: [{ createdAt: "desc" }] });
  await tx.assessmentEntry.updateMany({ where, data: { supersededAt: now } });
  const entry = await tx.assessmentEntry.create({
    data: {
      tenantId,
      campaignId: campaign.id,
      year,
      subjectKind: "organization",
      subjectId: round.orgId,
      itemId: item.id,
      kind: "MANUAL",
      points,
      comment,
      enteredById: actor.userId,
      createdAt: now,
      sourceRoundId: round.id,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, actor, {
    action: "rating.assess",
    entityType: "AssessmentEntry",
    entityId: entry.id,
    before: previous
      ? {
          id: previous.id,
          points: previous.points === null ? null : Number(previous.points.toString()),
          comment: previous.comment,
        }
      : null,
    after: {
      campaignId: campaign.id,
      year,
      subjectKind: "organization",
      subjectId: round.orgId,
      subjectName: round.org.name,
      itemId: item.id,
      kind: "MANUAL",
      points,
      comment,
      sourceRoundId: round.id,
    },
  });
  return {
    fed: true,
    campaignId: campaign.id,
    year,
    itemId: item.id,
    points,
    maxPoints: item.maxPoints,
    entryId: entry.id,
  };
}
