import { addMonths, addYears, toCivilDate, toDayNumber, weekdayOf } from "./day-numbers";
import type { Period, PeriodKind } from "./types";

/** A window as half-open day numbers [start, end). */
export interface DayWindow {
  /** Clipped to the campaign. */
  start: number;
  end: number;
  /** The natural period before clipping, used for pro-rating. */
  naturalStart: number;
  naturalEnd: number;
}

export interface PeriodContext {
  /** Campaign as half-open day numbers. */
  campaignStart: number;
  campaignEnd: number;
  phases?: ReadonlyMap<string, { start: number; end: number }>;
}

/**
 * The natural period of the given kind that contains the day. Periods are calendar-aligned:
 * weeks start on Monday; half months are 1–15 and 16–end; nMonths blocks start in January;
 * the autumn semester runs 1 September to the end of February and the spring semester
 * 1 March to 31 August; academic years start on 1 September; half years are January–June and
 * July–December. nYears blocks are anchored at the campaign start, campaign and phase are single windows.
 */
export function findPeriodContaining(
  period: Period,
  day: number,
  context: PeriodContext,
): { start: number; end: number } {
  switch (period.kind) {
    case "week": {
      const start = day - weekdayOf(day);
      return { start, end: start + 7 };
    }
    case "halfMonth": {
      const { year, month, day: d } = toCivilDate(day);
      if (d <= 15) return { start: toDayNumber(year, month, 1), end: toDayNumber(year, month, 16) };
      const start = toDayNumber(year, month, 16);
      return { start, end: addMonths(toDayNumber(year, month, 1), 1) };
    }
    case "month":
      return monthBlock(day, 1);
    case "nMonths":
      return monthBlock(day, period.months);
    case "halfYear":
      return monthBlock(day, 6);
    case "calendarYear":
      return monthBlock(day, 12);
    case "semester": {
      const { year, month } = toCivilDate(day);
      if (month >= 9) return { start: toDayNumber(year, 9, 1), end: toDayNumber(year + 1, 3, 1) };
      if (month <= 2) return { start: toDayNumber(year - 1, 9, 1), end: toDayNumber(year, 3, 1) };
      return { start: toDayNumber(year, 3, 1), end: toDayNumber(year, 9, 1) };
    }
    case "academicYear": {
      const { year, month } = toCivilDate(day);
      const startYear = month >= 9 ? year : year - 1;
      return { start: toDayNumber(startYear, 9, 1), end: toDayNumber(startYear + 1, 9, 1) };
    }
    case "nYears": {
      const anchor = context.campaignStart;
      let k = Math.floor((day - anchor) / (365.2425 * period.years));
      // The estimate can be off by one around anniversaries; settle it exactly.
      while (addYears(anchor, k * period.years) > day) k--;
      while (addYears(anchor, (k + 1) * period.years) <= day) k++;
      return {
        start: addYears(anchor, k * period.years),
        end: addYears(anchor, (k + 1) * period.years),
      };
    }
    case "campaign":
      return { start: context.campaignStart, end: context.campaignEnd };
    case "phase": {
      const phase = context.phases?.get(period.phaseId);
      if (!phase) throw new Error(`unknown phase "${period.phaseId}"`);
      return phase;
    }
  }
}

function monthBlock(day: number, months: number): { start: number; end: number } {
  const { year, month } = toCivilDate(day);
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  const start = toDayNumber(year, firstMonth, 1);
  return { start, end: addMonths(start, months) };
}

/**
 * Every window of the period that overlaps the campaign and has begun by asOf (inclusive),
 * clipped to the campaign, in date order.
 */
export function listPeriodWindows(
  period: Period,
  context: PeriodContext,
  asOfDay: number,
): DayWindow[] {
  const windows: DayWindow[] = [];
  const { campaignStart, campaignEnd } = context;
  if (period.kind === "campaign" || period.kind === "phase") {
    const w = findPeriodContaining(period, campaignStart, context);
    const start = Math.max(w.start, campaignStart);
    const end = Math.min(w.end, campaignEnd);
    if (start < end && start <= asOfDay)
      windows.push({ start, end, naturalStart: w.start, naturalEnd: w.end });
    return windows;
  }
  let w = findPeriodContaining(period, campaignStart, context);
  while (w.start < campaignEnd) {
    const start = Math.max(w.start, campaignStart);
    if (start > asOfDay) break;
    windows.push({
      start,
      end: Math.min(w.end, campaignEnd),
      naturalStart: w.start,
      naturalEnd: w.end,
    });
    w = findPeriodContaining(period, w.end, context);
  }
  return windows;
}

/**
 * Shortest length in days a natural period of this kind can have; a campaign shorter than this
 * could never contain a whole window, so such a quota is refused. Campaign and phase windows
 * are the campaign's own dates and always fit.
 */
export function measureShortestPeriod(period: Period): number {
  const byKind: Record<Exclude<PeriodKind, "nMonths" | "nYears">, number> = {
    week: 7,
    halfMonth: 13,
    month: 28,
    semester: 181,
    academicYear: 365,
    calendarYear: 365,
    halfYear: 181,
    campaign: 0,
    phase: 0,
  };
  if (period.kind === "nMonths") return period.months === 1 ? 28 : period.months * 30 - 2;
  if (period.kind === "nYears") return 365 * period.years;
  return byKind[period.kind];
}

/** Human label of a period, e.g. "per 5 years". */
export function describePeriod(period: Period): string {
  switch (period.kind) {
    case "nMonths":
      return `per ${period.months} months`;
    case "nYears":
      return `per ${period.years} years`;
    case "phase":
      return `in phase ${period.phaseId}`;
    case "campaign":
      return "per campaign";
    default:
      return `per ${period.kind}`;
  }
}
