// One scenario per row of the quota table in shared/domain.md, run through the template quota that
// encodes it. Expected figures are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import {
  instantiateCampaignTemplate,
  type CampaignTemplate,
} from "../../../src/rules/instantiate-campaign-template";
import { campaignTemplates, findCampaignTemplate } from "../../../src/rules/templates";
import type { RecordInputLike, ResultStatus } from "../../../src/rules/types";
import { findResult, rec, run, selfRec } from "./fixtures";

interface Expectation {
  subject: string;
  window: string;
  achieved: number;
  status: ResultStatus;
  targetValue?: number;
  expectedByNow?: number;
  gap?: number;
  reason?: string;
  recordCount?: number;
}

interface RowCase {
  row: number;
  template: string;
  quota: string;
  records: RecordInputLike[];
  asOf: string;
  /** Overrides of the instantiated campaign dates. */
  startDate?: string;
  endDate?: string;
  expect: Expectation[];
  /** Subjects that must have no result (not selected by the quota's subject). */
  absent?: string[];
}

const SAN_CHUANG = "san-chuang-liu-jin"; // 000: 2010-09-01 .. 2012-06-30
const LIAN_CHUANG = "san-ji-lian-chuang"; // 001: 2020-06-12 .. 2023-12-31
const LIANG_ZAI = "liang-zai-liang-tong"; // 002: 2021-11-01 .. 2022-10-31
const CHUANG_XIAN = "chuang-xian-zheng-you"; // 004: 2010-06-01 .. 2012-12-31

const cases: RowCase[] = [
  {
    // 2011 H1: 5 sessions by 2 July; 183/365 of the year elapsed → pace 12 × 0.50137 = 6.0164,
    // floor 6 → gap 1 ≤ max(1, 2.4) → atRisk. 2010 is Sep–Dec only: pro-rated 12 × 122/365 → 4, met by 4.
    row: 1,
    template: SAN_CHUANG,
    quota: "r01-central-group-study",
    records: [
      ...["2011-01-20", "2011-02-20", "2011-03-20", "2011-04-20", "2011-05-20"].map((d) =>
        rec("CENTRAL_GROUP_STUDY", d, { orgId: "S" }),
      ),
      rec("CENTRAL_GROUP_STUDY", "2011-06-20", { orgId: "S", status: "SUBMITTED" }),
      ...["2010-09-20", "2010-10-20", "2010-11-20", "2010-12-20"].map((d) =>
        rec("CENTRAL_GROUP_STUDY", d, { orgId: "S" }),
      ),
    ],
    asOf: "2011-07-02",
    expect: [
      {
        subject: "S",
        window: "2011-01-01",
        achieved: 5,
        status: "atRisk",
        targetValue: 12,
        expectedByNow: 6.0164,
        gap: 1,
      },
      { subject: "S", window: "2010-09-01", achieved: 4, status: "met", targetValue: 4 },
    ],
    absent: ["C1", "B1"],
  },
  {
    // Last day of 2011, window still open with the full target expected: B1 10 → met;
    // B2 9 → gap 1 ≤ 2 → atRisk; C1 7 → gap 3 > max(1, 2) → behind. The school is not grassroots.
    row: 2,
    template: SAN_CHUANG,
    quota: "r02-concentrated-study",
    records: [
      ...Array.from({ length: 10 }, (_, i) =>
        rec("CONCENTRATED_STUDY", `2011-${String(i + 1).padStart(2, "0")}-10`, { orgId: "B1" }),
      ),
      ...Array.from({ length: 9 }, (_, i) =>
        rec("CONCENTRATED_STUDY", `2011-${String(i + 1).padStart(2, "0")}-10`, { orgId: "B2" }),
      ),
      ...Array.from({ length: 7 }, (_, i) =>
        rec("CONCENTRATED_STUDY", `2011-${String(i + 1).padStart(2, "0")}-10`, { orgId: "C1" }),
      ),
    ],
    asOf: "2011-12-31",
    expect: [
      { subject: "B1", window: "2011-01-01", achieved: 10, status: "met" },
      {
        subject: "B2",
        window: "2011-01-01",
        achieved: 9,
        status: "atRisk",
        expectedByNow: 10,
        gap: 1,
      },
      { subject: "C1", window: "2011-01-01", achieved: 7, status: "behind", gap: 3 },
    ],
    absent: ["S"],
  },
  {
    // 20 + 25 hours, plus a 3-hour group training where L1 is credited 8 (hoursByMember) = 53 < 60 → behind by 7.
    row: 3,
    template: SAN_CHUANG,
    quota: "r03-leader-training-hours",
    records: [
      selfRec("L1", "TRAINING", "2011-03-01", { hours: 20 }),
      selfRec("L1", "TRAINING", "2011-06-01", { hours: 25 }),
      rec("TRAINING", "2011-09-01", {
        hours: 3,
        attendeeIds: ["L1", "M1"],
        hoursByMember: { L1: 8 },
      }),
    ],
    asOf: "2012-01-10",
    expect: [
      {
        subject: "L1",
        window: "2011-01-01",
        achieved: 53,
        status: "behind",
        targetValue: 60,
        gap: 7,
      },
    ],
    absent: ["M1"],
  },
  {
    // Exactly 40 hours is enough (at least); the shared 3-hour training counts 3 for M1.
    row: 4,
    template: SAN_CHUANG,
    quota: "r04-cadre-training-hours",
    records: [
      selfRec("M1", "TRAINING", "2011-03-01", { hours: 37 }),
      rec("TRAINING", "2011-09-01", {
        hours: 3,
        attendeeIds: ["L1", "M1"],
        hoursByMember: { L1: 8 },
      }),
    ],
    asOf: "2012-01-10",
    expect: [{ subject: "M1", window: "2011-01-01", achieved: 40, status: "met", targetValue: 40 }],
    absent: ["L1"],
  },
  {
    // Only in a campaign of at least five years: one rotation training in the single 5-year window.
    row: 5,
    template: SAN_CHUANG,
    quota: "r05-cadre-rotation-training",
    startDate: "2010-09-01",
    endDate: "2015-08-31",
    records: [selfRec("M1", "ROTATION_TRAINING", "2014-05-01")],
    asOf: "2015-09-01",
    expect: [{ subject: "M1", window: "2010-09-01", achieved: 1, status: "met" }],
  },
  {
    // First half of March met; second half (16–31) open on the 20th: pace 5/16 of a visit, floor 0 → onTrack.
    row: 6,
    template: SAN_CHUANG,
    quota: "r06-class-visits",
    records: [selfRec("L1", "CLASS_VISIT", "2011-03-15")],
    asOf: "2011-03-20",
    expect: [
      { subject: "L1", window: "2011-03-01", achieved: 1, status: "met" },
      {
        subject: "L1",
        window: "2011-03-16",
        achieved: 0,
        status: "onTrack",
        expectedByNow: 0.3125,
        gap: 0,
      },
      { subject: "L1", window: "2011-02-16", achieved: 0, status: "behind", gap: 1 },
    ],
  },
  {
    // Half a contact day on 29 February 2012 (leap day) falls in February; the month is over → behind by 0.5 day.
    row: 7,
    template: SAN_CHUANG,
    quota: "r07-grassroots-contact",
    records: [selfRec("L1", "GRASSROOTS_CONTACT", "2012-02-29", { days: 0.5 })],
    asOf: "2012-03-01",
    expect: [
      { subject: "L1", window: "2012-02-01", achieved: 0.5, status: "behind", gap: 0.5 },
      { subject: "L1", window: "2012-03-01", achieved: 0, status: "onTrack" },
    ],
  },
  {
    // 31 August closes academic year 2010–11; 1 September opens 2011–12.
    row: 8,
    template: SAN_CHUANG,
    quota: "r08-undergrad-course",
    records: [
      selfRec("P1", "UNDERGRAD_COURSE", "2011-08-31"),
      selfRec("P1", "UNDERGRAD_COURSE", "2011-09-01"),
    ],
    asOf: "2011-09-01",
    expect: [
      { subject: "P1", window: "2010-09-01", achieved: 1, status: "met", recordCount: 1 },
      { subject: "P1", window: "2011-09-01", achieved: 1, status: "met", recordCount: 1 },
    ],
    absent: ["T1"],
  },
  {
    row: 9,
    template: SAN_CHUANG,
    quota: "r09-academic-report",
    records: [selfRec("T1", "ACADEMIC_REPORT", "2011-05-01")],
    asOf: "2012-01-01",
    expect: [{ subject: "P1", window: "2011-01-01", achieved: 0, status: "behind", gap: 1 }],
    absent: ["T1"],
  },
  {
    // Only pairings with a student in difficulty count; T1's freshman-dorm pairing does not.
    row: 10,
    template: SAN_CHUANG,
    quota: "r10-pairing-student-in-difficulty",
    records: [
      selfRec("T1", "PAIRING", "2011-04-01", { subType: "FRESHMAN_DORM" }),
      selfRec("T2", "PAIRING", "2011-04-01", { subType: "STUDENT_IN_DIFFICULTY" }),
    ],
    asOf: "2012-01-01",
    expect: [
      { subject: "T1", window: "2011-01-01", achieved: 0, status: "behind" },
      { subject: "T2", window: "2011-01-01", achieved: 1, status: "met" },
    ],
    absent: ["S1", "K1"],
  },
  {
    // September over with 1 of 2 → behind by 1. October on the 16th: pace 2 × 16/31 = 1.0323, floor 1, achieved 1 → onTrack.
    row: 11,
    template: SAN_CHUANG,
    quota: "r11-online-commentary",
    records: [
      selfRec("K1", "ONLINE_COMMENTARY", "2011-09-05"),
      selfRec("K1", "ONLINE_COMMENTARY", "2011-10-03"),
    ],
    asOf: "2011-10-16",
    expect: [
      { subject: "K1", window: "2011-09-01", achieved: 1, status: "behind", gap: 1 },
      {
        subject: "K1",
        window: "2011-10-01",
        achieved: 1,
        status: "onTrack",
        expectedByNow: 1.0323,
        gap: 0,
      },
    ],
  },
  {
    // Sunday 16 Oct 20:00 Shanghai belongs to the week of Mon 10 Oct; 16 Oct 17:00Z is Monday 17 Oct in Shanghai.
    row: 12,
    template: SAN_CHUANG,
    quota: "r12-dorm-patrol",
    records: [
      selfRec("K1", "DORM_PATROL", "2011-10-16T20:00:00+08:00"),
      selfRec("K1", "DORM_PATROL", "2011-10-16T17:00:00Z"),
    ],
    asOf: "2011-10-18",
    expect: [
      { subject: "K1", window: "2011-10-10", achieved: 1, status: "met" },
      { subject: "K1", window: "2011-10-17", achieved: 1, status: "met" },
      { subject: "K1", window: "2011-10-03", achieved: 0, status: "behind" },
    ],
  },
  {
    // 12 summer days stay in 2010–11 (behind by 8); 10 days from 2 September start 2011–12, on pace.
    row: 13,
    template: SAN_CHUANG,
    quota: "r13-social-practice-days",
    records: [
      selfRec("S1", "SOCIAL_PRACTICE", "2011-07-10", { days: 12 }),
      selfRec("S1", "SOCIAL_PRACTICE", "2011-09-02", { days: 10 }),
    ],
    asOf: "2011-09-05",
    expect: [
      { subject: "S1", window: "2010-09-01", achieved: 12, status: "behind", gap: 8 },
      { subject: "S1", window: "2011-09-01", achieved: 10, status: "onTrack" },
    ],
    absent: ["T1"],
  },
  {
    // After the campaign: C1 set up its base; C2's only base was filed by its branch B3, which does not count for C2.
    row: 14,
    template: SAN_CHUANG,
    quota: "r14-practice-base",
    records: [
      rec("PRACTICE_BASE", "2011-04-01", { orgId: "C1" }),
      rec("PRACTICE_BASE", "2011-04-01", { orgId: "B3" }),
    ],
    asOf: "2012-07-15",
    expect: [
      { subject: "C1", window: "2010-09-01", achieved: 1, status: "met" },
      { subject: "C2", window: "2010-09-01", achieved: 0, status: "behind" },
    ],
    absent: ["B3"],
  },
  {
    // A meeting on 30 June (last day of H1) counts for H1; H2 2011 had none.
    row: 15,
    template: SAN_CHUANG,
    quota: "r15-experience-exchange",
    records: [rec("EXPERIENCE_EXCHANGE", "2011-06-30", { orgId: "S" })],
    asOf: "2012-01-01",
    expect: [
      { subject: "S", window: "2011-01-01", achieved: 1, status: "met" },
      { subject: "S", window: "2011-07-01", achieved: 0, status: "behind", gap: 1 },
    ],
  },
  {
    // The campaign starts 12 June 2020: the first half-year window is 12–30 June and is not pro-rated.
    row: 16,
    template: LIAN_CHUANG,
    quota: "r16-special-work-report",
    records: [rec("WORK_REPORT", "2020-07-15", { orgId: "S" })],
    asOf: "2021-01-05",
    expect: [
      { subject: "S", window: "2020-06-12", achieved: 0, status: "behind" },
      { subject: "S", window: "2020-07-01", achieved: 1, status: "met" },
    ],
  },
  {
    // A lecture on 28 February 2021 is still in the autumn semester; the spring semester is 10 days old.
    row: 17,
    template: LIAN_CHUANG,
    quota: "r17-leader-party-lecture",
    records: [selfRec("L1", "LECTURE_GIVEN", "2021-02-28")],
    asOf: "2021-03-10",
    expect: [
      { subject: "L1", window: "2020-09-01", achieved: 1, status: "met" },
      {
        subject: "L1",
        window: "2021-03-01",
        achieved: 0,
        status: "onTrack",
        expectedByNow: 0.0543,
      },
    ],
    absent: ["M1"],
  },
  {
    row: 18,
    template: LIAN_CHUANG,
    quota: "r18-student-talk",
    records: [selfRec("L1", "STUDENT_TALK", "2021-03-14")],
    asOf: "2021-03-15",
    expect: [
      { subject: "L1", window: "2021-03-08", achieved: 1, status: "met" },
      {
        subject: "L1",
        window: "2021-03-15",
        achieved: 0,
        status: "onTrack",
        expectedByNow: 0.1429,
      },
      { subject: "L1", window: "2021-03-01", achieved: 0, status: "behind" },
    ],
  },
  {
    // 1 to 2 research projects: M1 (a college leader) with 1 is met; L1 with 3 overshoots → behind, aboveMax.
    row: 19,
    template: LIAN_CHUANG,
    quota: "r19-hot-issue-research",
    records: [
      selfRec("L1", "RESEARCH_REPORT", "2021-03-01"),
      selfRec("L1", "RESEARCH_REPORT", "2021-06-01"),
      selfRec("L1", "RESEARCH_REPORT", "2021-09-01"),
      selfRec("M1", "RESEARCH_REPORT", "2021-05-01"),
    ],
    asOf: "2022-01-02",
    expect: [
      { subject: "L1", window: "2021-01-01", achieved: 3, status: "behind", reason: "aboveMax" },
      { subject: "M1", window: "2021-01-01", achieved: 1, status: "met" },
    ],
    absent: ["T1"],
  },
  {
    row: 20,
    template: LIAN_CHUANG,
    quota: "r20-project-team",
    records: [selfRec("T1", "PROJECT_TEAM", "2021-03-01")],
    asOf: "2022-01-02",
    expect: [
      { subject: "T1", window: "2021-01-01", achieved: 1, status: "met" },
      { subject: "T2", window: "2021-01-01", achieved: 0, status: "behind" },
    ],
    absent: ["S1", "K1"],
  },
  {
    // Course teachers P1, T1, T2: two of three have a project → share 0.6667 >= 0.5 → met for the population.
    row: 21,
    template: LIAN_CHUANG,
    quota: "r21-course-ideology-project",
    records: [
      selfRec("P1", "COURSE_IDEOLOGY_PROJECT", "2021-03-01"),
      selfRec("T1", "COURSE_IDEOLOGY_PROJECT", "2022-03-01"),
    ],
    asOf: "2024-01-05",
    expect: [
      { subject: "all", window: "2020-06-12", achieved: 0.6667, status: "met", recordCount: 2 },
    ],
    absent: ["P1", "T1", "T2"],
  },
  {
    // Topic and report for L1; M1 set a topic but never reported → composite behind after the campaign.
    row: 23,
    template: LIANG_ZAI,
    quota: "r23-leader-research",
    records: [
      selfRec("L1", "RESEARCH_TOPIC", "2021-12-01"),
      selfRec("L1", "RESEARCH_REPORT", "2022-06-01"),
      selfRec("M1", "RESEARCH_TOPIC", "2021-12-01"),
    ],
    asOf: "2022-11-01",
    expect: [
      { subject: "L1", window: "2021-11-01", achieved: 2, status: "met", recordCount: 2 },
      { subject: "M1", window: "2021-11-01", achieved: 1, status: "behind", gap: 1 },
    ],
    absent: ["T1"],
  },
  {
    // Half-way through the campaign (182/365 elapsed): B2 without a project is on pace (floor of 0.4986 is 0).
    row: 24,
    template: LIANG_ZAI,
    quota: "r24-secretary-project",
    records: [rec("SECRETARY_PROJECT", "2021-12-01", { orgId: "B1" })],
    asOf: "2022-05-01",
    expect: [
      { subject: "B1", window: "2021-11-01", achieved: 1, status: "met" },
      {
        subject: "B2",
        window: "2021-11-01",
        achieved: 0,
        status: "onTrack",
        expectedByNow: 0.4986,
      },
    ],
    absent: ["C1", "S"],
  },
  {
    // T1: lecture 2 h, volunteer 8 h, labour 4 h, dorm pairing 6 h = all four kinds and 20 h → met.
    // T2: all four kinds but 8 h → the hours part is behind, so the composite is.
    row: 25,
    template: LIANG_ZAI,
    quota: "r25-four-ones",
    records: [
      selfRec("T1", "LECTURE_GIVEN", "2021-11-10", { hours: 2 }),
      selfRec("T1", "VOLUNTEER_SERVICE", "2022-01-10", { hours: 8 }),
      selfRec("T1", "VOLUNTARY_LABOUR", "2022-03-10", { hours: 4 }),
      selfRec("T1", "PAIRING", "2022-09-10", { subType: "FRESHMAN_DORM", hours: 6 }),
      selfRec("T2", "LECTURE_GIVEN", "2021-11-10", { hours: 2 }),
      selfRec("T2", "VOLUNTEER_SERVICE", "2022-01-10", { hours: 2 }),
      selfRec("T2", "VOLUNTARY_LABOUR", "2022-03-10", { hours: 2 }),
      selfRec("T2", "PAIRING", "2022-09-10", { subType: "FRESHMAN_DORM", hours: 2 }),
    ],
    asOf: "2022-11-01",
    expect: [
      { subject: "T1", window: "2021-11-01", achieved: 5, status: "met", recordCount: 4 },
      { subject: "T2", window: "2021-11-01", achieved: 4, status: "behind", gap: 1 },
    ],
  },
  {
    // Bi-monthly windows Nov–Dec, Jan–Feb, Mar–Apr; a list on 31 December counts for Nov–Dec.
    row: 26,
    template: LIANG_ZAI,
    quota: "r26-practical-matters-list",
    records: [
      rec("PRACTICAL_MATTERS_LIST", "2021-12-31", { orgId: "S" }),
      rec("PRACTICAL_MATTERS_LIST", "2022-02-01", { orgId: "S" }),
    ],
    asOf: "2022-03-01",
    expect: [
      { subject: "S", window: "2021-11-01", achieved: 1, status: "met" },
      { subject: "S", window: "2022-01-01", achieved: 1, status: "met" },
      { subject: "S", window: "2022-03-01", achieved: 0, status: "onTrack" },
    ],
  },
  {
    // 000's mobilization phase ends 25 September 2010: C1 filed on the 25th (met), B1 on the 26th (too late).
    row: 27,
    template: SAN_CHUANG,
    quota: "r27-implementation-plan",
    records: [
      rec("IMPLEMENTATION_PLAN", "2010-09-25", { orgId: "C1" }),
      rec("IMPLEMENTATION_PLAN", "2010-09-26", { orgId: "B1" }),
    ],
    asOf: "2010-10-01",
    expect: [
      { subject: "C1", window: "2010-09-01", achieved: 0 + 1, status: "met" },
      { subject: "B1", window: "2010-09-01", achieved: 0, status: "behind", gap: 1 },
      { subject: "B2", window: "2010-09-01", achieved: 0, status: "behind" },
    ],
    absent: ["S"],
  },
  {
    // 004's mobilization phase is June–December 2010.
    row: 27,
    template: CHUANG_XIAN,
    quota: "r27-implementation-plan",
    records: [rec("IMPLEMENTATION_PLAN", "2010-12-31", { orgId: "B1" })],
    asOf: "2011-01-01",
    expect: [
      { subject: "B1", window: "2010-06-01", achieved: 1, status: "met" },
      { subject: "B2", window: "2010-06-01", achieved: 0, status: "behind" },
    ],
  },
  {
    // A pledge counts once the branch has approved it (its comment); T1's is still SUBMITTED.
    row: 28,
    template: LIAN_CHUANG,
    quota: "r28-public-pledge",
    records: [
      selfRec("S1", "PLEDGE", "2020-07-01"),
      selfRec("T1", "PLEDGE", "2020-07-01", { status: "SUBMITTED" }),
    ],
    asOf: "2021-06-01",
    expect: [
      { subject: "S1", window: "2020-06-12", achieved: 1, status: "met" },
      { subject: "T1", window: "2020-06-12", achieved: 0, status: "onTrack" },
    ],
  },
  {
    row: 28,
    template: CHUANG_XIAN,
    quota: "r28-public-pledge",
    records: [selfRec("S1", "PLEDGE", "2010-07-01")],
    asOf: "2013-01-01",
    expect: [
      { subject: "S1", window: "2010-06-01", achieved: 1, status: "met" },
      { subject: "T1", window: "2010-06-01", achieved: 0, status: "behind", gap: 1 },
    ],
  },
];

function templateOf(code: string): CampaignTemplate {
  const t = findCampaignTemplate(code);
  if (!t) throw new Error(`no template ${code}`);
  return t;
}

describe("quota table rows", () => {
  it.each(cases.map((c) => [c.row, c.template, c] as const))("row %i (%s)", (_row, _code, c) => {
    const template = templateOf(c.template);
    const { campaign } = instantiateCampaignTemplate(template, {
      id: c.template,
      ...(c.startDate ? { startDate: c.startDate } : {}),
      ...(c.endDate ? { endDate: c.endDate } : {}),
    });
    const quota = campaign.quotas.find((q) => q.id === c.quota);
    expect(quota, `template ${c.template} has quota ${c.quota}`).toBeDefined();
    const results = run({
      campaign: { ...campaign, quotas: [quota!] },
      records: c.records,
      asOf: c.asOf,
    });
    for (const e of c.expect) {
      const r = findResult(results, e.subject, e.window);
      expect(r.achieved, `${e.subject} achieved`).toBeCloseTo(e.achieved, 4);
      expect(r.status, `${e.subject} status`).toBe(e.status);
      if (e.targetValue !== undefined) expect(r.targetValue).toBeCloseTo(e.targetValue, 4);
      if (e.expectedByNow !== undefined) expect(r.expectedByNow).toBeCloseTo(e.expectedByNow, 4);
      if (e.gap !== undefined) expect(r.gap).toBeCloseTo(e.gap, 4);
      if (e.reason !== undefined) expect(r.reason).toBe(e.reason);
      if (e.recordCount !== undefined) expect(r.recordIds).toHaveLength(e.recordCount);
    }
    for (const subject of c.absent ?? []) {
      expect(results.filter((r) => r.subjectId === subject)).toEqual([]);
    }
  });

  it("covers every row of the table in some template, including the unexpressible ones", () => {
    const rows = new Set(campaignTemplates.flatMap((t) => t.rows));
    expect([...rows].sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    const tested = new Set(cases.map((c) => c.row));
    const unexpressed = new Set(
      campaignTemplates.flatMap((t) =>
        t.unexpressed.filter((u) => u.coverage === "none").map((u) => u.row),
      ),
    );
    for (let row = 1; row <= 28; row++) {
      expect(
        tested.has(row) || unexpressed.has(row),
        `row ${row} has a test or is listed as unexpressible`,
      ).toBe(true);
    }
    expect([...unexpressed]).toEqual([22]);
  });

  it("skips the five-year rotation quota (row 5) in the 22-month 000 campaign, with the reason", () => {
    const { campaign, skipped } = instantiateCampaignTemplate(templateOf(SAN_CHUANG), { id: "x" });
    expect(campaign.quotas.map((q) => q.id)).not.toContain("r05-cadre-rotation-training");
    expect(skipped).toEqual([
      {
        quotaId: "r05-cadre-rotation-training",
        reason: 'period "per 5 years" (at least 1825 days) is longer than the campaign (669 days)',
      },
    ]);
  });

  it("reports the composite parts of the four ones with their own figures (row 25)", () => {
    const { campaign } = instantiateCampaignTemplate(templateOf(LIANG_ZAI), { id: "x" });
    const quota = campaign.quotas.find((q) => q.id === "r25-four-ones")!;
    const results = run({
      campaign: { ...campaign, quotas: [quota] },
      records: cases.find((c) => c.row === 25)!.records,
      asOf: "2022-11-01",
    });
    const t2 = findResult(results, "T2", "2021-11-01");
    expect(t2.parts?.map((p) => [p.partId, p.achieved, p.status])).toEqual([
      ["lecture", 1, "met"],
      ["volunteer", 1, "met"],
      ["labour", 1, "met"],
      ["dorm-pairing", 1, "met"],
      ["hours", 8, "behind"],
    ]);
    expect(t2.parts?.[4]?.gap).toBe(12);
  });
});
