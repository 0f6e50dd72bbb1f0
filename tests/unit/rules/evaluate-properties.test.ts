import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDayNumber, parseDayNumber } from "../../../src/rules/day-numbers";
import { evaluateCampaign } from "../../../src/rules/evaluate-campaign";
import type {
  Metric,
  Period,
  QuotaInput,
  QuotaResult,
  RecordInputLike,
} from "../../../src/rules/types";
import { MEMBERS, ORGS } from "./fixtures";

const START = "2025-09-01";
const END = "2026-08-31";
const START_DAY = parseDayNumber(START);
const TYPES = ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "CONCENTRATED_STUDY"] as const;
const MEMBER_IDS = MEMBERS.map((m) => m.id);
const BRANCHES = ["B1", "B2", "B3"];

function quotasFor(period: Period): QuotaInput[] {
  const metrics: Metric[] = ["count", "sumHours", "sumDays", "distinctKinds"];
  return metrics.flatMap((metric) => [
    {
      id: `member-${metric}`,
      name: metric,
      subject: { kind: "member" },
      period,
      metric,
      activity: { types: [...TYPES] },
      target: { op: "atLeast", value: 3 },
    },
    {
      id: `org-${metric}`,
      name: metric,
      subject: { kind: "organization", levels: ["BRANCH", "COLLEGE"] },
      period,
      metric,
      activity: { types: [...TYPES] },
      target: { op: "atLeast", value: 3 },
      options: { includeSubtree: true },
    },
  ]);
}

const recordArb = (
  status: fc.Arbitrary<string>,
  voided: fc.Arbitrary<string | null>,
): fc.Arbitrary<RecordInputLike> =>
  fc.record({
    id: fc.uuid(),
    type: fc.constantFrom(...TYPES),
    orgId: fc.constantFrom(...BRANCHES),
    date: fc.integer({ min: -3, max: 368 }).map((d) => formatDayNumber(START_DAY + d)),
    hours: fc.integer({ min: 0, max: 16 }).map((h) => h / 2),
    days: fc.integer({ min: 0, max: 6 }).map((d) => d / 2),
    status,
    voidedAt: voided,
    attendeeIds: fc.subarray(MEMBER_IDS),
    selfReportedBy: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
  });

const approved = recordArb(fc.constant("APPROVED"), fc.constant(null));
const anyRecord = recordArb(
  fc.constantFrom("DRAFT", "SUBMITTED", "APPROVED", "RETURNED"),
  fc.option(fc.constant("2026-05-01T00:00:00Z"), { nil: null }),
);
const asOfArb = fc.integer({ min: 0, max: 400 }).map((d) => formatDayNumber(START_DAY + d));

function evaluate(
  records: RecordInputLike[],
  asOf: string,
  period: Period = { kind: "month" },
): QuotaResult[] {
  return evaluateCampaign({
    campaign: { id: "p", startDate: START, endDate: END, quotas: quotasFor(period) },
    organizations: ORGS,
    members: MEMBERS,
    records,
    asOf,
  }).results;
}

const keyOf = (r: QuotaResult) => `${r.quotaId}|${r.subjectId}|${r.window.start}`;

describe("evaluation properties", () => {
  it("adding an approved record never lowers any achieved value", () => {
    fc.assert(
      fc.property(
        fc.array(anyRecord, { maxLength: 30 }),
        approved,
        asOfArb,
        (records, extra, asOf) => {
          const before = new Map(evaluate(records, asOf).map((r) => [keyOf(r), r.achieved]));
          for (const r of evaluate([...records, extra], asOf)) {
            expect(r.achieved).toBeGreaterThanOrEqual(before.get(keyOf(r))! - 1e-9);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("an unapproved or voided record changes nothing", () => {
    const ignored = fc.oneof(
      recordArb(
        fc.constantFrom("DRAFT", "SUBMITTED", "RETURNED"),
        fc.option(fc.constant("2026-05-01"), { nil: null }),
      ),
      recordArb(fc.constant("APPROVED"), fc.constant("2026-05-01T08:00:00Z")),
    );
    fc.assert(
      fc.property(
        fc.array(anyRecord, { maxLength: 30 }),
        ignored,
        asOfArb,
        (records, extra, asOf) => {
          expect(evaluate([...records, extra], asOf)).toEqual(evaluate(records, asOf));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("does not depend on the order of the records", () => {
    fc.assert(
      fc.property(
        fc.array(anyRecord, { maxLength: 40 }).chain((records) =>
          fc.tuple(
            fc.constant(records),
            fc.shuffledSubarray(records, {
              minLength: records.length,
              maxLength: records.length,
            }),
          ),
        ),
        asOfArb,
        ([records, shuffled], asOf) => {
          expect(evaluate(shuffled, asOf)).toEqual(evaluate(records, asOf));
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each<[string, Period, Period]>([
    ["months sum to the academic year", { kind: "month" }, { kind: "academicYear" }],
    ["weeks sum to the campaign", { kind: "week" }, { kind: "campaign" }],
    ["semesters sum to the academic year", { kind: "semester" }, { kind: "academicYear" }],
    ["half months sum to half years", { kind: "halfMonth" }, { kind: "halfYear" }],
  ])("%s for additive metrics", (_name, small, large) => {
    fc.assert(
      fc.property(fc.array(approved, { maxLength: 40 }), (records) => {
        const asOf = "2026-09-30"; // after the campaign: every window is complete
        const whole = evaluate(records, asOf, large);
        const parts = evaluate(records, asOf, small);
        for (const metric of ["count", "sumHours", "sumDays"]) {
          for (const prefix of ["member", "org"]) {
            const quotaId = `${prefix}-${metric}`;
            const sums = new Map<string, number>();
            for (const r of parts.filter((p) => p.quotaId === quotaId)) {
              // Attribute each small window to the large window containing it.
              const container = whole.find(
                (w) =>
                  w.quotaId === quotaId &&
                  w.subjectId === r.subjectId &&
                  w.window.start <= r.window.start &&
                  r.window.end <= w.window.end,
              )!;
              const key = `${r.subjectId}|${container.window.start}`;
              sums.set(key, (sums.get(key) ?? 0) + r.achieved);
            }
            for (const w of whole.filter((x) => x.quotaId === quotaId)) {
              expect(sums.get(`${w.subjectId}|${w.window.start}`) ?? 0).toBeCloseTo(w.achieved, 6);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("lists exactly the counted records, in date order", () => {
    fc.assert(
      fc.property(fc.array(approved, { maxLength: 40 }), asOfArb, (records, asOf) => {
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const r of evaluate(records, asOf).filter((x) => x.quotaId === "member-count")) {
          expect(r.recordIds).toHaveLength(r.achieved);
          const dates = r.recordIds.map((id) => byId.get(id)!.date);
          expect([...dates].sort()).toEqual(dates);
          for (const d of dates)
            expect(d >= r.window.start && d <= r.window.end && d <= asOf).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
