import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDayNumber, parseDayNumber } from "../../../src/rules/day-numbers";
import {
  evaluateCampaign,
  evaluateCampaignAsOf,
  evaluateCampaignInSteps,
  PAUSE,
} from "../../../src/rules/evaluate-campaign";
import type {
  CampaignForEvaluation,
  Period,
  QuotaInput,
  QuotaResult,
  RecordInputLike,
} from "../../../src/rules/types";
import { MEMBERS, ORGS } from "./fixtures";

// The record index keeps only records that some requested window can count, and
// evaluateCampaignAsOf builds it once for several dates. Neither may show in the results.

const START = "2025-09-01";
const END = "2026-08-31";
const START_DAY = parseDayNumber(START);
const MEMBER_IDS = MEMBERS.map((m) => m.id);

const quotas: QuotaInput[] = [
  {
    id: "monthly-study",
    name: "monthly",
    subject: { kind: "member" },
    period: { kind: "month" },
    metric: "count",
    activity: { types: ["CONCENTRATED_STUDY", "THEME_PARTY_DAY"] },
    target: { op: "atLeast", value: 1 },
  },
  {
    id: "weekly-patrol",
    name: "weekly",
    subject: { kind: "member" },
    period: { kind: "week" },
    metric: "sumHours",
    activity: { types: ["DORM_PATROL", "THEME_PARTY_DAY"] },
    target: { op: "atLeast", value: 2 },
  },
  {
    id: "year-study",
    name: "year",
    subject: { kind: "member" },
    period: { kind: "academicYear" },
    metric: "count",
    activity: { types: ["CONCENTRATED_STUDY"] },
    target: { op: "atLeast", value: 4 },
  },
  {
    id: "org-half-year",
    name: "org",
    subject: { kind: "organization", levels: ["BRANCH", "COLLEGE"] },
    period: { kind: "halfYear" },
    metric: "count",
    activity: { types: ["THEME_PARTY_DAY", "PARTY_LECTURE"] },
    target: { op: "atLeast", value: 2 },
    options: { includeSubtree: true },
  },
  {
    id: "composite",
    name: "composite",
    subject: { kind: "member" },
    period: { kind: "semester" },
    composite: {
      kind: "all",
      parts: [
        {
          id: "hours",
          name: "hours",
          metric: "sumHours",
          activity: { types: ["PARTY_LECTURE", "DORM_PATROL"] },
          target: { op: "atLeast", value: 3 },
        },
        {
          id: "kinds",
          name: "kinds",
          metric: "distinctKinds",
          activity: { types: ["DORM_PATROL", "CONCENTRATED_STUDY", "PARTY_LECTURE"] },
          target: { op: "atLeast", value: 2 },
        },
      ],
    },
  },
];

const TYPES = ["CONCENTRATED_STUDY", "THEME_PARTY_DAY", "DORM_PATROL", "PARTY_LECTURE"] as const;

const recordArb: fc.Arbitrary<RecordInputLike> = fc.record({
  id: fc.uuid(),
  type: fc.constantFrom(...TYPES),
  orgId: fc.constantFrom("B1", "B2", "B3"),
  date: fc.integer({ min: -3, max: 368 }).map((d) => formatDayNumber(START_DAY + d)),
  hours: fc.integer({ min: 0, max: 16 }).map((h) => h / 3),
  status: fc.constantFrom("APPROVED", "APPROVED", "SUBMITTED"),
  attendeeIds: fc.subarray(MEMBER_IDS),
  selfReportedBy: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
});

const dateArb = fc.integer({ min: -5, max: 400 }).map((d) => formatDayNumber(START_DAY + d));

function campaign(period?: Period): CampaignForEvaluation {
  return {
    id: "c",
    startDate: START,
    endDate: END,
    quotas: period ? quotas.map((q) => ({ ...q, period })) : quotas,
  };
}

describe("evaluations over several as-of dates and requested windows", () => {
  it("evaluateCampaignAsOf gives, date by date, what evaluateCampaign gives", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 40 }),
        fc.array(dateArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("all" as const, "current" as const),
        (records, dates, windows) => {
          const input = { campaign: campaign(), organizations: ORGS, members: MEMBERS, records };
          const together = [...evaluateCampaignAsOf({ ...input, asOfDates: dates, windows })];
          expect(together).toEqual(
            dates.map((asOf) => evaluateCampaign({ ...input, asOf, windows })),
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it("evaluateCampaignInSteps, drained, gives what evaluateCampaignAsOf gives, with pauses between steps", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 40 }),
        fc.array(dateArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("all" as const, "current" as const),
        fc.integer({ min: 1, max: 5 }),
        (records, dates, windows, subjectsPerStep) => {
          const input = { campaign: campaign(), organizations: ORGS, members: MEMBERS, records };
          const steps = [
            ...evaluateCampaignInSteps({ ...input, asOfDates: dates, windows, subjectsPerStep }),
          ];
          const evaluations = steps.filter((s) => s !== PAUSE);
          expect(evaluations).toEqual([
            ...evaluateCampaignAsOf({ ...input, asOfDates: dates, windows }),
          ]);
          // A date inside the campaign measures its subjects in steps: with more subjects than a
          // step holds, there is more than one pause.
          const inside = dates.some((d) => d >= START);
          if (inside) expect(steps.length - evaluations.length).toBeGreaterThan(1);
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it("refuses a step of fewer than one subject", () => {
    const input = { campaign: campaign(), organizations: ORGS, members: MEMBERS, records: [] };
    expect(() =>
      evaluateCampaignInSteps({ ...input, asOfDates: [START], subjectsPerStep: 0 }),
    ).toThrow(/subjectsPerStep/);
  });

  it("the current window alone gives the results of the last window of all", () => {
    const last = (results: QuotaResult[]) => {
      const byQuota = new Map<string, string>();
      for (const r of results) {
        const end = byQuota.get(r.quotaId);
        if (end === undefined || r.window.start > end) byQuota.set(r.quotaId, r.window.start);
      }
      return results.filter((r) => byQuota.get(r.quotaId) === r.window.start);
    };
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), dateArb, (records, asOf) => {
        const input = {
          campaign: campaign(),
          organizations: ORGS,
          members: MEMBERS,
          records,
          asOf,
        };
        expect(evaluateCampaign({ ...input, windows: "current" }).results).toEqual(
          last(evaluateCampaign({ ...input, windows: "all" }).results),
        );
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it("yields one empty evaluation per date before the campaign", () => {
    const evaluations = [
      ...evaluateCampaignAsOf({
        campaign: campaign(),
        organizations: ORGS,
        members: MEMBERS,
        records: [],
        asOfDates: ["2025-01-01", "2025-08-31"],
      }),
    ];
    expect(evaluations).toEqual([
      { campaignId: "c", asOf: "2025-01-01", results: [] },
      { campaignId: "c", asOf: "2025-08-31", results: [] },
    ]);
  });
});
