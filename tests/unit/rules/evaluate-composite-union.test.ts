import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDayNumber } from "../../../src/rules/day-numbers";
import { evaluateCampaign } from "../../../src/rules/evaluate-campaign";
import type {
  ActivityType,
  CampaignForEvaluation,
  Period,
  RecordInputLike,
} from "../../../src/rules/types";
import { MEMBERS, ORGS } from "./fixtures";

// A composite's recordIds are the records counted by any of its parts, each once, in date order
// (Asia/Shanghai days), records of the same day by id. The engine merges the parts' lists; this
// checks the merge against that definition, with parts whose types overlap, a sub-type filter,
// several windows, many records per subject and many records on the same day.

const TYPES: ActivityType[] = ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "PAIRING", "TRAINING"];
const MEMBER_IDS = MEMBERS.map((m) => m.id);
const START_DAY = parseDayNumber("2025-09-01");

function campaignWith(period: Period): CampaignForEvaluation {
  return {
    id: "c",
    startDate: "2025-09-01",
    endDate: "2026-08-31",
    quotas: [
      {
        id: "all",
        name: "all",
        subject: { kind: "member" },
        period,
        composite: {
          kind: "all",
          parts: [
            {
              id: "volunteer",
              name: "volunteer",
              metric: "count",
              activity: { types: ["VOLUNTEER_SERVICE"] },
              target: { op: "atLeast", value: 1 },
            },
            {
              id: "pairing",
              name: "pairing",
              metric: "count",
              activity: { types: ["PAIRING"], subTypes: ["FRESHMAN_DORM"] },
              target: { op: "atLeast", value: 1 },
            },
            {
              id: "hours",
              name: "hours",
              metric: "sumHours",
              activity: { types: ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "PAIRING"] },
              target: { op: "atLeast", value: 5 },
            },
            {
              id: "kinds",
              name: "kinds",
              metric: "distinctKinds",
              activity: { types: ["VOLUNTARY_LABOUR", "TRAINING"] },
              target: { op: "atLeast", value: 2 },
            },
          ],
        },
      },
    ],
  };
}

const recordArb = fc.record({
  type: fc.constantFrom(...TYPES),
  subType: fc.constantFrom(null, "FRESHMAN_DORM", "STUDENT_IN_DIFFICULTY"),
  // Few distinct days, so that many records share one.
  day: fc.integer({ min: 0, max: 40 }).map((d) => d * 9),
  utcEvening: fc.boolean(),
  hours: fc.constantFrom(1, 2, 0.5, 1.25),
  attendees: fc.subarray(MEMBER_IDS, { minLength: 0, maxLength: 4 }),
  self: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
  key: fc.integer({ min: 0, max: 999 }),
});

describe("composite record lists", () => {
  it("list each record counted by any part once, by date and then id", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 160 }),
        fc.constantFrom<Period>({ kind: "month" }, { kind: "semester" }, { kind: "campaign" }),
        (specs, period) => {
          const records: RecordInputLike[] = specs.map((s, i) => {
            const date = new Date((START_DAY + s.day) * 86_400_000).toISOString().slice(0, 10);
            return {
              // Ids not in input order, so that ordering by id is visible.
              id: `r${String(s.key).padStart(3, "0")}-${i}`,
              type: s.type,
              subType: s.type === "PAIRING" ? s.subType : null,
              orgId: "B1",
              date: s.utcEvening ? `${date}T18:30:00Z` : date,
              hours: s.hours,
              status: "APPROVED",
              attendeeIds: s.attendees,
              selfReportedBy: s.self,
            };
          });
          const dayOf = new Map(records.map((r) => [r.id, parseDayNumber(r.date)]));
          const evaluation = evaluateCampaign({
            campaign: campaignWith(period),
            organizations: ORGS,
            members: MEMBERS,
            records,
            asOf: "2026-08-31",
            windows: "all",
          });
          expect(evaluation.results.length).toBeGreaterThan(0);
          for (const r of evaluation.results) {
            const union = [...new Set((r.parts ?? []).flatMap((p) => p.recordIds))];
            union.sort((a, b) => dayOf.get(a)! - dayOf.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
            expect(r.recordIds).toEqual(union);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
