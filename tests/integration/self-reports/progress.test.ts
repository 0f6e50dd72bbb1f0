import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CreateSelfReportInput } from "@/lib/schemas/self-report";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "@/server/authz/actor";
import { createSelfReport } from "@/server/data/self-reports/create-self-report";
import { getMyProgress } from "@/server/data/self-reports/get-my-progress";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

const today = todayInShanghai();
const shift = (n: number) => {
  const d = new Date(today + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const day = (iso: string) => new Date(iso + "T00:00:00Z");

let a: TenantFixture;
let member: Actor;
let campaignId: string;

/**
 * A tiny campaign over college c1 (branch b11 is in it), from 60 days ago to 300 days ahead, with
 * one "campaign" window per quota so the figures do not depend on today's date:
 *   volunteer-count  count VOLUNTEER_SERVICE ≥ 2
 *   service-hours    sumHours of VOLUNTEER_SERVICE + VOLUNTARY_LABOUR ≥ 20
 *   training         count TRAINING ≥ 1
 *   four-ones        composite: LECTURE_GIVEN ≥ 1, VOLUNTEER_SERVICE ≥ 1, hours ≥ 20
 *   students-only    a member quota for students (the fixture's b11 members are teachers)
 *   branch-study     an organization quota (never on a member's page)
 */
const definition = (id: string) => ({
  id,
  startDate: shift(-60),
  endDate: shift(300),
  quotas: [
    {
      id: "volunteer-count",
      name: "志愿服务次数",
      subject: { kind: "member" },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["VOLUNTEER_SERVICE"] },
      target: { op: "atLeast", value: 2 },
      unit: "services",
    },
    {
      id: "service-hours",
      name: "服务时长",
      subject: { kind: "member" },
      period: { kind: "campaign" },
      metric: "sumHours",
      activity: { types: ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR"] },
      target: { op: "atLeast", value: 20 },
    },
    {
      id: "training",
      name: "学习培训",
      subject: { kind: "member" },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["TRAINING"] },
      target: { op: "atLeast", value: 1 },
    },
    {
      id: "four-ones",
      name: "四个一",
      subject: { kind: "member" },
      period: { kind: "campaign" },
      composite: {
        kind: "all",
        parts: [
          {
            id: "lecture",
            name: "授课",
            metric: "count",
            activity: { types: ["LECTURE_GIVEN"] },
            target: { op: "atLeast", value: 1 },
          },
          {
            id: "volunteer",
            name: "志愿服务",
            metric: "count",
            activity: { types: ["VOLUNTEER_SERVICE"] },
            target: { op: "atLeast", value: 1 },
          },
          {
            id: "hours",
            name: "总时长",
            metric: "sumHours",
            activity: { types: ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "LECTURE_GIVEN"] },
            target: { op: "atLeast", value: 20 },
          },
        ],
      },
    },
    {
      id: "students-only",
      name: "学生社会实践",
      subject: { kind: "member", categories: ["STUDENT"] },
      period: { kind: "campaign" },
      metric: "sumDays",
      activity: { types: ["SOCIAL_PRACTICE"] },
      target: { op: "atLeast", value: 20 },
    },
    {
      id: "branch-study",
      name: "支部集中学习",
      subject: { kind: "organization", levels: ["BRANCH"] },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["CONCENTRATED_STUDY"] },
      target: { op: "atLeast", value: 10 },
    },
  ],
});

async function insertCampaign(fields: {
  rootOrgId: string;
  status?: "ACTIVE" | "DRAFT" | "CLOSED";
  name: string;
}) {
  const id = randomUUID();
  await adminDb().campaign.create({
    data: {
      tenantId: a.tenantId,
      id,
      name: fields.name,
      status: fields.status ?? "ACTIVE",
      startDate: day(shift(-60)),
      endDate: day(shift(300)),
      rootOrgId: fields.rootOrgId,
      definition: definition(id),
    },
  });
  return id;
}

async function setStatus(id: string, data: { status: "APPROVED" | "RETURNED"; voidedAt?: Date }) {
  await adminDb().activity.update({
    where: { tenantId_id: { tenantId: a.tenantId, id } },
    data: { ...data, reviewedAt: new Date(), reviewedById: a.users.secretary },
  });
}

const report = (
  type: string,
  hours: string,
  daysBack: number,
  extra: Record<string, string> = {},
) =>
  CreateSelfReportInput.parse({
    type,
    hours,
    date: shift(-daysBack),
    topic: `${type} ${hours}h`,
    ...extra,
  });

beforeAll(async () => {
  a = await createTenantFixture("progress-a");
  member = await a.actor("member");
  campaignId = await insertCampaign({ rootOrgId: a.orgs.c1!.id, name: "一院小活动" });
  // Campaigns that do not concern the member: another college's, a draft, a closed one.
  await insertCampaign({ rootOrgId: a.orgs.c2!.id, name: "二院活动" });
  await insertCampaign({ rootOrgId: a.orgs.school!.id, status: "DRAFT", name: "草稿活动" });
  await insertCampaign({ rootOrgId: a.orgs.school!.id, status: "CLOSED", name: "已结束活动" });

  // The member's own reports: approved ones count; submitted, returned and voided ones do not.
  const approvedVolunteer = await createSelfReport(member, report("VOLUNTEER_SERVICE", "3", 10));
  const approvedLabour = await createSelfReport(member, report("VOLUNTARY_LABOUR", "4.5", 9));
  await createSelfReport(member, report("VOLUNTEER_SERVICE", "5", 8)); // stays submitted
  const returned = await createSelfReport(member, report("VOLUNTEER_SERVICE", "6", 7));
  const voided = await createSelfReport(member, report("VOLUNTEER_SERVICE", "2", 6));
  await createSelfReport(member, report("LECTURE_GIVEN", "2", 5, { intent: "draft" })); // a draft
  await setStatus(approvedVolunteer.id, { status: "APPROVED" });
  await setStatus(approvedLabour.id, { status: "APPROVED" });
  await setStatus(returned.id, { status: "RETURNED" });
  await setStatus(voided.id, { status: "APPROVED", voidedAt: new Date() });

  // A fellow member's approved report changes nothing for this member.
  const fellow = await a.actor("secretary");
  const theirs = await createSelfReport(fellow, report("VOLUNTEER_SERVICE", "8", 4));
  await setStatus(theirs.id, { status: "APPROVED" });

  // A branch training the member attended (2 h credited), approved and linked to the campaign.
  const trainingId = randomUUID();
  const db = adminDb();
  await db.activity.create({
    data: {
      tenantId: a.tenantId,
      id: trainingId,
      orgId: a.orgs.b11!.id,
      type: "TRAINING",
      date: day(shift(-3)),
      durationHours: 2,
      topic: "专题培训",
      status: "APPROVED",
      recordedById: a.users.secretary!,
    },
  });
  await db.activityAttendance.createMany({
    data: [
      { tenantId: a.tenantId, activityId: trainingId, memberId: a.members["b11-1"]!, hours: 2 },
      { tenantId: a.tenantId, activityId: trainingId, memberId: a.members["b11-0"]!, hours: 2 },
    ],
  });
  await db.activityCampaign.create({
    data: { tenantId: a.tenantId, activityId: trainingId, campaignId },
  });
});

describe("getMyProgress", () => {
  it("equals the hand-computed figures for the member's quotas in the covering campaign only", async () => {
    const progress = await getMyProgress(member, today);
    expect(progress.map((c) => c.name)).toEqual(["一院小活动"]);
    const [campaign] = progress;
    expect(campaign).toMatchObject({ campaignId, started: true, invalid: false, asOf: today });
    const figures = Object.fromEntries(
      campaign!.quotas.map((q) => [
        q.quotaId,
        { achieved: q.achieved, target: q.target, unit: q.unit },
      ]),
    );
    // Approved: volunteer 3 h, labour 4.5 h, training attended. Not counted: submitted 5 h,
    // returned 6 h, voided 2 h, the draft lecture, the secretary's 8 h.
    expect(figures).toEqual({
      "volunteer-count": { achieved: 1, target: 2, unit: "services" },
      "service-hours": { achieved: 7.5, target: 20, unit: "hours" },
      training: { achieved: 1, target: 1, unit: "times" },
      "four-ones": { achieved: 1, target: 3, unit: "parts" },
    });
    const training = campaign!.quotas.find((q) => q.quotaId === "training")!;
    expect(training.status).toBe("met");
    const hours = campaign!.quotas.find((q) => q.quotaId === "service-hours")!;
    expect(hours.status).not.toBe("met");
    expect(hours.recordIds).toHaveLength(2);
    const fourOnes = campaign!.quotas.find((q) => q.quotaId === "four-ones")!;
    expect(
      fourOnes.parts.map((p) => [p.partId, p.name, p.achieved, p.target, p.status === "met"]),
    ).toEqual([
      ["lecture", "授课", 0, 1, false],
      ["volunteer", "志愿服务", 1, 1, true],
      ["hours", "总时长", 7.5, 20, false],
    ]);
  });

  it("counts a returned report once it is resubmitted and approved", async () => {
    const extra = await createSelfReport(member, report("VOLUNTEER_SERVICE", "12.5", 2));
    await setStatus(extra.id, { status: "APPROVED" });
    const [campaign] = await getMyProgress(member, today);
    const byId = new Map(campaign!.quotas.map((q) => [q.quotaId, q]));
    expect(byId.get("volunteer-count")).toMatchObject({ achieved: 2, status: "met" });
    expect(byId.get("service-hours")).toMatchObject({ achieved: 20, status: "met" });
  });

  it("is empty for an account without a member", async () => {
    expect(await getMyProgress(await a.actor("admin"), today)).toEqual([]);
  });
});
