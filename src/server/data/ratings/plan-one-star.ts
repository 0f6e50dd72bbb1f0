import { computeRating, type RatingBand, type RatingQuotaResult } from "@/rules";
import { round } from "./build-rating-set";
import { nextBand, type QuotaLine, type SubjectRating } from "./rating-types";

export type RaiseStep = {
  quotaId: string;
  label: string;
  labelEn: string | null;
  window: { start: string; end: string };
  /** The window was still open at the as-of date. */
  open: boolean;
  unit: string;
  /** How many more units (sessions, hours, parts …) in that window. */
  units: number;
  /** Points they add. */
  points: number;
  href: string | null;
};

export type RaisePlan =
  | { kind: "top"; score: number; stars: number }
  | {
      kind: "blockedByVeto";
      score: number;
      stars: number;
      nextStars: number;
      nextMinScore: number;
      missing: number;
      veto: { id: string; label: string; capScore: number };
    }
  | {
      kind: "plan";
      score: number;
      stars: number;
      nextStars: number;
      nextMinScore: number;
      /** Points missing to the next band. */
      missing: number;
      /** The cheapest quota gaps (fewest units first) that close it, in order. */
      steps: RaiseStep[];
      /** Score and stars with those steps done, recomputed with computeRating. */
      projectedScore: number;
      projectedStars: number;
      /** False when even every quota gap closed would not reach the next band. */
      reachable: boolean;
      /** Manual items not at their maximum: what an assessment could still add. */
      manualHeadroom: { id: string; label: string; headroom: number }[];
    };

type Candidate = {
  line: QuotaLine;
  windowIndex: number;
  perUnit: number;
  remaining: number;
  open: boolean;
};

/**
 * What would raise a subject by one star, computed from its breakdown alone: the points missing
 * to the next band, and the quota gaps that close them most cheaply — each gap is a window short
 * of its counted target, worth (the quota's points ÷ its windows ÷ the counted target) per unit,
 * and the plan takes the most valuable units first, in whole units. The result is checked by
 * recomputing the rating with the planned units added. A triggered veto whose cap lies below the
 * next band blocks any raise.
 */
export function planOneStar(
  rating: Pick<SubjectRating, "score" | "stars" | "breakdown">,
  bands: readonly RatingBand[],
): RaisePlan {
  const next = nextBand(rating.stars, bands);
  if (!next) return { kind: "top", score: rating.score, stars: rating.stars };
  const missing = round(next.minScore - rating.score, 2);
  const vetoes = rating.breakdown.flatMap((l) => (l.source === "veto" ? [l] : []));
  const lowestCap = [...vetoes].sort((a, b) => a.capScore - b.capScore)[0];
  if (lowestCap && lowestCap.capScore < next.minScore) {
    return {
      kind: "blockedByVeto",
      score: rating.score,
      stars: rating.stars,
      nextStars: next.stars,
      nextMinScore: next.minScore,
      missing,
      veto: { id: lowestCap.id, label: lowestCap.label, capScore: lowestCap.capScore },
    };
  }

  const quotaLines = rating.breakdown.flatMap((l) =>
    l.source === "quota" && l.windows.length > 0 ? [l] : [],
  );
  const candidates: Candidate[] = [];
  for (const line of quotaLines) {
    const perWindow = line.maxPoints / line.windows.length;
    line.windows.forEach((w, windowIndex) => {
      if (w.aboveMax || w.compliance >= 1 || w.countedTarget <= 0) return;
      const remaining = round(w.countedTarget - w.achieved, 4);
      if (remaining <= 0) return;
      candidates.push({
        line,
        windowIndex,
        perUnit: perWindow / w.countedTarget,
        remaining,
        open: !w.final,
      });
    });
  }
  // Most points per unit first; then open windows (still doable), then the latest window.
  candidates.sort(
    (a, b) =>
      b.perUnit - a.perUnit ||
      Number(b.open) - Number(a.open) ||
      b.line.windows[b.windowIndex]!.start.localeCompare(a.line.windows[a.windowIndex]!.start),
  );

  const added = new Map<Candidate, number>();
  const project = () => recompute(rating, bands, added);
  let projected = project();
  let reachable = true;
  for (let guard = 0; projected.score + 1e-9 < next.minScore; guard++) {
    const gapLeft = next.minScore - projected.score;
    const open = candidates.find((c) => (added.get(c) ?? 0) < c.remaining);
    if (!open || guard > 10_000) {
      reachable = false;
      break;
    }
    const already = added.get(open) ?? 0;
    const left = round(open.remaining - already, 4);
    // Whole units, but never more than the window still lacks (a pro-rated target may end in a fraction).
    const units = Math.min(left, Math.max(1, Math.ceil(gapLeft / open.perUnit - 1e-9)));
    added.set(open, round(already + units, 4));
    projected = project();
  }

  const steps: RaiseStep[] = [...added].map(([c, units]) => {
    const w = c.line.windows[c.windowIndex]!;
    return {
      quotaId: c.line.id,
      label: c.line.label,
      labelEn: c.line.labelEn,
      window: { start: w.start, end: w.end },
      open: c.open,
      unit: w.unit,
      units,
      points: round(units * c.perUnit, 2),
      href: c.line.href,
    };
  });
  const manualHeadroom = rating.breakdown.flatMap((l) =>
    l.source === "manual" && l.points < l.maxPoints
      ? [{ id: l.id, label: l.label, headroom: round(l.maxPoints - l.points, 2) }]
      : [],
  );
  return {
    kind: "plan",
    score: rating.score,
    stars: rating.stars,
    nextStars: next.stars,
    nextMinScore: next.minScore,
    missing,
    steps,
    projectedScore: projected.score,
    projectedStars: projected.stars,
    reachable,
    manualHeadroom,
  };
}

/** The rating recomputed from the breakdown with `added` units in the chosen windows. */
function recompute(
  rating: Pick<SubjectRating, "breakdown">,
  bands: readonly RatingBand[],
  added: ReadonlyMap<Candidate, number>,
) {
  const extra = new Map<string, number>();
  for (const [c, units] of added) extra.set(`${c.line.id}\u0000${c.windowIndex}`, units);
  const quotaResults: RatingQuotaResult[] = [];
  for (const line of rating.breakdown) {
    if (line.source !== "quota") continue;
    line.windows.forEach((w, i) => {
      quotaResults.push({
        quotaId: line.id,
        label: line.label,
        weight: line.weight,
        status: w.status,
        achieved: (w.aboveMax ? 0 : w.achieved) + (extra.get(`${line.id}\u0000${i}`) ?? 0),
        targetValue: w.countedTarget,
      });
    });
  }
  const manualItems = rating.breakdown.flatMap((l) =>
    l.source === "manual"
      ? [{ id: l.id, label: l.label, points: l.points, maxPoints: l.maxPoints }]
      : [],
  );
  const vetoItems = rating.breakdown.flatMap((l) =>
    l.source === "veto"
      ? [{ id: l.id, label: l.label, triggered: true, capScore: l.capScore }]
      : [],
  );
  return computeRating({ quotaResults, manualItems, vetoItems, bands });
}
