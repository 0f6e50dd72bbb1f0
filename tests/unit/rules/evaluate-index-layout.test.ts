import { describe, expect, it } from "vitest";
import { evaluateCampaign } from "../../../src/rules/evaluate-campaign";
import { MAX_GROUPS } from "../../../src/rules/record-index";
import type {
  ActivityType,
  CampaignForEvaluation,
  MemberInputLike,
  QuotaInput,
  RecordInputLike,
} from "../../../src/rules/types";
import { ORGS } from "./fixtures";

// The engine measures subjects into scratch buffers it reuses from one subject to the next, and
// splits its record index by activity type when that is cheap. These tests pin down that none of
// it shows in the results.

const YEAR = { startDate: "2025-09-01", endDate: "2026-08-31" };

function members(count: number): MemberInputLike[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    status: "FULL",
    category: "TEACHER",
    cadreLevel: "NONE",
    positions: [],
    joinedAt: "2000-01-01",
    memberships: [{ orgId: "B1", from: "2000-01-01", to: null }],
  }));
}

const date = (i: number) =>
  `2026-${String(1 + (i % 6)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`;

describe("evaluateCampaign with large subjects and reused buffers", () => {
  it("lists every counted record of subjects with more records than the scratch buffers first hold", () => {
    // Two subjects in one window, the second with more records than the first: the buffers grown
    // for the first must hold all of the second's.
    const records: RecordInputLike[] = [];
    for (const [memberId, count] of [
      ["m0", 100],
      ["m1", 150],
      ["m2", 70],
    ] as const) {
      for (let i = 0; i < count; i++) {
        records.push({
          id: `${memberId}-${String(i).padStart(3, "0")}`,
          type: "VOLUNTEER_SERVICE",
          orgId: "B1",
          date: date(i),
          status: "APPROVED",
          selfReportedBy: memberId,
        });
      }
    }
    const quota = (id: string, period: QuotaInput["period"]): QuotaInput => ({
      id,
      name: id,
      subject: { kind: "member" },
      period,
      metric: "count",
      activity: { types: ["VOLUNTEER_SERVICE"] },
      target: { op: "atLeast", value: 1 },
    });
    for (const windows of ["all", "current"] as const) {
      const { results } = evaluateCampaign({
        campaign: {
          id: "c",
          ...YEAR,
          quotas: [
            quota("campaign", { kind: "campaign" }),
            quota("year", { kind: "calendarYear" }),
          ],
        },
        organizations: ORGS,
        members: members(3),
        records,
        asOf: "2026-08-31",
        windows,
      });
      for (const r of results.filter(
        (x) => x.window.start !== "2025-09-01" || x.quotaId === "campaign",
      )) {
        const own = records.filter((x) => x.selfReportedBy === r.subjectId);
        expect(r.achieved).toBe(own.length);
        expect(r.recordIds).toHaveLength(own.length);
        expect(new Set(r.recordIds)).toEqual(new Set(own.map((x) => x.id)));
        const byId = new Map(own.map((x) => [x.id, x.date]));
        const dates = r.recordIds.map((id) => byId.get(id)!);
        expect([...dates].sort()).toEqual(dates);
      }
    }
  });

  it("does not carry anything over from one evaluation to the next", () => {
    const quota: QuotaInput = {
      id: "q",
      name: "q",
      subject: { kind: "member" },
      period: { kind: "month" },
      metric: "sumHours",
      activity: { types: ["VOLUNTEER_SERVICE", "TRAINING"] },
      target: { op: "atLeast", value: 3 },
    };
    const campaign: CampaignForEvaluation = { id: "c", ...YEAR, quotas: [quota] };
    const small = {
      campaign,
      organizations: ORGS,
      members: members(2),
      records: [
        {
          id: "a",
          type: "TRAINING",
          orgId: "B1",
          date: "2026-01-05",
          hours: 2,
          status: "APPROVED",
          attendeeIds: ["m0", "m1"],
          hoursByMember: { m1: 5 },
        },
      ],
      asOf: "2026-01-31",
    };
    const first = evaluateCampaign(small);
    // A larger evaluation in between must leave nothing behind that the next one would read.
    evaluateCampaign({
      campaign,
      organizations: ORGS,
      members: members(50),
      records: Array.from({ length: 2000 }, (_, i) => ({
        id: `r${i}`,
        type: i % 2 ? "TRAINING" : "VOLUNTEER_SERVICE",
        orgId: "B1",
        date: date(i),
        hours: 1 + (i % 5),
        status: "APPROVED",
        attendeeIds: [`m${i % 50}`, `m${(i * 3) % 50}`],
      })),
      asOf: "2026-08-31",
    });
    expect(evaluateCampaign(small)).toEqual(first);
    expect(
      first.results
        .filter((r) => r.window.start === "2026-01-01")
        .map((r) => [r.subjectId, r.achieved]),
    ).toEqual([
      ["m0", 2],
      ["m1", 5],
    ]);
  });

  it.each([
    ["fractional", false],
    ["whole", true],
  ])(
    "gives the same results when the index is too large to split by activity type (%s hours and days)",
    (_, whole) => {
      // The index is split by type only while members × types stays under MAX_GROUPS; asking for
      // 255 types with enough members takes the unsplit layout. The records use three of the types,
      // so a campaign asking only for those three (split layout) must give the same results. Sums
      // over several types are merged in input order when the values have fractions, and added type
      // by type when they are whole numbers; both must give the unsplit layout's sums.
      const types = Array.from({ length: 255 }, (_, i) => `T${i}`);
      const memberCount = Math.ceil((MAX_GROUPS + 1) / types.length);
      const everyone = members(memberCount);
      const records: RecordInputLike[] = [];
      for (let i = 0; i < 600; i++) {
        records.push({
          id: `r${String(i).padStart(4, "0")}`,
          type: types[[3, 77, 200][i % 3]!]!,
          subType: i % 4 === 0 ? "x" : null,
          orgId: "B1",
          date: date(i),
          hours: whole ? i % 7 : (i % 7) / 3,
          days: whole ? i % 5 : (i % 5) / 2,
          status: "APPROVED",
          attendeeIds: [`m${i % 40}`, `m${(i * 7) % 40}`, `m${memberCount - 1 - (i % 3)}`],
          selfReportedBy: i % 5 === 0 ? `m${i % 11}` : null,
          ...(i % 9 === 0 ? { hoursByMember: { [`m${i % 40}`]: whole ? 4 : 4.5 } } : {}),
        });
      }
      // The engine takes any type codes; only parsing restricts them to ACTIVITY_TYPES.
      const campaignAsking = (codes: string[]): CampaignForEvaluation => {
        const asked = codes as ActivityType[];
        return {
          id: "c",
          ...YEAR,
          quotas: [
            {
              id: "count",
              name: "count",
              subject: { kind: "member" },
              period: { kind: "semester" },
              metric: "count",
              activity: { types: asked },
              target: { op: "atLeast", value: 2 },
            },
            {
              id: "parts",
              name: "parts",
              subject: { kind: "member" },
              period: { kind: "campaign" },
              composite: {
                kind: "all",
                parts: [
                  {
                    id: "hours",
                    name: "hours",
                    metric: "sumHours",
                    activity: { types: asked },
                    target: { op: "atLeast", value: 3 },
                  },
                  {
                    id: "kinds",
                    name: "kinds",
                    metric: "distinctKinds",
                    activity: { types: asked, subTypes: ["x"] },
                    target: { op: "atLeast", value: 2 },
                  },
                  {
                    id: "days",
                    name: "days",
                    metric: "sumDays",
                    activity: { types: asked },
                    target: { op: "between", min: 1, max: 9 },
                  },
                ],
              },
            },
          ],
        };
      };
      const input = { organizations: ORGS, members: everyone, records, asOf: "2026-05-20" };
      const unsplit = evaluateCampaign({ ...input, campaign: campaignAsking(types) });
      const split = evaluateCampaign({ ...input, campaign: campaignAsking(["T3", "T77", "T200"]) });
      expect(unsplit.results).toHaveLength(split.results.length);
      expect(unsplit).toEqual(split);
      expect(split.results.some((r) => r.recordIds.length > 10 && r.quotaId === "parts")).toBe(
        true,
      );
    },
  );
});
