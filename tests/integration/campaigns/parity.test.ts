import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignEvaluation } from "@/rules";
import type { Actor } from "@/server/authz/actor";
import { createCampaignFromTemplate } from "@/server/data/campaigns/create-campaign-from-template";
import { evaluateCampaignForActor } from "@/server/data/campaigns/evaluate-campaign-for-actor";
import { exportEvaluationInput } from "@/server/data/campaigns/export-evaluation-input";
import { upsertQuota } from "@/server/data/campaigns/upsert-quota";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

// The acceptance criterion of the campaign work: for the same data, the UI's evaluation (data in
// PostgreSQL → loadEvaluationInput → engine) and the CLI's (exportEvaluationInput's two files →
// `rules-cli evaluate`) are the same.

const ROOT = path.resolve(import.meta.dirname, "../../..");
let t: TenantFixture;
let admin: Actor;
const campaigns: Record<string, string> = {};

/** mulberry32: the data is random-looking but the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (iso: string) => new Date(iso + "T00:00:00.000Z");

beforeAll(async () => {
  t = await createTenantFixture("parity");
  admin = await t.actor("admin");
  const db = adminDb();
  const tenantId = t.tenantId;

  // People the templates care about: leaders, cadres, professors, counselors, course teachers.
  const set = (key: string, data: Record<string, unknown>) =>
    db.member.update({ where: { tenantId_id: { tenantId, id: t.members[key]! } }, data });
  await set("b21-1", { cadreLevel: "SCHOOL_LEADER" });
  await set("b11-1", {
    cadreLevel: "MIDDLE_CADRE",
    positions: ["PROFESSOR", "COURSE_TEACHER", "COLLEGE_LEADER"],
  });
  await set("b11-2", { positions: ["COURSE_TEACHER", "POLITICAL_WORKER"] });
  await set("b21-2", {
    positions: ["COURSE_TEACHER"],
    category: "STAFF",
    status: "PROBATIONARY",
    joinedAt: day("2026-02-10"),
  });
  await set("b12-1", { positions: ["COUNSELOR"], joinedAt: null });

  // A branch closed during the campaign, whose member moved to b11 when it closed.
  const closedId = randomUUID();
  const closedPath = `${t.orgs.c1!.path}/${closedId}`;
  await db.organization.create({
    data: {
      tenantId,
      id: closedId,
      parentId: t.orgs.c1!.id,
      path: closedPath,
      depth: 2,
      name: "撤销的支部",
      code: "PARITY-B13",
      level: "BRANCH",
      kind: "TEACHER",
      validFrom: day("2019-09-01"),
      validTo: day("2026-04-01"),
    },
  });
  const moverId = randomUUID();
  await db.member.create({
    data: {
      tenantId,
      id: moverId,
      number: "PARITY-MOVER",
      name: "转接者",
      gender: "FEMALE",
      status: "FULL",
      category: "TEACHER",
      developmentStage: "FULL",
      joinedAt: day("2012-07-01"),
      orgId: t.orgs.b11!.id,
    },
  });
  await db.membership.createMany({
    data: [
      {
        tenantId,
        memberId: moverId,
        orgId: closedId,
        validFrom: day("2019-09-01"),
        validTo: day("2026-04-01"),
      },
      { tenantId, memberId: moverId, orgId: t.orgs.b11!.id, validFrom: day("2026-04-01") },
    ],
  });
  // A member who left the university in May (membership still open: leftAt closes it).
  await db.member.update({
    where: { tenantId_id: { tenantId, id: t.members["b21-0"]! } },
    data: { leftAt: day("2026-05-01") },
  });

  campaigns.lzlt = (
    await createCampaignFromTemplate(admin, {
      templateCode: "liang-zai-liang-tong",
      name: "两在两同",
      startDate: "2026-01-01",
      endDate: null,
      rootOrgId: t.orgs.school!.id,
    })
  ).id;
  campaigns.sclj = (
    await createCampaignFromTemplate(admin, {
      templateCode: "san-chuang-liu-jin",
      name: "三创六进",
      startDate: "2025-09-01",
      endDate: null,
      rootOrgId: t.orgs.school!.id,
    })
  ).id;
  // Options the templates do not exercise: a share of subjects, distinct kinds with a subtree, pro-rating.
  const version = (await db.campaign.findFirstOrThrow({ where: { id: campaigns.lzlt } })).version;
  await upsertQuota(admin, {
    campaignId: campaigns.lzlt,
    version,
    originalQuotaId: null,
    quota: {
      id: "course-teacher-share",
      name: "半数专业课教师开展课程思政",
      subject: { kind: "member", positions: ["COURSE_TEACHER"] },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["COURSE_IDEOLOGY_PROJECT"] },
      target: { op: "shareOfSubjects", share: 0.5, inner: { op: "atLeast", value: 1 } },
    },
  });
  await upsertQuota(admin, {
    campaignId: campaigns.lzlt,
    version: version + 1,
    originalQuotaId: null,
    quota: {
      id: "college-variety",
      name: "学院活动形式",
      subject: { kind: "organization", levels: ["COLLEGE"] },
      period: { kind: "halfYear" },
      metric: "distinctKinds",
      activity: { types: ["CONCENTRATED_STUDY", "THEME_PARTY_DAY", "VOLUNTEER_SERVICE"] },
      target: { op: "atLeast", value: 2 },
      options: { proRate: true, weight: 1, includeSubtree: true },
    },
  });

  // About 400 records over fifteen months, of every kind the quotas count and a few they do not.
  const random = rng(20261121);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const orgIds = [
    t.orgs.school!.id,
    t.orgs.c1!.id,
    t.orgs.c2!.id,
    t.orgs.b11!.id,
    t.orgs.b12!.id,
    t.orgs.b21!.id,
    closedId,
  ];
  const memberIds = [...Object.values(t.members), moverId];
  const types = [
    "CONCENTRATED_STUDY",
    "THEME_PARTY_DAY",
    "VOLUNTEER_SERVICE",
    "VOLUNTARY_LABOUR",
    "PAIRING",
    "LECTURE_GIVEN",
    "TRAINING",
    "CLASS_VISIT",
    "GRASSROOTS_CONTACT",
    "RESEARCH_TOPIC",
    "RESEARCH_REPORT",
    "SECRETARY_PROJECT",
    "PRACTICAL_MATTERS_LIST",
    "CENTRAL_GROUP_STUDY",
    "SOCIAL_PRACTICE",
    "DORM_PATROL",
    "ONLINE_COMMENTARY",
    "IMPLEMENTATION_PLAN",
    "COURSE_IDEOLOGY_PROJECT",
    "BRANCH_GENERAL_MEETING",
    "UNDERGRAD_COURSE",
    "ACADEMIC_REPORT",
    "EXPERIENCE_EXCHANGE",
    "PRACTICE_BASE",
  ] as const;
  const selfReported = new Set([
    "LECTURE_GIVEN",
    "PAIRING",
    "RESEARCH_TOPIC",
    "RESEARCH_REPORT",
    "ONLINE_COMMENTARY",
    "COURSE_IDEOLOGY_PROJECT",
    "CLASS_VISIT",
    "UNDERGRAD_COURSE",
  ]);
  const activities: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const start = day("2025-08-20").getTime();
  for (let i = 0; i < 420; i++) {
    const id = randomUUID();
    const type = i === 0 ? "LEGACY_TYPE" : pick(types);
    const date = new Date(start + Math.floor(random() * 460) * 86_400_000);
    const status = random() < 0.8 ? "APPROVED" : pick(["SUBMITTED", "RETURNED", "DRAFT"] as const);
    const reporter = selfReported.has(type) && random() < 0.8 ? pick(memberIds) : null;
    activities.push({
      tenantId: t.tenantId,
      id,
      orgId: pick(orgIds),
      type,
      subType:
        type === "PAIRING"
          ? pick(["FRESHMAN_DORM", "STUDENT_IN_DIFFICULTY"])
          : type === "THEME_PARTY_DAY"
            ? pick([null, "VOLUNTEER", "CO_BUILDING"])
            : null,
      date,
      durationHours: (Math.floor(random() * 16) + 1) / 2,
      days:
        type === "SOCIAL_PRACTICE" || type === "GRASSROOTS_CONTACT"
          ? Math.floor(random() * 5) + 0.5
          : null,
      topic: `记录 ${i}`,
      status,
      selfReportedById: reporter,
      voidedAt: status === "APPROVED" && random() < 0.04 ? new Date("2026-06-01T08:00:00Z") : null,
      voidReason: null,
      recordedById: t.users.admin!,
    });
    if (!reporter) {
      for (const memberId of memberIds) {
        if (random() < 0.35) {
          const present = random() < 0.85;
          attendance.push({
            tenantId: t.tenantId,
            activityId: id,
            memberId,
            present,
            absenceReason: present ? null : "请假",
            hours: present && random() < 0.3 ? (Math.floor(random() * 8) + 1) / 2 : null,
          });
        }
      }
    }
    const r = random();
    if (i !== 1) {
      if (r < 0.8) links.push({ tenantId: t.tenantId, activityId: id, campaignId: campaigns.lzlt });
      if (r > 0.3) links.push({ tenantId: t.tenantId, activityId: id, campaignId: campaigns.sclj });
    }
  }
  await db.activity.createMany({ data: activities as never });
  await db.activityAttendance.createMany({ data: attendance as never });
  await db.activityCampaign.createMany({ data: links as never });
}, 60_000);

/** Runs the CLI exactly as a user would, on the exported files. */
function runCli(campaignFile: unknown, recordsFile: unknown, asOf: string): CampaignEvaluation {
  const dir = mkdtempSync(path.join(tmpdir(), "parity-"));
  const campaignPath = path.join(dir, "campaign.json");
  const recordsPath = path.join(dir, "records.json");
  writeFileSync(campaignPath, JSON.stringify(campaignFile, null, 2));
  writeFileSync(recordsPath, JSON.stringify(recordsFile, null, 2));
  const out = execFileSync(
    "npx",
    [
      "tsx",
      "scripts/rules-cli.ts",
      "evaluate",
      "--campaign",
      campaignPath,
      "--records",
      recordsPath,
      "--as-of",
      asOf,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  return JSON.parse(out) as CampaignEvaluation;
}

describe("the UI and the CLI give the same evaluation for the same data", () => {
  it.each([
    ["liang-zai-liang-tong + custom quotas", "2026-03-15", "lzlt"],
    ["liang-zai-liang-tong + custom quotas", "2026-11-21", "lzlt"],
    ["san-chuang-liu-jin", "2026-05-20", "sclj"],
  ])(
    "%s as of %s",
    async (_label, asOf, key) => {
      const id = campaigns[key as string]!;
      const ui = await evaluateCampaignForActor(admin, id, asOf);
      const { campaignFile, recordsFile } = await exportEvaluationInput(admin, id);
      const cli = runCli(campaignFile, recordsFile, asOf);
      expect(JSON.parse(JSON.stringify(ui))).toEqual(cli);

      // And the comparison is about something: many results, several statuses, counted records.
      expect(ui.results.length).toBeGreaterThan(15);
      const statuses = new Set(ui.results.map((r) => r.status));
      expect(statuses.size).toBeGreaterThanOrEqual(3);
      expect(ui.results.some((r) => r.recordIds.length > 0)).toBe(true);
      // Only linked records of known types reach the CLI; the closed branch and the mover are in.
      expect(recordsFile.records.some((r) => r.type === ("LEGACY_TYPE" as never))).toBe(false);
      expect(campaignFile.organizations.some((o) => o.validTo === "2026-04-01")).toBe(true);
      expect(campaignFile.members.find((m) => m.memberships?.length === 2)).toBeDefined();
    },
    60_000,
  );

  it("counts what the engine should count: approved, unvoided, linked records only", async () => {
    const asOf = "2026-11-21";
    const { recordsFile } = await exportEvaluationInput(admin, campaigns.lzlt!);
    const ui = await evaluateCampaignForActor(admin, campaigns.lzlt!, asOf);
    const counted = new Set(
      ui.results.flatMap((r) => [...r.recordIds, ...(r.parts ?? []).flatMap((p) => p.recordIds)]),
    );
    const byId = new Map(recordsFile.records.map((r) => [r.id, r]));
    expect(counted.size).toBeGreaterThan(10);
    for (const id of counted) {
      const record = byId.get(id);
      expect(record, id).toBeDefined();
      expect(record!.status).toBe("APPROVED");
      expect(record!.voidedAt ?? null).toBeNull();
    }
    const unlinked = await adminDb().activity.findFirstOrThrow({
      where: { tenantId: t.tenantId, topic: "记录 1" },
    });
    expect(byId.has(unlinked.id)).toBe(false);
  });
});
