import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/authz/actor";
import { isAppError } from "@/server/errors";
import { evaluateCampaignForActor } from "@/server/data/campaigns/evaluate-campaign-for-actor";
import { loadDashboardBase, trendDates } from "@/server/data/dashboard/dashboard-base";
import type { DashboardQuery } from "@/server/data/dashboard/dashboard-query";
import { buildDashboardTable } from "@/server/data/dashboard/dashboard-tables";
import { dashboardText } from "@/server/data/dashboard/dashboard-translators";
import type { Cell } from "@/server/data/dashboard/dashboard-view";
import { getCampaignDashboard } from "@/server/data/dashboard/get-campaign-dashboard";
import { getCampaignSummary } from "@/server/data/dashboard/get-campaign-summary";
import { getDashboardDrill } from "@/server/data/dashboard/get-dashboard-drill";
import { getDashboardRecords } from "@/server/data/dashboard/get-dashboard-records";
import { listDashboardCampaigns } from "@/server/data/dashboard/list-dashboard-campaigns";
import { readXlsxRows } from "@/lib/export/xlsx";
import { GET as exportRoute } from "../../../app/api/dashboard/export/route";
import { signInAs, signOut } from "../../setup/action-context";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

// A small campaign with known records — approved, submitted, returned, voided, outside the
// campaign, after the as-of date, not linked to the campaign — and attendance (present and
// absent), so every dashboard figure can be recounted with plain SQL over the same rows.

const ASOF = "2026-06-20";
const START = "2026-01-01";
const END = "2026-12-31";
const FORMULA_MEMBER = '=HYPERLINK("http://evil.example","点我")';
const FORMULA_ORG = "+SUM(1,2)";

/** The quotas, with what SQL needs to recount them: activity type, subject, target and window. */
const QUOTAS = [
  {
    id: "branch-study",
    type: "CONCENTRATED_STUDY",
    subject: "organization",
    target: 3,
    window: (asOf: string) => [START, asOf] as const,
  },
  {
    id: "branch-theme-day",
    type: "THEME_PARTY_DAY",
    subject: "organization",
    target: 1,
    window: (asOf: string) => [`${asOf.slice(0, 7)}-01`, asOf] as const,
  },
  {
    id: "member-volunteer",
    type: "VOLUNTEER_SERVICE",
    subject: "member",
    target: 2,
    window: (asOf: string) => [START, asOf] as const,
  },
] as const;

let a: TenantFixture;
let b: TenantFixture;
let campaignId: string;
let bCampaignId: string;
let admin: Actor;
const query = (overrides: Partial<DashboardQuery> = {}): DashboardQuery => ({
  campaignId,
  asOf: ASOF,
  orgIds: [],
  orgKind: null,
  memberCategory: null,
  ...overrides,
});
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function definition(id: string) {
  return {
    id,
    startDate: START,
    endDate: END,
    phases: [],
    quotas: [
      {
        id: "branch-study",
        name: "支部集中学习（半年）",
        subject: { kind: "organization", levels: ["BRANCH"] },
        period: { kind: "halfYear" },
        metric: "count",
        activity: { types: ["CONCENTRATED_STUDY"] },
        target: { op: "atLeast", value: 3 },
        options: { proRate: false, weight: 1, includeSubtree: false },
      },
      {
        id: "branch-theme-day",
        name: "每月主题党日",
        subject: { kind: "organization", levels: ["BRANCH"] },
        period: { kind: "month" },
        metric: "count",
        activity: { types: ["THEME_PARTY_DAY"] },
        target: { op: "atLeast", value: 1 },
        options: { proRate: false, weight: 1, includeSubtree: false },
      },
      {
        id: "member-volunteer",
        name: "党员志愿服务（半年）",
        subject: { kind: "member" },
        period: { kind: "halfYear" },
        metric: "count",
        activity: { types: ["VOLUNTEER_SERVICE"] },
        target: { op: "atLeast", value: 2 },
        options: { proRate: false, weight: 1, includeSubtree: false },
      },
    ],
  };
}

async function createCampaign(t: TenantFixture, name: string): Promise<string> {
  const id = randomUUID();
  await adminDb().campaign.create({
    data: {
      tenantId: t.tenantId,
      id,
      name,
      startDate: day(START),
      endDate: day(END),
      rootOrgId: t.orgs.school!.id,
      status: "ACTIVE",
      definition: definition(id),
    },
  });
  return id;
}

beforeAll(async () => {
  a = await createTenantFixture("dash-a");
  b = await createTenantFixture("dash-b");
  admin = await a.actor("admin");
  campaignId = await createCampaign(a, "看板测试活动");
  bCampaignId = await createCampaign(b, "B 校活动");
  const db = adminDb();
  const tenantId = a.tenantId;
  await db.member.update({
    where: { tenantId_id: { tenantId, id: a.members["b12-2"]! } },
    data: { name: FORMULA_MEMBER },
  });
  await db.organization.update({
    where: { tenantId_id: { tenantId, id: a.orgs.b21!.id } },
    data: { name: FORMULA_ORG },
  });

  type Spec = {
    org: string;
    type: string;
    date: string;
    status?: "APPROVED" | "SUBMITTED" | "RETURNED" | "DRAFT";
    voided?: boolean;
    linked?: boolean;
    present?: string[];
    absent?: string[];
    selfReportedBy?: string;
  };
  const specs: Spec[] = [
    // Concentrated study: b11 3 counted; b12 2; b21 1; plus records that must not count.
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-01-15" },
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-03-10" },
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-05-20" },
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-06-02", status: "SUBMITTED" },
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-04-08", voided: true },
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-07-01" },
    { org: "b12", type: "CONCENTRATED_STUDY", date: "2026-02-11" },
    { org: "b12", type: "CONCENTRATED_STUDY", date: "2026-04-21" },
    { org: "b12", type: "CONCENTRATED_STUDY", date: "2026-05-05", status: "RETURNED" },
    { org: "b21", type: "CONCENTRATED_STUDY", date: "2026-03-03" },
    { org: "b21", type: "CONCENTRATED_STUDY", date: "2025-12-20" },
    { org: "b21", type: "CONCENTRATED_STUDY", date: "2026-03-04", linked: false },
    { org: "c1", type: "CONCENTRATED_STUDY", date: "2026-03-05" },
    // Theme party days: June counts for the current month window.
    { org: "b11", type: "THEME_PARTY_DAY", date: "2026-06-05" },
    { org: "b11", type: "THEME_PARTY_DAY", date: "2026-02-05" },
    { org: "b12", type: "THEME_PARTY_DAY", date: "2026-06-10", status: "SUBMITTED" },
    { org: "b12", type: "THEME_PARTY_DAY", date: "2026-03-12" },
    { org: "b21", type: "THEME_PARTY_DAY", date: "2026-05-28" },
    { org: "b21", type: "THEME_PARTY_DAY", date: "2026-01-28" },
    // Volunteer service with attendance (present and absent) and self-reports.
    {
      org: "b11",
      type: "VOLUNTEER_SERVICE",
      date: "2026-02-14",
      present: ["b11-0", "b11-1"],
      absent: ["b11-2"],
    },
    { org: "b11", type: "VOLUNTEER_SERVICE", date: "2026-04-18", present: ["b11-0", "b11-1"] },
    { org: "b12", type: "VOLUNTEER_SERVICE", date: "2026-03-21", voided: true, present: ["b12-0"] },
    {
      org: "b12",
      type: "VOLUNTEER_SERVICE",
      date: "2026-05-09",
      status: "SUBMITTED",
      present: ["b12-0", "b12-1"],
    },
    { org: "b21", type: "VOLUNTEER_SERVICE", date: "2026-03-28", present: ["b21-0", "b11-2"] },
    { org: "b21", type: "VOLUNTEER_SERVICE", date: "2026-05-30", selfReportedBy: "b21-1" },
    {
      org: "b21",
      type: "VOLUNTEER_SERVICE",
      date: "2026-06-01",
      status: "SUBMITTED",
      selfReportedBy: "b21-2",
    },
  ];
  const activities = [];
  const attendance = [];
  const links = [];
  for (const [i, s] of specs.entries()) {
    const id = randomUUID();
    const status = s.status ?? "APPROVED";
    activities.push({
      tenantId,
      id,
      orgId: a.orgs[s.org]!.id,
      type: s.type,
      date: day(s.date),
      durationHours: 2,
      topic: `${s.type} ${i}`,
      status,
      voidedAt: s.voided ? new Date("2026-06-10T08:00:00Z") : null,
      voidReason: s.voided ? "重复录入" : null,
      selfReportedById: s.selfReportedBy ? a.members[s.selfReportedBy]! : null,
      recordedById: a.users.admin!,
    });
    for (const m of s.present ?? [])
      attendance.push({ tenantId, activityId: id, memberId: a.members[m]!, present: true });
    for (const m of s.absent ?? [])
      attendance.push({
        tenantId,
        activityId: id,
        memberId: a.members[m]!,
        present: false,
        absenceReason: "请假",
      });
    if (s.linked !== false) links.push({ tenantId, activityId: id, campaignId });
  }
  await db.activity.createMany({ data: activities });
  await db.activityAttendance.createMany({ data: attendance });
  await db.activityCampaign.createMany({ data: links });
}, 60_000);

// ---------------------------------------------------------------------------------------------
// SQL recounts
// ---------------------------------------------------------------------------------------------

/** COUNT of approved, non-voided records of the campaign per holding organization in [from, to]. */
async function sqlOrgCounts(type: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await adminDb().$queryRaw<{ id: string; n: number }[]>`
    SELECT a."orgId"::text AS id, COUNT(*)::int AS n
      FROM "Activity" a
      JOIN "ActivityCampaign" l ON l."tenantId" = a."tenantId" AND l."activityId" = a."id" AND l."campaignId" = ${campaignId}::uuid
     WHERE a."tenantId" = ${a.tenantId}::uuid AND a."type" = ${type} AND a."status" = 'APPROVED' AND a."voidedAt" IS NULL
       AND a."date" BETWEEN ${from}::date AND ${to}::date
     GROUP BY a."orgId"`;
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** COUNT of approved, non-voided records of the campaign each member attended (present) or self-reported in [from, to]. */
async function sqlMemberCounts(
  type: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await adminDb().$queryRaw<{ id: string; n: number }[]>`
    SELECT m."id"::text AS id, COUNT(DISTINCT a."id")::int AS n
      FROM "Member" m
      JOIN "Activity" a ON a."tenantId" = m."tenantId"
      JOIN "ActivityCampaign" l ON l."tenantId" = a."tenantId" AND l."activityId" = a."id" AND l."campaignId" = ${campaignId}::uuid
     WHERE m."tenantId" = ${a.tenantId}::uuid AND a."type" = ${type} AND a."status" = 'APPROVED' AND a."voidedAt" IS NULL
       AND a."date" BETWEEN ${from}::date AND ${to}::date
       AND (a."selfReportedById" = m."id" OR EXISTS (
             SELECT 1 FROM "ActivityAttendance" t
              WHERE t."tenantId" = a."tenantId" AND t."activityId" = a."id" AND t."memberId" = m."id" AND t."present"))
     GROUP BY m."id"`;
  return new Map(rows.map((r) => [r.id, r.n]));
}

type Expected = {
  achieved: Map<string, number>;
  subjects: { id: string; path: string; kind: "organization" | "member" }[];
};

/** Per quota: every subject's recounted value as of `asOf`, and where the subject sits in the tree. */
async function expectedAsOf(asOf: string): Promise<Map<string, Expected>> {
  const db = adminDb();
  const branches = await db.organization.findMany({
    where: { tenantId: a.tenantId, level: "BRANCH" },
    select: { id: true, path: true },
  });
  const members = await db.member.findMany({
    where: { tenantId: a.tenantId },
    select: { id: true, org: { select: { path: true } } },
  });
  const out = new Map<string, Expected>();
  for (const q of QUOTAS) {
    const [from, to] = q.window(asOf);
    if (q.subject === "organization") {
      const counts = await sqlOrgCounts(q.type, from, to);
      out.set(q.id, {
        achieved: new Map(branches.map((o) => [o.id, counts.get(o.id) ?? 0])),
        subjects: branches.map((o) => ({ id: o.id, path: o.path, kind: "organization" })),
      });
    } else {
      const counts = await sqlMemberCounts(q.type, from, to);
      out.set(q.id, {
        achieved: new Map(members.map((m) => [m.id, counts.get(m.id) ?? 0])),
        subjects: members.map((m) => ({ id: m.id, path: m.org.path, kind: "member" })),
      });
    }
  }
  return out;
}

/** met / subjects of a subtree, from the recount. */
function expectedCell(
  expected: Map<string, Expected>,
  quotaId: string,
  rootPath: string,
): { subjects: number; met: number } {
  const q = QUOTAS.find((x) => x.id === quotaId)!;
  const e = expected.get(quotaId)!;
  const inside = e.subjects.filter((s) => s.path === rootPath || s.path.startsWith(rootPath + "/"));
  return {
    subjects: inside.length,
    met: inside.filter((s) => e.achieved.get(s.id)! >= q.target).length,
  };
}

const figures = (c: Cell) => ({ subjects: c.subjects, met: c.met });

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${(error as Error).message}`;
  }
  return "RESOLVED";
}

// ---------------------------------------------------------------------------------------------

describe("dashboard figures equal a direct SQL recount", () => {
  it("the recount itself is about something: counted and uncounted records differ", async () => {
    const expected = await expectedAsOf(ASOF);
    expect(expected.get("branch-study")!.achieved.get(a.orgs.b11!.id)).toBe(3);
    expect(expected.get("branch-study")!.achieved.get(a.orgs.b12!.id)).toBe(2);
    expect(expected.get("branch-study")!.achieved.get(a.orgs.b21!.id)).toBe(1);
    expect(expected.get("member-volunteer")!.achieved.get(a.members["b11-2"]!)).toBe(1);
    expect(expected.get("member-volunteer")!.achieved.get(a.members["b21-1"]!)).toBe(1);
    expect(expected.get("member-volunteer")!.achieved.get(a.members["b12-0"]!)).toBe(0);
  });

  it("each subject's achieved value in the drill-down is the SQL count", async () => {
    const expected = await expectedAsOf(ASOF);
    for (const q of QUOTAS) {
      const drill = await getDashboardDrill(admin, query(), {
        node: a.orgs.school!.id,
        quotaId: q.id,
        page: 1,
        pageSize: 500,
      });
      const e = expected.get(q.id)!;
      expect(drill.total).toBe(e.subjects.length);
      for (const row of drill.subjects)
        expect([q.id, row.subjectId, row.achieved]).toEqual([
          q.id,
          row.subjectId,
          e.achieved.get(row.subjectId),
        ]);
      // and the statuses add up to the counts by status
      expect(Object.values(drill.counts).reduce((x, y) => x + y, 0)).toBe(e.subjects.length);
    }
  });

  it("every roll-up node and heatmap cell has the recounted met share, per quota and overall", async () => {
    const expected = await expectedAsOf(ASOF);
    const d = await getCampaignDashboard(admin, query());
    const paths = new Map(
      (await adminDb().organization.findMany({ where: { tenantId: a.tenantId } })).map((o) => [
        o.id,
        o.path,
      ]),
    );
    expect(d.rollup.map((n) => n.id).sort()).toEqual(
      Object.values(a.orgs)
        .map((o) => o.id)
        .sort(),
    );
    for (const node of d.rollup) {
      let subjects = 0;
      let met = 0;
      for (const q of QUOTAS) {
        const want = expectedCell(expected, q.id, paths.get(node.id)!);
        expect([node.id, q.id, figures(node.quotas[q.id]!)]).toEqual([node.id, q.id, want]);
        expect(node.quotas[q.id]!.share).toBe(want.subjects ? want.met / want.subjects : null);
        subjects += want.subjects;
        met += want.met;
      }
      expect(figures(node.overall)).toEqual({ subjects, met });
    }
    // Heatmap: the school (summary) and its two colleges, the same cells as the roll-up.
    expect(d.heatmap.map((r) => r.orgId)).toEqual([
      a.orgs.school!.id,
      a.orgs.c1!.id,
      a.orgs.c2!.id,
    ]);
    for (const row of d.heatmap) {
      const node = d.rollup.find((n) => n.id === row.orgId)!;
      expect(row.cells).toEqual(node.quotas);
    }
    const school = expectedCell(expected, "branch-study", paths.get(a.orgs.school!.id)!);
    expect(school).toEqual({ subjects: 3, met: 1 });
    expect(figures(d.totals.quotas["member-volunteer"]!)).toEqual(
      expectedCell(expected, "member-volunteer", paths.get(a.orgs.school!.id)!),
    );
  });

  it("the at-risk list holds exactly the subjects at risk or behind, with the recounted values and a reason in words", async () => {
    const expected = await expectedAsOf(ASOF);
    const d = await getCampaignDashboard(admin, query());
    const evaluation = await evaluateCampaignForActor(admin, campaignId, ASOF, {
      windows: "current",
    });
    const wanted = evaluation.results
      .filter((r) => !r.partId && (r.status === "atRisk" || r.status === "behind"))
      .map((r) => `${r.quotaId}/${r.subjectId}`);
    expect(d.atRisk.map((r) => `${r.quotaId}/${r.subjectId}`).sort()).toEqual(wanted.sort());
    expect(d.atRisk.length).toBeGreaterThan(0);
    for (const r of d.atRisk)
      expect(r.achieved).toBe(expected.get(r.quotaId)!.achieved.get(r.subjectId));
    // b21 held 1 study session of 3 by 20 June (2.83 expected): at risk, 1 behind pace.
    const b21 = d.atRisk.find(
      (r) => r.subjectId === a.orgs.b21!.id && r.quotaId === "branch-study",
    )!;
    expect(b21).toMatchObject({ status: "atRisk", achieved: 1, targetValue: 3, gap: 1 });
    const { reasonText } = await import("@/server/data/dashboard/dashboard-text");
    expect(reasonText(await dashboardText("zh-CN"), b21)).toBe("完成 1/3 次，落后进度 1 次");
    expect(reasonText(await dashboardText("en"), b21)).toBe("1 of 3 times, 1 behind pace");
  });

  it("evaluates the campaign exactly as evaluateCampaignForActor does (current windows)", async () => {
    const base = await loadDashboardBase(admin, campaignId, ASOF);
    const direct = await evaluateCampaignForActor(admin, campaignId, ASOF, { windows: "current" });
    expect(JSON.parse(JSON.stringify(base.evaluation))).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it("the monthly trend recounts at each month end: subjects and met", async () => {
    const d = await getCampaignDashboard(admin, query());
    expect(d.trend.map((p) => p.date)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      ASOF,
    ]);
    for (const point of d.trend) {
      const expected = await expectedAsOf(point.date);
      let subjects = 0;
      let met = 0;
      for (const q of QUOTAS) {
        const c = expectedCell(expected, q.id, a.orgs.school!.path);
        subjects += c.subjects;
        met += c.met;
      }
      expect([point.date, point.subjects, point.met]).toEqual([point.date, subjects, met]);
      expect(point.metShare).toBe(met / subjects);
      expect(point.metOrOnTrackShare!).toBeGreaterThanOrEqual(point.metShare!);
    }
    const last = d.trend[d.trend.length - 1]!;
    expect({ subjects: last.subjects, met: last.met }).toEqual(figures(d.totals.overall));
  });

  it("the records behind a figure are the counted ones, and the uncounted ones of the same kind are shown apart", async () => {
    const r = await getDashboardRecords(admin, query(), {
      quotaId: "branch-study",
      subjectKind: "organization",
      subjectId: a.orgs.b11!.id,
    });
    expect(r.counted.map((x) => x.date)).toEqual(["2026-01-15", "2026-03-10", "2026-05-20"]);
    expect(r.counted.every((x) => x.status === "APPROVED" && !x.voided)).toBe(true);
    // the submitted one and the voided one; not the one after the as-of date
    expect(r.uncounted.map((x) => [x.date, x.status, x.voided])).toEqual([
      ["2026-04-08", "APPROVED", true],
      ["2026-06-02", "SUBMITTED", false],
    ]);
    const m = await getDashboardRecords(admin, query(), {
      quotaId: "member-volunteer",
      subjectKind: "member",
      subjectId: a.members["b12-0"]!,
    });
    expect(m.counted).toEqual([]);
    expect(m.uncounted.map((x) => x.date)).toEqual(["2026-03-21", "2026-05-09"]);
  });

  it("filters: several subtrees at once, organization kind, member category", async () => {
    const both = await getCampaignDashboard(
      admin,
      query({ orgIds: [a.orgs.b11!.id, a.orgs.b21!.id, a.orgs.b11!.id, "not-an-id"] }),
    );
    // Two focus roots in tree order (same depth: by name, and b21 is called "+SUM(1,2)").
    expect(both.focus.map((f) => f.id)).toEqual([a.orgs.b21!.id, a.orgs.b11!.id]);
    expect(both.heatmap.map((r) => r.orgId)).toEqual([a.orgs.b21!.id, a.orgs.b11!.id]);
    expect(both.totals.overall.subjects).toBe(2 * 2 + 6);

    const student = await getCampaignDashboard(admin, query({ orgKind: "STUDENT" }));
    // b12 is the only student branch: its two organization results and its three members.
    expect(student.totals.overall.subjects).toBe(2 + 3);
    expect(student.rollup.map((n) => n.id)).toEqual([
      a.orgs.school!.id,
      a.orgs.c1!.id,
      a.orgs.b12!.id,
    ]);

    const students = await getCampaignDashboard(admin, query({ memberCategory: "STUDENT" }));
    expect(students.totals.quotas["branch-study"]!.subjects).toBe(0);
    expect(students.totals.quotas["member-volunteer"]!.subjects).toBe(3);
  });

  it("the summary counts participation and records by type from the same rows", async () => {
    const s = await getCampaignSummary(admin, query());
    // attended or self-reported a counted record: b11-0, b11-1 (twice), b11-2 and b21-0 (v5), b21-1 (self-report);
    // concentrated study and theme days have no attendance here.
    expect(s.participation).toEqual({ members: 9, participants: 5, share: 5 / 9 });
    const rows = await adminDb().$queryRaw<{ type: string; n: number }[]>`
      SELECT a."type", COUNT(*)::int AS n FROM "Activity" a
        JOIN "ActivityCampaign" l ON l."tenantId" = a."tenantId" AND l."activityId" = a."id" AND l."campaignId" = ${campaignId}::uuid
       WHERE a."tenantId" = ${a.tenantId}::uuid AND a."status" = 'APPROVED' AND a."voidedAt" IS NULL AND a."date" BETWEEN ${START}::date AND ${ASOF}::date
       GROUP BY a."type"`;
    expect(Object.fromEntries(s.recordsByType.map((t) => [t.type, t.approved]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.type, r.n])),
    );
    expect(s.activity.pending).toBe(4);
    expect(s.ratings).toBeNull();
    expect(s.leading[0]!.id).toBe(a.orgs.b11!.id);
  });
});

describe("trend dates", () => {
  it("are the month ends so far, the as-of date last, at most 24 of them", () => {
    expect(trendDates("2026-01-15", "2026-12-31", "2026-03-02")).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-02",
    ]);
    expect(trendDates("2026-01-01", "2026-02-10", "2026-06-30")).toEqual([
      "2026-01-31",
      "2026-02-10",
    ]);
    expect(trendDates("2026-01-01", "2026-12-31", "2025-12-31")).toEqual([]);
    const long = trendDates("2020-01-01", "2029-12-31", "2026-06-15");
    expect(long).toHaveLength(24);
    expect(long[0]).toBe("2020-01-31");
    expect(long[23]).toBe("2026-06-15");
    expect([...long].sort()).toEqual(long);
  });
});

describe("dashboard authorization", () => {
  it("a leader sees only the subtree they lead", async () => {
    const leader = await a.actor("leader");
    const d = await getCampaignDashboard(leader, query());
    const c1 = [a.orgs.c1!.id, a.orgs.b11!.id, a.orgs.b12!.id];
    expect(d.seesWholeCampaign).toBe(false);
    expect(d.rollup.map((n) => n.id).sort()).toEqual([...c1].sort());
    expect(d.heatmap.map((r) => r.orgId)).toEqual(c1);
    expect(d.totals.overall.subjects).toBe(2 * 2 + 6);
    const c1Members = new Set(
      ["b11-0", "b11-1", "b11-2", "b12-0", "b12-1", "b12-2"].map((k) => a.members[k]!),
    );
    for (const r of d.atRisk)
      expect(
        r.subjectKind === "member" ? c1Members.has(r.subjectId) : c1.includes(r.subjectId),
      ).toBe(true);
    expect(d.population).toEqual([]);
    // Another college's organization is dropped from the filter, and refused in the drill-down and records.
    expect(
      (await getCampaignDashboard(leader, query({ orgIds: [a.orgs.b21!.id] }))).focus.map(
        (f) => f.id,
      ),
    ).toEqual([a.orgs.c1!.id]);
    expect(
      await codeOf(() => getDashboardDrill(leader, query(), { node: a.orgs.b21!.id, page: 1 })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(() =>
        getDashboardRecords(leader, query(), {
          quotaId: "member-volunteer",
          subjectKind: "member",
          subjectId: a.members["b21-0"]!,
        }),
      ),
    ).toBe("NOT_FOUND");
    // The school's trend for the leader covers only their subjects.
    expect(d.trend[d.trend.length - 1]!.subjects).toBe(10);
  });

  it("a secretary sees only their branch", async () => {
    const secretary = await a.actor("secretary");
    const d = await getCampaignDashboard(secretary, query());
    expect(d.rollup.map((n) => n.id)).toEqual([a.orgs.b11!.id]);
    expect(d.heatmap.map((r) => r.orgId)).toEqual([a.orgs.b11!.id]);
    expect(d.totals.overall.subjects).toBe(2 + 3);
    expect(
      await codeOf(() => getDashboardDrill(secretary, query(), { node: a.orgs.b12!.id, page: 1 })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(() => getDashboardDrill(secretary, query(), { node: a.orgs.c1!.id, page: 1 })),
    ).toBe("NOT_FOUND");
    const s = await getCampaignSummary(secretary, query());
    expect(s.participation.members).toBe(3);
  });

  it("a member is refused; the inspector reads everything", async () => {
    const member = await a.actor("member");
    expect(await codeOf(() => getCampaignDashboard(member, query()))).toBe("FORBIDDEN");
    expect(await codeOf(() => listDashboardCampaigns(member))).toBe("FORBIDDEN");
    expect(await codeOf(() => getCampaignSummary(member, query()))).toBe("FORBIDDEN");
    const inspector = await getCampaignDashboard(await a.actor("inspector"), query());
    expect(inspector.rollup).toHaveLength(6);
  });

  it("tenant B's campaign is not found for every role of tenant A, and unknown ids too", async () => {
    for (const role of ["admin", "collegeAdmin", "leader", "secretary", "inspector"] as const) {
      const actor = await a.actor(role);
      const q = query({ campaignId: bCampaignId });
      expect(await codeOf(() => getCampaignDashboard(actor, q))).toBe("NOT_FOUND");
      expect(await codeOf(() => getDashboardDrill(actor, q, { page: 1 }))).toBe("NOT_FOUND");
      expect(
        await codeOf(() =>
          getDashboardRecords(actor, q, {
            quotaId: "branch-study",
            subjectKind: "organization",
            subjectId: b.orgs.b11!.id,
          }),
        ),
      ).toBe("NOT_FOUND");
      expect(await codeOf(() => getCampaignSummary(actor, q))).toBe("NOT_FOUND");
      expect((await listDashboardCampaigns(actor)).map((c) => c.id)).not.toContain(bCampaignId);
    }
    expect(
      await codeOf(() => getCampaignDashboard(admin, query({ campaignId: randomUUID() }))),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(() => getCampaignDashboard(admin, query({ campaignId: "x' OR 1=1" }))),
    ).toBe("NOT_FOUND");
  });
});

describe("dashboard exports", () => {
  const url = (params: Record<string, string>) =>
    `http://localhost/api/dashboard/export?${new URLSearchParams(params)}`;
  const call = (params: Record<string, string>) => exportRoute(new Request(url(params)));

  it("CSV: BOM, CRLF, quoted cells, formulas neutralized, a UTF-8 file name; XLSX opens with exceljs with the same rows", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    for (const table of ["atRisk", "rollup", "heatmap", "trend"] as const) {
      const csvResponse = await call({ table, format: "csv", campaignId, asOf: ASOF });
      expect(csvResponse.status).toBe(200);
      expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const disposition = csvResponse.headers.get("content-disposition")!;
      expect(disposition).toMatch(
        new RegExp(`^attachment; filename="dashboard-${table}-${ASOF}\\.csv"; filename\\*=UTF-8''`),
      );
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
        /^数据看板-.+-看板测试活动-2026-06-20\.csv$/,
      );
      const bytes = new Uint8Array(await csvResponse.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.endsWith("\r\n")).toBe(true);
      const csvRows = parseCsv(text);

      const xlsxResponse = await call({ table, format: "xlsx", campaignId, asOf: ASOF });
      expect(xlsxResponse.status).toBe(200);
      expect(xlsxResponse.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const sheets = await readXlsxRows(new Uint8Array(await xlsxResponse.arrayBuffer()));
      const first = [...sheets.values()][0]!;
      expect(first.map((r) => r.map((c) => (c === null ? "" : String(c))))).toEqual(csvRows);
      expect(sheets.size).toBe(2);

      // The same rows the dashboard shows.
      const d = await getCampaignDashboard(admin, query(), { trend: table === "trend" });
      const built = buildDashboardTable(d, table, await dashboardText("zh-CN"));
      expect(csvRows.length).toBe(built.rows.length + 1);
      if (table === "atRisk") {
        expect(csvRows.length).toBe(d.atRisk.length + 1);
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
        expect(text).not.toContain(`,"=HYPERLINK`);
      }
      if (table === "rollup") {
        expect(text).toContain(`"'+SUM(1,2)"`);
        expect(csvRows.slice(1).map((r) => r[0])).toEqual(
          d.rollup.map((n) => (n.name.startsWith("+") ? `'${n.name}` : n.name)),
        );
      }
      if (table === "heatmap")
        expect(csvRows.slice(1).map((r) => r[0])).toEqual(d.heatmap.map((n) => n.name));
    }
  });

  it("is authorized exactly like the page", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.leader! });
    const leader = parseCsv(
      new TextDecoder().decode(
        new Uint8Array(
          await (
            await call({ table: "rollup", format: "csv", campaignId, asOf: ASOF })
          ).arrayBuffer(),
        ),
      ),
    );
    expect(
      leader
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["dash-a-b11", "dash-a-b12", "dash-a-c1"]);

    await signInAs({ tenantId: a.tenantId, userId: a.users.member! });
    expect((await call({ table: "rollup", format: "csv", campaignId })).status).toBe(403);
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    expect((await call({ table: "rollup", format: "csv", campaignId: bCampaignId })).status).toBe(
      404,
    );
    expect((await call({ table: "nope", format: "csv", campaignId })).status).toBe(400);
    expect((await call({ table: "rollup", format: "pdf", campaignId })).status).toBe(400);
    signOut();
    expect((await call({ table: "rollup", format: "csv", campaignId })).status).toBe(401);
  });
});

/** RFC 4180 reader (quoted cells, doubled quotes, CRLF between rows). */
function parseCsv(text: string): string[][] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}
