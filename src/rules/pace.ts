import type { ResultReason, ResultStatus } from "./types";

const EPSILON = 1e-9;

/** Share of the target that may be missing from pace before an open window counts as behind. */
export const AT_RISK_SHARE = 0.2;

export interface PaceInput {
  achieved: number;
  /** The target (the minimum for "between"). */
  targetValue: number;
  targetMax: number | null;
  /**
   * Size of one unit of the metric (1 session, 1 hour, 1 day). Pace is compared in whole units so
   * nobody is flagged for a fraction of one; 0 for shares, which have no unit.
   */
  unit: number;
  /** The window is over (asOf is past its last day). */
  final: boolean;
  /** Elapsed share of the window, 0..1, counting asOf as elapsed. */
  elapsedShare: number;
}

export interface PaceAssessment {
  status: Exclude<ResultStatus, "notApplicable">;
  expectedByNow: number;
  gap: number;
  reason?: ResultReason;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

export function roundTo(value: number, decimals: number): number {
  const f = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Status of one subject in one window.
 * - met: the target is satisfied (for "between": min <= achieved <= max).
 * - above the maximum of a "between": behind with reason aboveMax — the metrics only grow, so it
 *   cannot come back into range.
 * - window over and not met: behind, gap = target − achieved.
 * - window open: expectedByNow = target × elapsed share; gap = whole units of pace not reached,
 *   floor(expectedByNow) − achieved (for shares: expectedByNow − achieved). onTrack when the gap is
 *   0; atRisk when it is at most max(1 unit, 20% of the target); behind otherwise.
 */
export function assessPace(input: PaceInput): PaceAssessment {
  const out: PaceOutput = { status: "met", expectedByNow: 0, gap: 0, reason: undefined };
  assessPaceInto(
    out,
    input.achieved,
    input.targetValue,
    input.targetMax,
    input.unit,
    input.final,
    input.elapsedShare,
  );
  const { status, expectedByNow, gap, reason } = out;
  return reason === undefined
    ? { status, expectedByNow, gap }
    : { status, expectedByNow, gap, reason };
}

/** Where assessPaceInto writes; reason is undefined when there is none. */
export interface PaceOutput {
  status: PaceAssessment["status"];
  expectedByNow: number;
  gap: number;
  reason: ResultReason | undefined;
}

/**
 * assessPace without allocating: the evaluation assesses hundreds of thousands of windows, and a
 * result object per assessment would only feed the garbage collector.
 */
export function assessPaceInto(
  out: PaceOutput,
  achieved: number,
  targetValue: number,
  targetMax: number | null,
  unit: number,
  final: boolean,
  elapsedShare: number,
): void {
  const share = final ? 1 : Math.min(1, Math.max(0, elapsedShare));
  const expectedByNow = roundTo(targetValue * share, 4);
  out.expectedByNow = expectedByNow;
  out.reason = undefined;
  if (targetMax !== null && achieved > targetMax + EPSILON) {
    out.status = "behind";
    out.gap = 0;
    out.reason = "aboveMax";
    return;
  }
  if (achieved + EPSILON >= targetValue) {
    out.status = "met";
    out.gap = 0;
    return;
  }
  if (final) {
    out.status = "behind";
    out.gap = roundTo(targetValue - achieved, 4);
    return;
  }
  const paceFloor = unit > 0 ? Math.floor((expectedByNow + EPSILON) / unit) * unit : expectedByNow;
  const gap = Math.max(0, roundTo(paceFloor - achieved, 4));
  if (gap <= EPSILON) {
    out.status = "onTrack";
    out.gap = 0;
    return;
  }
  const tolerance = Math.max(unit, AT_RISK_SHARE * targetValue);
  out.status = gap <= tolerance + EPSILON ? "atRisk" : "behind";
  out.gap = gap;
}

const STATUS_SEVERITY: Record<ResultStatus, number> = {
  notApplicable: -1,
  met: 0,
  onTrack: 1,
  atRisk: 2,
  behind: 3,
};

/**
 * Status of a composite ("all of") in one window: met when every part is met; otherwise the
 * worst part status, counting a met part as on track; a finished window that is not met is behind.
 */
export function combinePartStatuses(
  statuses: ReadonlyArray<ResultStatus>,
  final: boolean,
): ResultStatus {
  if (statuses.length === 0) return "notApplicable";
  if (statuses.some((s) => s === "notApplicable")) return "notApplicable";
  if (statuses.every((s) => s === "met")) return "met";
  if (final) return "behind";
  let worst: ResultStatus = "onTrack";
  for (const s of statuses) if (STATUS_SEVERITY[s] > STATUS_SEVERITY[worst]) worst = s;
  return worst;
}
