import { roundTo } from "./pace";
import type { ManualItem, RatingBand, ResultStatus, VetoItem } from "./types";

export const DEFAULT_RATING_BANDS: ReadonlyArray<RatingBand> = [
  { stars: 5, minScore: 90 },
  { stars: 4, minScore: 80 },
  { stars: 3, minScore: 70 },
  { stars: 2, minScore: 60 },
];

/** One quota result (one window) fed to the rating; several results of one quota are averaged. */
export interface RatingQuotaResult {
  quotaId: string;
  label?: string;
  /** Weight of the quota (campaign option `weight`); results of one quota must agree. Default 1. */
  weight?: number;
  status: ResultStatus;
  achieved: number;
  targetValue: number;
}

export interface ComputeRatingInput {
  quotaResults: ReadonlyArray<RatingQuotaResult>;
  manualItems?: ReadonlyArray<ManualItem>;
  vetoItems?: ReadonlyArray<VetoItem>;
  bands?: ReadonlyArray<RatingBand>;
}

export interface RatingLine {
  source: "quota" | "manual" | "veto";
  id: string;
  label: string;
  points: number;
  maxPoints: number;
  detail: string;
}

export interface Rating {
  /** 0..100, the sum of the breakdown's points. */
  score: number;
  stars: number;
  breakdown: RatingLine[];
}

/**
 * Score out of 100 (堡垒指数 for an organization, 锋领指数 for a member) and stars.
 * - Manual items take their maxPoints out of 100; the rest is the quota pool.
 * - The pool is split across quotas by weight. A quota earns its share × compliance, where the
 *   compliance of one result is min(1, achieved / target) and a quota's compliance is the mean over
 *   its results (e.g. 12 monthly windows). notApplicable results are left out; a quota with only
 *   such results drops out of the split.
 * - A triggered veto (一票否决) caps the score; the lowest cap wins and shows as a negative line.
 */
export function computeRating(input: ComputeRatingInput): Rating {
  const manualItems = input.manualItems ?? [];
  const manualMax = manualItems.reduce((s, m) => s + m.maxPoints, 0);
  if (manualMax > 100 + 1e-9)
    throw new RangeError(`manual items allot ${manualMax} points; at most 100`);
  const pool = 100 - manualMax;

  const byQuota = new Map<
    string,
    { label: string; weight: number; compliance: number[]; met: number }
  >();
  for (const r of input.quotaResults) {
    if (r.status === "notApplicable") continue;
    let entry = byQuota.get(r.quotaId);
    if (!entry) {
      entry = { label: r.label ?? r.quotaId, weight: r.weight ?? 1, compliance: [], met: 0 };
      byQuota.set(r.quotaId, entry);
    }
    entry.compliance.push(
      r.targetValue > 0 ? Math.min(1, Math.max(0, r.achieved / r.targetValue)) : 1,
    );
    if (r.status === "met") entry.met++;
  }
  const totalWeight = [...byQuota.values()].reduce((s, q) => s + q.weight, 0);

  const breakdown: RatingLine[] = [];
  if (totalWeight <= 0 && pool > 0) {
    breakdown.push({
      source: "quota",
      id: "(quotas)",
      label: "quotas",
      points: 0,
      maxPoints: roundTo(pool, 2),
      detail: "no applicable quota results",
    });
  }
  for (const [quotaId, q] of byQuota) {
    if (totalWeight <= 0) break;
    const maxPoints = (pool * q.weight) / totalWeight;
    const mean = q.compliance.reduce((s, c) => s + c, 0) / q.compliance.length;
    breakdown.push({
      source: "quota",
      id: quotaId,
      label: q.label,
      points: roundTo(maxPoints * mean, 2),
      maxPoints: roundTo(maxPoints, 2),
      detail: `weight ${q.weight}/${totalWeight}, compliance ${roundTo(mean * 100, 1)}% over ${q.compliance.length} result(s), ${q.met} met`,
    });
  }
  for (const m of manualItems) {
    const points = Math.min(m.maxPoints, Math.max(0, m.points));
    breakdown.push({
      source: "manual",
      id: m.id,
      label: m.label,
      points: roundTo(points, 2),
      maxPoints: m.maxPoints,
      detail:
        points === m.points ? "assessed" : `assessed ${m.points}, clamped to 0..${m.maxPoints}`,
    });
  }

  let score = roundTo(
    breakdown.reduce((s, l) => s + l.points, 0),
    2,
  );
  const triggered = (input.vetoItems ?? [])
    .filter((v) => v.triggered)
    .sort((a, b) => a.capScore - b.capScore);
  triggered.forEach((v, i) => {
    const binding = i === 0 && score > v.capScore;
    const points = binding ? roundTo(v.capScore - score, 2) : 0;
    breakdown.push({
      source: "veto",
      id: v.id,
      label: v.label,
      points,
      maxPoints: 0,
      detail: binding ? `score capped at ${v.capScore}` : `cap ${v.capScore} not binding`,
    });
    score = roundTo(score + points, 2);
  });

  return { score, stars: findStars(score, input.bands ?? DEFAULT_RATING_BANDS), breakdown };
}

export function findStars(score: number, bands: ReadonlyArray<RatingBand>): number {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  for (const band of sorted) if (score + 1e-9 >= band.minScore) return band.stars;
  return 1;
}
