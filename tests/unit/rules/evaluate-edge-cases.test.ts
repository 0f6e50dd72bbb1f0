import { describe, expect, it } from "vitest";
import { evaluateCampaign } from "../../../src/rules/evaluate-campaign";
import type { MemberInputLike, OrganizationInputLike, QuotaInput } from "../../../src/rules/types";
import { MEMBERS, ORGS, campaignOf, findResult, rec, run, selfRec } from "./fixtures";

const memberQuota = (overrides: Partial<QuotaInput> = {}): QuotaInput => ({
  id: "q",
  name: "q",
  subject: { kind: "member" },
  period: { kind: "month" },
  metric: "count",
  activity: { types: ["VOLUNTEER_SERVICE"] },
  target: { op: "atLeast", value: 2 },
  ...overrides,
});

const branchQuota = (overrides: Partial<QuotaInput> = {}): QuotaInput => ({
  id: "b",
  name: "b",
  subject: { kind: "organization", levels: ["BRANCH"] },
  period: { kind: "month" },
  metric: "count",
  activity: { types: ["CONCENTRATED_STUDY"] },
  target: { op: "atLeast", value: 1 },
  ...overrides,
});

const YEAR = ["2025-09-01", "2026-08-31"] as const;

describe("evaluateCampaign edge cases", () => {
  it("puts a record on the last day of a window in that window and one a day later in the next", () => {
    const results = run({
      campaign: campaignOf(memberQuota(), ...YEAR),
      records: [
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-31"),
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-31T15:59:00Z"), // 23:59 in Shanghai, still January
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-31T16:00:00Z"), // midnight in Shanghai: February
      ],
      asOf: "2026-02-10",
    });
    expect(findResult(results, "T1", "2026-01-01").achieved).toBe(2);
    expect(findResult(results, "T1", "2026-02-01").achieved).toBe(1);
  });

  it("handles 29 February: it closes the autumn semester and the second half of February", () => {
    const q = memberQuota({ period: { kind: "semester" }, target: { op: "atLeast", value: 1 } });
    const results = run({
      campaign: campaignOf(q, "2023-09-01", "2024-08-31"),
      records: [selfRec("T1", "VOLUNTEER_SERVICE", "2024-02-29")],
      asOf: "2024-03-01",
    });
    const autumn = findResult(results, "T1", "2023-09-01");
    expect(autumn.window).toEqual({ start: "2023-09-01", end: "2024-02-29" });
    expect(autumn.status).toBe("met");
    expect(autumn.final).toBe(true);
    const spring = findResult(results, "T1", "2024-03-01");
    expect(spring.achieved).toBe(0);
    expect(spring.final).toBe(false);
  });

  it("moves a record at 2026-08-31T17:00Z into the academic year starting 1 September", () => {
    const q = memberQuota({
      period: { kind: "academicYear" },
      target: { op: "atLeast", value: 1 },
    });
    const results = run({
      campaign: campaignOf(q, "2025-09-01", "2027-08-31"),
      records: [selfRec("T1", "VOLUNTEER_SERVICE", "2026-08-31T17:00:00Z")],
      asOf: "2026-09-02",
    });
    expect(findResult(results, "T1", "2025-09-01")).toMatchObject({
      achieved: 0,
      status: "behind",
      final: true,
    });
    expect(findResult(results, "T1", "2026-09-01")).toMatchObject({ achieved: 1, status: "met" });
  });

  it("follows a member who transfers branches mid-year: own quota counts both, each branch keeps its records", () => {
    const members: MemberInputLike[] = [
      ...MEMBERS.filter((m) => m.id !== "T1"),
      {
        id: "T1",
        status: "FULL",
        category: "TEACHER",
        cadreLevel: "NONE",
        positions: [],
        joinedAt: "2010-01-01",
        memberships: [
          { orgId: "B1", from: "2010-01-01", to: "2026-03-01" },
          { orgId: "B3", from: "2026-03-01", to: null },
        ],
      },
    ];
    const study = (orgId: string, date: string) =>
      rec("CONCENTRATED_STUDY", date, { orgId, attendeeIds: ["T1"] });
    const records = [
      study("B1", "2026-01-10"),
      study("B1", "2026-02-10"),
      study("B3", "2026-03-10"),
      study("B3", "2026-04-10"),
    ];
    const campaign = {
      id: "t",
      startDate: YEAR[0],
      endDate: YEAR[1],
      quotas: [
        memberQuota({
          id: "own",
          period: { kind: "calendarYear" },
          activity: { types: ["CONCENTRATED_STUDY"] },
          target: { op: "atLeast", value: 4 },
        }),
        branchQuota({
          id: "branch",
          period: { kind: "calendarYear" },
          target: { op: "atLeast", value: 2 },
        }),
      ],
    };
    const results = run({ campaign, members, records, asOf: "2026-05-01" });
    const own = findResult(results, "T1", "2026-01-01", "own");
    // Coverage is continuous across the transfer; the window is January–August (the campaign ends 31 August).
    expect(own).toMatchObject({ achieved: 4, status: "met", coverage: 0.6658 });
    expect(findResult(results, "B1", "2026-01-01", "branch")).toMatchObject({
      achieved: 2,
      status: "met",
    });
    expect(findResult(results, "B3", "2026-01-01", "branch")).toMatchObject({
      achieved: 2,
      status: "met",
    });
  });

  it("ignores a record voided after approval, and drafts, submitted and returned ones", () => {
    const results = run({
      campaign: campaignOf(memberQuota(), ...YEAR),
      records: [
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-05"),
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-06", { voidedAt: "2026-01-20T03:00:00Z" }),
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-07", { status: "DRAFT" }),
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-08", { status: "SUBMITTED" }),
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-09", { status: "RETURNED" }),
      ],
      asOf: "2026-02-01",
    });
    const r = findResult(results, "T1", "2026-01-01");
    expect(r.achieved).toBe(1);
    expect(r.recordIds).toHaveLength(1);
  });

  it("reports a subject with no records with zero, an empty trail and a status", () => {
    const results = run({
      campaign: campaignOf(memberQuota(), ...YEAR),
      records: [],
      asOf: "2026-01-31",
    });
    // Last day of January: pace is the full 2, gap 2 > max(1 unit, 20% of 2) → behind.
    expect(findResult(results, "S1", "2026-01-01")).toMatchObject({
      achieved: 0,
      recordIds: [],
      status: "behind",
      gap: 2,
    });
    expect(findResult(results, "S1", "2025-12-01")).toMatchObject({
      achieved: 0,
      status: "behind",
      final: true,
    });
  });

  it("classifies pace: onTrack at pace, atRisk within one unit or 20%, behind beyond, met at target", () => {
    const q = memberQuota({
      period: { kind: "calendarYear" },
      target: { op: "atLeast", value: 12 },
    });
    const campaign = campaignOf(q, "2026-01-01", "2026-12-31");
    const records = (n: number, id: string) =>
      Array.from({ length: n }, (_, i) =>
        selfRec(id, "VOLUNTEER_SERVICE", `2026-0${1 + (i % 6)}-0${1 + Math.floor(i / 6)}`),
      );
    // 1 July: 182/365 of the year elapsed → pace 12 × 0.4986 = 5.9836, floor 5.
    const results = run({
      campaign,
      records: [
        ...records(5, "T1"),
        ...records(4, "T2"),
        ...records(2, "S1"),
        ...records(12, "K1"),
      ],
      asOf: "2026-07-01",
    });
    expect(findResult(results, "T1", "2026-01-01")).toMatchObject({
      status: "onTrack",
      gap: 0,
      expectedByNow: 5.9836,
    });
    expect(findResult(results, "T2", "2026-01-01")).toMatchObject({ status: "atRisk", gap: 1 });
    expect(findResult(results, "S1", "2026-01-01")).toMatchObject({ status: "behind", gap: 3 });
    expect(findResult(results, "K1", "2026-01-01")).toMatchObject({ status: "met", gap: 0 });
    expect(findResult(results, "P1", "2026-01-01")).toMatchObject({
      status: "behind",
      gap: 5,
      achieved: 0,
    });
  });

  it("evaluates a campaign starting mid-period on the clipped window, pro-rating only when asked", () => {
    const q = (proRate: boolean): QuotaInput =>
      memberQuota({
        id: proRate ? "pro" : "full",
        period: { kind: "calendarYear" },
        target: { op: "atLeast", value: 10 },
        options: { proRate },
      });
    const campaign = {
      id: "c",
      startDate: "2026-03-15",
      endDate: "2027-03-14",
      quotas: [q(false), q(true)],
    };
    const results = run({ campaign, records: [], asOf: "2026-03-20" });
    const full = findResult(results, "T1", "2026-03-15", "full");
    expect(full.window).toEqual({ start: "2026-03-15", end: "2026-12-31" });
    expect(full.targetValue).toBe(10);
    expect(full.coverage).toBeCloseTo(292 / 365, 4);
    const pro = findResult(results, "T1", "2026-03-15", "pro");
    expect(pro.targetValue).toBe(8); // round(10 × 292/365)
    expect(pro.target).toBe(">= 8 times (pro-rated from 10)");
  });

  it("marks a member who joined after a window ended as not applicable, and pro-rates a late joiner", () => {
    const late: MemberInputLike = {
      id: "N1",
      status: "PROBATIONARY",
      category: "STUDENT",
      cadreLevel: "NONE",
      positions: [],
      joinedAt: "2026-01-16",
      memberships: [{ orgId: "B2", from: "2026-01-16", to: null }],
    };
    const q = memberQuota({ target: { op: "atLeast", value: 4 }, options: { proRate: true } });
    const results = run({
      campaign: campaignOf(q, ...YEAR),
      members: [late],
      records: [
        selfRec("N1", "VOLUNTEER_SERVICE", "2026-01-10", { orgId: "B2" }), // before joining: not counted
        selfRec("N1", "VOLUNTEER_SERVICE", "2026-01-20", { orgId: "B2" }),
        selfRec("N1", "VOLUNTEER_SERVICE", "2026-01-25", { orgId: "B2" }),
      ],
      asOf: "2026-02-15",
    });
    expect(findResult(results, "N1", "2025-12-01")).toMatchObject({
      status: "notApplicable",
      reason: "notCovered",
      achieved: 0,
    });
    // January: covered 16 of 31 days → target round(4 × 16/31) = 2; two records count → met.
    expect(findResult(results, "N1", "2026-01-01")).toMatchObject({
      achieved: 2,
      targetValue: 2,
      status: "met",
    });
  });

  it("marks windows after an organization was dissolved as not applicable", () => {
    const orgs: OrganizationInputLike[] = [
      ...ORGS.filter((o) => o.id !== "B3"),
      {
        id: "B3",
        level: "BRANCH",
        kind: "TEACHER",
        path: "S/C2/B3",
        validFrom: "2000-01-01",
        validTo: "2026-02-01",
      },
    ];
    const results = run({
      campaign: campaignOf(branchQuota(), ...YEAR),
      organizations: orgs,
      records: [],
      asOf: "2026-03-05",
    });
    expect(findResult(results, "B3", "2026-01-01").status).toBe("behind");
    expect(findResult(results, "B3", "2026-02-01").status).toBe("notApplicable");
  });

  it("counts subtree records for a college only with includeSubtree", () => {
    const q = (includeSubtree: boolean): QuotaInput => ({
      id: includeSubtree ? "tree" : "own",
      name: "x",
      subject: { kind: "organization", levels: ["COLLEGE"] },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["CONCENTRATED_STUDY"] },
      target: { op: "atLeast", value: 3 },
      options: { includeSubtree },
    });
    const records = [
      rec("CONCENTRATED_STUDY", "2026-01-10", { orgId: "C1" }),
      rec("CONCENTRATED_STUDY", "2026-01-05", { orgId: "B1" }),
      rec("CONCENTRATED_STUDY", "2026-01-07", { orgId: "B2" }),
      rec("CONCENTRATED_STUDY", "2026-01-08", { orgId: "B3" }),
    ];
    const results = run({
      campaign: { id: "c", startDate: YEAR[0], endDate: YEAR[1], quotas: [q(false), q(true)] },
      records,
      asOf: "2026-09-01",
    });
    expect(findResult(results, "C1", "2025-09-01", "own").achieved).toBe(1);
    const tree = findResult(results, "C1", "2025-09-01", "tree");
    expect(tree).toMatchObject({ achieved: 3, status: "met" });
    expect(tree.recordIds).toEqual([records[1]!.id, records[2]!.id, records[0]!.id]); // date order across branches
    expect(findResult(results, "C2", "2025-09-01", "tree").achieved).toBe(1);
  });

  it("ignores records after asOf or outside the campaign, and returns nothing before the campaign", () => {
    const records = [
      selfRec("T1", "VOLUNTEER_SERVICE", "2025-08-31"),
      selfRec("T1", "VOLUNTEER_SERVICE", "2026-03-10"),
      selfRec("T1", "VOLUNTEER_SERVICE", "2026-03-20"),
    ];
    const campaign = campaignOf(memberQuota({ period: { kind: "campaign" } }), ...YEAR);
    expect(
      findResult(run({ campaign, records, asOf: "2026-03-15" }), "T1", "2025-09-01").achieved,
    ).toBe(1);
    expect(run({ campaign, records, asOf: "2025-08-31" })).toEqual([]);
    const after = findResult(run({ campaign, records, asOf: "2027-01-01" }), "T1", "2025-09-01");
    expect(after).toMatchObject({ achieved: 2, final: true, status: "met" });
  });

  it("counts a member once per record however they are listed, and ignores unknown attendees", () => {
    const q = memberQuota({ metric: "sumHours", target: { op: "atLeast", value: 4 } });
    const results = run({
      campaign: campaignOf(q, ...YEAR),
      records: [
        rec("VOLUNTEER_SERVICE", "2026-01-05", {
          hours: 3,
          attendeeIds: ["T1", "T1", "ghost"],
          selfReportedBy: "T1",
        }),
      ],
      asOf: "2026-01-31",
    });
    expect(findResult(results, "T1", "2026-01-01")).toMatchObject({
      achieved: 3,
      status: "atRisk",
      gap: 1,
    });
  });

  it("counts distinct kinds, and filters by sub-type", () => {
    const kinds = memberQuota({
      id: "kinds",
      metric: "distinctKinds",
      activity: { types: ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "THEME_PARTY_DAY"] },
      target: { op: "atLeast", value: 2 },
    });
    const plus = memberQuota({
      id: "plus",
      activity: { types: ["THEME_PARTY_DAY"], subTypes: ["VOLUNTEER"] },
      target: { op: "atLeast", value: 1 },
    });
    const results = run({
      campaign: { id: "c", startDate: YEAR[0], endDate: YEAR[1], quotas: [kinds, plus] },
      records: [
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-05"),
        selfRec("T1", "VOLUNTEER_SERVICE", "2026-01-06"),
        selfRec("T1", "THEME_PARTY_DAY", "2026-01-07", { subType: "SOCIAL_PRACTICE" }),
      ],
      asOf: "2026-02-01",
    });
    expect(findResult(results, "T1", "2026-01-01", "kinds")).toMatchObject({
      achieved: 2,
      status: "met",
    });
    expect(findResult(results, "T1", "2026-01-01", "plus")).toMatchObject({
      achieved: 0,
      status: "behind",
    });
  });

  it("keeps only the current window with windows: current", () => {
    const evaluation = evaluateCampaign({
      campaign: campaignOf(memberQuota(), ...YEAR),
      organizations: ORGS,
      members: MEMBERS.slice(0, 1),
      records: [],
      asOf: "2026-03-15",
      windows: "current",
    });
    expect(evaluation.results.map((r) => r.window.start)).toEqual(["2026-03-01"]);
  });

  it("selects members by filters combined with all (default) or any", () => {
    const q = (match: "all" | "any"): QuotaInput =>
      memberQuota({
        id: match,
        subject: {
          kind: "member",
          cadreLevels: ["SCHOOL_LEADER"],
          positions: ["COLLEGE_LEADER"],
          match,
        },
      });
    const results = run({
      campaign: { id: "c", startDate: YEAR[0], endDate: YEAR[1], quotas: [q("all"), q("any")] },
      records: [],
      asOf: "2025-09-01",
    });
    expect(results.filter((r) => r.quotaId === "all").map((r) => r.subjectId)).toEqual([]);
    expect(results.filter((r) => r.quotaId === "any").map((r) => r.subjectId)).toEqual([
      "L1",
      "M1",
    ]);
  });

  it("rejects a malformed asOf", () => {
    expect(() =>
      run({ campaign: campaignOf(memberQuota(), ...YEAR), records: [], asOf: "2026-02-30" }),
    ).toThrow(/asOf/);
  });
});
