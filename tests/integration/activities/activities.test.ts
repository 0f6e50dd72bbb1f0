import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateActivityInput,
  ReturnActivityInput,
  VoidActivityInput,
} from "@/lib/schemas/activity";
import { evaluateCampaign } from "@/rules";
import type { Actor } from "@/server/authz/actor";
import { createActivity } from "@/server/data/activities/create-activity";
import { updateActivity } from "@/server/data/activities/update-activity";
import { submitActivity } from "@/server/data/activities/submit-activity";
import {
  approveActivities,
  approveActivity,
  returnActivity,
} from "@/server/data/activities/review-activity";
import { voidActivity } from "@/server/data/activities/void-activity";
import { getActivity } from "@/server/data/activities/get-activity";
import { listActivities } from "@/server/data/activities/list-activities";
import { listReviewQueue } from "@/server/data/activities/list-review-queue";
import { listRoster, searchAttendees } from "@/server/data/activities/recording-options";
import { COUNTING_WHERE } from "@/server/data/activities/activity-rules";
import { ActivityListQuery } from "@/lib/schemas/activity";
import { withTenant } from "@/server/tenant-tx";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import {
  addActor,
  addCampaign,
  appError,
  editInput,
  meetingInput,
  snapshotActivities,
} from "./helpers";

const evidenceDir = mkdtempSync(path.join(tmpdir(), "activity-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

let a: TenantFixture;
let b: TenantFixture;
let admin: Actor;
let collegeAdmin: Actor;
let secretary: Actor; // SECRETARY of b11, member b11-0
let member: Actor; // MEMBER of b11, member b11-1
let leader: Actor;
let inspector: Actor;
let collegeSecretary: Actor; // SECRETARY of c1 (above b11 and b12)
let b12Secretary: Actor;
let adminB: Actor;

beforeAll(async () => {
  a = await createTenantFixture("rec-a");
  b = await createTenantFixture("rec-b");
  [admin, collegeAdmin, secretary, member, leader, inspector, adminB] = await Promise.all([
    a.actor("admin"),
    a.actor("collegeAdmin"),
    a.actor("secretary"),
    a.actor("member"),
    a.actor("leader"),
    a.actor("inspector"),
    b.actor("admin"),
  ]);
  collegeSecretary = await addActor(a, "c1sec", "SECRETARY", "c1");
  b12Secretary = await addActor(a, "b12sec", "SECRETARY", "b12", "b12-0");
});

const db = () => adminDb();
const activityRow = (id: string) => db().activity.findFirstOrThrow({ where: { id } });

describe("recording", () => {
  it("a secretary records a meeting of their branch: one transaction with attendance, links and an audit event", async () => {
    const campaign = await addCampaign(a);
    const input = meetingInput(a);
    const result = await createActivity(secretary, input);
    expect(result).toMatchObject({ status: "DRAFT", created: true });
    const row = await activityRow(result.id);
    expect(row).toMatchObject({
      orgId: a.orgs.b11!.id,
      type: "BRANCH_GENERAL_MEETING",
      status: "DRAFT",
      recordedById: secretary.userId,
      idempotencyKey: input.idempotencyKey,
      version: 1,
    });
    expect(Number(row.durationHours)).toBe(1.5);
    expect(
      await db().activityAttendance.count({ where: { activityId: result.id, present: true } }),
    ).toBe(3);
    expect(await db().activityCampaign.findMany({ where: { activityId: result.id } })).toEqual([
      expect.objectContaining({ campaignId: campaign.id }),
    ]);
    expect(
      await db().auditEvent.count({ where: { entityId: result.id, action: "activity.create" } }),
    ).toBe(1);
  });

  it("saves and submits in one step, with absentees and per-attendee hours", async () => {
    const input = meetingInput(a, {
      submit: true,
      attendance: [
        { memberId: a.members["b11-0"]!, present: true, hours: "2" },
        { memberId: a.members["b11-1"]!, present: false, absenceReason: "病假", hours: "" },
        { memberId: a.members["b11-2"]!, present: true, hours: "" },
      ],
    });
    const { id, status } = await createActivity(secretary, input);
    expect(status).toBe("SUBMITTED");
    const rows = await db().activityAttendance.findMany({
      where: { activityId: id },
      orderBy: { memberId: "asc" },
    });
    const byMember = Object.fromEntries(rows.map((r) => [r.memberId, r]));
    expect(Number(byMember[a.members["b11-0"]!]!.hours)).toBe(2);
    expect(byMember[a.members["b11-1"]!]).toMatchObject({
      present: false,
      absenceReason: "病假",
      hours: null,
    });
    expect(byMember[a.members["b11-2"]!]!.hours).toBeNull();
    expect((await activityRow(id)).submittedAt).not.toBeNull();
  });

  it("a secretary of branch b11 cannot record for b12, and roles without activity.record cannot record at all", async () => {
    const before = await snapshotActivities(a.tenantId);
    const err = await appError(createActivity(secretary, meetingInput(a, {}, "b12")));
    expect(err.code).toBe("VALIDATION");
    expect(err.fieldErrors?.orgId?.[0]).toMatch(/无权/);
    for (const actor of [member, leader, inspector]) {
      expect((await appError(createActivity(actor, meetingInput(a)))).code).toBe("FORBIDDEN");
    }
    expect(await snapshotActivities(a.tenantId)).toBe(before);
  });

  it("an ORG_ADMIN records for any organization of their subtree only", async () => {
    await expect(createActivity(collegeAdmin, meetingInput(a, {}, "b12"))).resolves.toMatchObject({
      created: true,
    });
    const err = await appError(createActivity(collegeAdmin, meetingInput(a, {}, "b21")));
    expect(err.fieldErrors?.orgId).toBeDefined();
  });

  it("refuses an attendee of another tenant or outside the recorder's scope, writing nothing", async () => {
    const before = await snapshotActivities(a.tenantId);
    const beforeB = await snapshotActivities(b.tenantId);
    const foreign = meetingInput(a, {
      attendance: [
        { memberId: a.members["b11-0"]!, present: true },
        { memberId: b.members["b11-1"]!, present: true },
      ],
    });
    const err = await appError(createActivity(secretary, foreign));
    expect(err.code).toBe("VALIDATION");
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(["attendance.1.memberId"]);

    const outside = meetingInput(a, {
      attendance: [{ memberId: a.members["b21-0"]!, present: true }],
      hostMemberId: a.members["b21-1"]!,
    });
    const err2 = await appError(createActivity(secretary, outside));
    expect(Object.keys(err2.fieldErrors ?? {}).sort()).toEqual([
      "attendance.0.memberId",
      "hostMemberId",
    ]);
    expect(await snapshotActivities(a.tenantId)).toBe(before);
    expect(await snapshotActivities(b.tenantId)).toBe(beforeB);

    // The school's admin reaches b21's members: a walk-in from another branch is fine.
    await expect(createActivity(admin, outside)).resolves.toMatchObject({ created: true });
  });

  it("takes attendees from the roster on the activity's date, including members who moved away since", async () => {
    const moverId = randomUUID();
    await db().member.create({
      data: {
        tenantId: a.tenantId,
        id: moverId,
        number: "REC-A-MOVER",
        name: "调出者",
        gender: "MALE",
        status: "FULL",
        category: "TEACHER",
        developmentStage: "FULL",
        orgId: a.orgs.b21!.id,
      },
    });
    await db().membership.createMany({
      data: [
        {
          tenantId: a.tenantId,
          memberId: moverId,
          orgId: a.orgs.b11!.id,
          validFrom: new Date("2015-01-01"),
          validTo: new Date("2026-02-01"),
        },
        {
          tenantId: a.tenantId,
          memberId: moverId,
          orgId: a.orgs.b21!.id,
          validFrom: new Date("2026-02-01"),
        },
      ],
    });
    const january = await listRoster(secretary, a.orgs.b11!.id, "2026-01-15");
    const march = await listRoster(secretary, a.orgs.b11!.id, "2026-03-15");
    expect(january.map((m) => m.id)).toContain(moverId);
    expect(march.map((m) => m.id)).not.toContain(moverId);
    expect(march).toHaveLength(3);

    const attend = (date: string) =>
      meetingInput(a, { date, attendance: [{ memberId: moverId, present: true }] });
    await expect(createActivity(secretary, attend("2026-01-15"))).resolves.toMatchObject({
      created: true,
    });
    const err = await appError(createActivity(secretary, attend("2026-03-15")));
    expect(err.fieldErrors?.["attendance.0.memberId"]).toBeDefined();

    // Roster of an organization the actor does not record for: not found.
    expect((await appError(listRoster(secretary, a.orgs.b12!.id, "2026-03-15"))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("searches walk-ins within the recorder's reach only", async () => {
    expect((await searchAttendees(secretary, "b21成员")).length).toBe(0);
    expect((await searchAttendees(admin, "b21成员")).length).toBe(3);
    expect((await searchAttendees(admin, b.members["b11-0"]!)).length).toBe(0);
    expect(await searchAttendees(admin, `${b.slug}-b11-0`.toUpperCase())).toEqual([]);
    expect((await searchAttendees(secretary, "REC-A-B11-1")).map((m) => m.name)).toEqual([
      "b11成员1",
    ]);
  });

  it("refuses hours out of range, a duration above 24 h, a future date and an absentee without a reason", () => {
    const parse = (over: Record<string, unknown>) =>
      CreateActivityInput.safeParse({
        idempotencyKey: randomUUID(),
        orgId: a.orgs.b11!.id,
        type: "BRANCH_GENERAL_MEETING",
        date: "2026-03-10",
        durationHours: "2",
        topic: "x",
        attendance: [],
        ...over,
      });
    const fields = (over: Record<string, unknown>) => {
      const r = parse(over);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields({ durationHours: "25" })).toEqual(["durationHours"]);
    expect(fields({ durationHours: "-1" })).toEqual(["durationHours"]);
    expect(fields({ durationHours: "abc" })).toEqual(["durationHours"]);
    expect(fields({ durationHours: "1.555" })).toEqual(["durationHours"]);
    expect(
      fields({ attendance: [{ memberId: a.members["b11-0"], present: true, hours: "24.5" }] }),
    ).toEqual(["attendance.0.hours"]);
    expect(
      fields({ attendance: [{ memberId: a.members["b11-0"], present: true, hours: "-0.5" }] }),
    ).toEqual(["attendance.0.hours"]);
    expect(
      fields({ attendance: [{ memberId: a.members["b11-0"], present: false, absenceReason: "" }] }),
    ).toEqual(["attendance.0.absenceReason"]);
    expect(fields({ type: "NOT_A_TYPE" })).toEqual(["type"]);
    expect(fields({ type: "THEME_PARTY_DAY", subType: "NOPE" })).toEqual(["type"]);
    expect(fields({ type: "THEME_PARTY_DAY", subType: "VOLUNTEER" })).toEqual([]);
    expect(fields({ topic: "  " })).toEqual(["topic"]);
    expect(fields({ durationHours: "２４" })).toEqual([]);
  });

  it("refuses a future date in the data function, and accepts a date outside every campaign", async () => {
    const err = await appError(createActivity(secretary, meetingInput(a, { date: "2099-01-01" })));
    expect(err.fieldErrors?.date).toBeDefined();
    const { id } = await createActivity(secretary, meetingInput(a, { date: "2020-06-01" }));
    expect(await db().activityCampaign.count({ where: { activityId: id } })).toBe(0);
  });

  it("links the default campaigns: active, covering the organization and the date, counting the type", async () => {
    const school = await addCampaign(a, { types: ["PARTY_LECTURE"] });
    const composite = await addCampaign(a, {
      types: ["VOLUNTEER_SERVICE", "PARTY_LECTURE"],
      composite: true,
    });
    const otherCollege = await addCampaign(a, { rootKey: "c2", types: ["PARTY_LECTURE"] });
    const draft = await addCampaign(a, { status: "DRAFT", types: ["PARTY_LECTURE"] });
    const otherType = await addCampaign(a, { types: ["CONCENTRATED_STUDY"] });
    const ended = await addCampaign(a, {
      types: ["PARTY_LECTURE"],
      startDate: "2025-01-01",
      endDate: "2025-12-31",
    });
    const { id } = await createActivity(secretary, meetingInput(a, { type: "PARTY_LECTURE" }));
    const linked = (await db().activityCampaign.findMany({ where: { activityId: id } })).map(
      (l) => l.campaignId,
    );
    expect(linked.sort()).toEqual([school.id, composite.id].sort());
    void [otherCollege, draft, ended];

    // An explicit choice wins, also an empty one; a campaign that does not cover the record is refused.
    const chosen = await createActivity(
      secretary,
      meetingInput(a, { type: "PARTY_LECTURE", campaignIds: [otherType.id] }),
    );
    expect(
      (await db().activityCampaign.findMany({ where: { activityId: chosen.id } })).map(
        (l) => l.campaignId,
      ),
    ).toEqual([otherType.id]);
    const none = await createActivity(
      secretary,
      meetingInput(a, { type: "PARTY_LECTURE", campaignIds: [] }),
    );
    expect(await db().activityCampaign.count({ where: { activityId: none.id } })).toBe(0);
    for (const bad of [otherCollege.id, draft.id, ended.id, randomUUID()]) {
      const err = await appError(
        createActivity(secretary, meetingInput(a, { campaignIds: [bad] })),
      );
      expect(err.fieldErrors?.campaignIds).toBeDefined();
    }
  });
});

describe("idempotency", () => {
  it("the same key twice gives one record", async () => {
    const input = meetingInput(a);
    const first = await createActivity(secretary, input);
    const second = await createActivity(secretary, input);
    expect(second).toEqual({ ...first, created: false });
    expect(await db().activity.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("two concurrent submissions with the same key give one record, both answering with it", async () => {
    const input = meetingInput(a, { submit: true });
    const results = await Promise.all([1, 2, 3, 4].map(() => createActivity(secretary, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().activity.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    const id = results[0]!.id;
    expect(await db().activityAttendance.count({ where: { activityId: id } })).toBe(3);
    expect(
      await db().auditEvent.count({ where: { entityId: id, action: "activity.create" } }),
    ).toBe(1);
  });

  it("someone else's key is refused, not returned", async () => {
    const input = meetingInput(a);
    await createActivity(secretary, input);
    expect((await appError(createActivity(admin, input))).code).toBe("CONFLICT");
  });
});

describe("review", () => {
  const submitted = async (over = {}) =>
    (await createActivity(secretary, meetingInput(a, { submit: true, ...over }))).id;
  const version = async (id: string) => (await activityRow(id)).version;

  it("draft → submitted → approved by a secretary of a superior organization, each step audited", async () => {
    const { id } = await createActivity(secretary, meetingInput(a));
    await submitActivity(secretary, { id, version: 1 });
    expect(await activityRow(id)).toMatchObject({ status: "SUBMITTED", version: 2 });
    await approveActivity(collegeSecretary, { id, version: 2 });
    expect(await activityRow(id)).toMatchObject({
      status: "APPROVED",
      reviewedById: collegeSecretary.userId,
      version: 3,
    });
    const actions = (
      await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["activity.create", "activity.submit", "activity.approve"]);
    const detail = await getActivity(secretary, id);
    expect(detail.history.map((h) => h.action)).toEqual(actions);
    expect(detail.activity.counts).toBe(true);
  });

  it("a member, a leader, an inspector and the branch's own secretary cannot review; nor the recorder", async () => {
    const id = await submitted();
    for (const actor of [member, leader, inspector]) {
      expect((await appError(approveActivity(actor, { id, version: 1 }))).code).toBe("FORBIDDEN");
      expect((await appError(returnActivity(actor, { id, version: 1, reason: "x" }))).code).toBe(
        "FORBIDDEN",
      );
    }
    // A secretary reviews organizations strictly below their own, not their own branch.
    expect((await appError(approveActivity(secretary, { id, version: 1 }))).message).toMatch(
      /自己录入/,
    );
    const byAdmin = (await createActivity(admin, meetingInput(a, { submit: true }))).id;
    expect(
      (await appError(approveActivity(secretary, { id: byAdmin, version: 1 }))).message,
    ).toMatch(/上级/);
    expect((await appError(approveActivity(b12Secretary, { id: byAdmin, version: 1 }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await appError(approveActivity(admin, { id: byAdmin, version: 1 }))).message).toMatch(
      /自己录入/,
    );
    await approveActivity(collegeAdmin, { id: byAdmin, version: 1 });
    expect((await activityRow(id)).status).toBe("SUBMITTED");
  });

  it("return needs a reason; a returned record cannot be approved before it is resubmitted", async () => {
    const id = await submitted();
    expect(ReturnActivityInput.safeParse({ id, version: 1, reason: " " }).success).toBe(false);
    await returnActivity(collegeSecretary, { id, version: 1, reason: "缺少签到表" });
    expect(await activityRow(id)).toMatchObject({
      status: "RETURNED",
      returnReason: "缺少签到表",
      version: 2,
    });
    const err = await appError(approveActivity(collegeSecretary, { id, version: 2 }));
    expect(err.message).toMatch(/重新提交/);
    expect((await activityRow(id)).status).toBe("RETURNED");

    // Edited and resubmitted, then approved.
    const detail = await getActivity(secretary, id);
    expect(detail.can).toMatchObject({ edit: true, submit: true, approve: false });
    await updateActivity(
      secretary,
      editInput(a, id, 2, { topic: "补充签到表后重新提交", submit: true }),
    );
    expect(await activityRow(id)).toMatchObject({
      status: "SUBMITTED",
      returnReason: null,
      topic: "补充签到表后重新提交",
    });
    await approveActivity(collegeSecretary, { id, version: await version(id) });
    expect((await activityRow(id)).status).toBe("APPROVED");
    const actions = (
      await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "activity.create",
      "activity.return",
      "activity.update",
      "activity.submit",
      "activity.approve",
    ]);
  });

  it("submitted and approved records cannot be edited; drafts can, by those who record for the organization", async () => {
    const id = await submitted();
    expect((await appError(updateActivity(secretary, editInput(a, id, 1)))).message).toMatch(
      /草稿或已退回/,
    );
    const { id: draftId } = await createActivity(secretary, meetingInput(a));
    expect((await appError(updateActivity(b12Secretary, editInput(a, draftId, 1)))).code).toBe(
      "NOT_FOUND",
    );
    expect((await appError(updateActivity(leader, editInput(a, draftId, 1)))).code).toBe(
      "FORBIDDEN",
    );
    const twoRows = {
      attendance: [
        { memberId: a.members["b11-0"]!, present: true },
        { memberId: a.members["b11-1"]!, present: false, absenceReason: "出差" },
      ],
    };
    const r = await updateActivity(secretary, editInput(a, draftId, 1, twoRows));
    expect(r).toMatchObject({ changed: true, status: "DRAFT" });
    expect(await db().activityAttendance.count({ where: { activityId: draftId } })).toBe(2);
    // Saving without a change writes nothing.
    const same = editInput(a, draftId, 2, twoRows);
    const audits = await db().auditEvent.count({ where: { entityId: draftId } });
    expect(await updateActivity(secretary, same)).toMatchObject({ changed: false });
    expect(await db().auditEvent.count({ where: { entityId: draftId } })).toBe(audits);
  });

  it("concurrent approvals and edits: one wins, the other gets 记录已被他人修改", async () => {
    const id = await submitted();
    const results = await Promise.allSettled([
      approveActivity(collegeSecretary, { id, version: 1 }),
      approveActivity(collegeAdmin, { id, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: "CONFLICT",
      message: "记录已被他人修改，请刷新后重试",
    });
    expect(
      await db().auditEvent.count({ where: { entityId: id, action: "activity.approve" } }),
    ).toBe(1);

    const { id: draftId } = await createActivity(secretary, meetingInput(a));
    const edit = (topic: string) => updateActivity(secretary, editInput(a, draftId, 1, { topic }));
    const edits = await Promise.allSettled([edit("甲"), edit("乙")]);
    expect(edits.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      (edits.find((r) => r.status === "rejected") as PromiseRejectedResult).reason,
    ).toMatchObject({ code: "CONFLICT" });
    expect(await activityRow(draftId)).toMatchObject({ version: 2 });

    // A stale version is a conflict too, for every transition.
    const stale = await submitted();
    await returnActivity(collegeSecretary, { id: stale, version: 1, reason: "补材料" });
    expect((await appError(submitActivity(secretary, { id: stale, version: 1 }))).code).toBe(
      "CONFLICT",
    );
    expect(
      (await appError(voidActivity(secretary, { id: stale, version: 1, reason: null }))).code,
    ).toBe("CONFLICT");
  });

  it("void: an approved record only with a reason, by a reviewer; it stays visible and stops counting", async () => {
    const id = await submitted();
    await approveActivity(collegeSecretary, { id, version: 1 });
    expect(VoidActivityInput.parse({ id, version: 2, reason: "" }).reason).toBeNull();
    expect(
      (await appError(voidActivity(collegeSecretary, { id, version: 2, reason: null }))).fieldErrors
        ?.reason,
    ).toBeDefined();
    expect(
      (await appError(voidActivity(secretary, { id, version: 2, reason: "重复录入" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await appError(voidActivity(member, { id, version: 2, reason: "重复录入" }))).code,
    ).toBe("NOT_FOUND");
    await voidActivity(collegeSecretary, { id, version: 2, reason: "重复录入" });
    const row = await activityRow(id);
    expect(row).toMatchObject({
      status: "APPROVED",
      voidReason: "重复录入",
      voidedById: collegeSecretary.userId,
    });
    expect(row.voidedAt).not.toBeNull();
    const detail = await getActivity(secretary, id);
    expect(detail.activity).toMatchObject({ counts: false, voidReason: "重复录入" });
    expect(detail.can).toMatchObject({ void: false, approve: false, edit: false });
    expect(
      (await appError(voidActivity(collegeSecretary, { id, version: 3, reason: "x" }))).message,
    ).toMatch(/已作废/);
    const listed = await listActivities(secretary, ActivityListQuery.parse({ status: "VOIDED" }));
    expect(listed.items.map((i) => i.id)).toContain(id);
    // Nothing is deleted.
    expect(await db().activityAttendance.count({ where: { activityId: id } })).toBe(3);
  });

  it("a submitted record cannot be voided; a draft is discarded (voided) by its owner, not by a member", async () => {
    const id = await submitted();
    expect(
      (await appError(voidActivity(collegeSecretary, { id, version: 1, reason: "x" }))).message,
    ).toMatch(/待审核/);
    const { id: draftId } = await createActivity(secretary, meetingInput(a));
    expect(
      (await appError(voidActivity(member, { id: draftId, version: 1, reason: null }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await appError(voidActivity(leader, { id: draftId, version: 1, reason: null }))).code,
    ).toBe("FORBIDDEN");
    await voidActivity(secretary, { id: draftId, version: 1, reason: null });
    expect(await activityRow(draftId)).toMatchObject({ status: "DRAFT", voidReason: "草稿已撤销" });
    expect(
      await db().auditEvent.count({ where: { entityId: draftId, action: "activity.discard" } }),
    ).toBe(1);
    expect(
      (await appError(submitActivity(secretary, { id: draftId, version: 2 }))).message,
    ).toMatch(/作废/);
  });

  it("a voided record stops counting: evaluateCampaign on a simple quota, fed by COUNTING_WHERE's rows", async () => {
    const campaign = await addCampaign(a, { types: ["DEMOCRATIC_LIFE_MEETING"] });
    const id = (
      await createActivity(
        secretary,
        meetingInput(a, { type: "DEMOCRATIC_LIFE_MEETING", submit: true }),
      )
    ).id;
    await approveActivity(collegeSecretary, { id, version: 1 });

    const achieved = async () => {
      const rows = await withTenant(a.tenantId, (tx) =>
        tx.activity.findMany({
          where: { tenantId: a.tenantId, campaignLinks: { some: { campaignId: campaign.id } } },
          select: { id: true, type: true, orgId: true, date: true, status: true, voidedAt: true },
        }),
      );
      const counted = await withTenant(a.tenantId, (tx) =>
        tx.activity.count({
          where: { ...COUNTING_WHERE, campaignLinks: { some: { campaignId: campaign.id } } },
        }),
      );
      const evaluation = evaluateCampaign({
        campaign: campaign.definition,
        organizations: [
          {
            id: a.orgs.school!.id,
            level: "SCHOOL",
            kind: "MIXED",
            path: a.orgs.school!.path,
            validFrom: "2020-01-01",
          },
          {
            id: a.orgs.c1!.id,
            level: "COLLEGE",
            kind: "MIXED",
            path: a.orgs.c1!.path,
            validFrom: "2020-01-01",
          },
          {
            id: a.orgs.b11!.id,
            level: "BRANCH",
            kind: "TEACHER",
            path: a.orgs.b11!.path,
            validFrom: "2020-01-01",
          },
        ],
        members: [],
        records: rows.map((r) => ({
          id: r.id,
          type: r.type,
          orgId: r.orgId,
          date: r.date.toISOString().slice(0, 10),
          status: r.status,
          voidedAt: r.voidedAt?.toISOString() ?? null,
        })),
        asOf: "2026-11-01",
      });
      const result = evaluation.results.find((x) => x.subjectId === a.orgs.b11!.id);
      return { engine: result!.achieved, counted };
    };
    expect(await achieved()).toEqual({ engine: 1, counted: 1 });
    await voidActivity(collegeSecretary, { id, version: 2, reason: "会议未实际召开" });
    expect(await achieved()).toEqual({ engine: 0, counted: 0 });
  });

  it("self-reports: reviewed by a secretary of the member's branch (the branch itself counts), never by the reporter", async () => {
    const selfReport = async (memberKey: string, userId: string) => {
      const id = randomUUID();
      await db().activity.create({
        data: {
          tenantId: a.tenantId,
          id,
          orgId: a.orgs.b11!.id,
          type: "VOLUNTEER_SERVICE",
          date: new Date("2026-04-01"),
          durationHours: 3,
          topic: "社区志愿服务",
          selfReportedById: a.members[memberKey]!,
          status: "SUBMITTED",
          submittedAt: new Date(),
          recordedById: userId,
        },
      });
      return id;
    };
    const byMember = await selfReport("b11-1", a.users.member!);
    expect((await getActivity(member, byMember)).can).toMatchObject({ approve: false });
    expect((await appError(approveActivity(member, { id: byMember, version: 1 }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appError(approveActivity(b12Secretary, { id: byMember, version: 1 }))).code).toBe(
      "NOT_FOUND",
    );
    const queue = await listReviewQueue(secretary, { page: 1 });
    expect(queue.items.map((i) => i.id)).toContain(byMember);
    await approveActivity(secretary, { id: byMember, version: 1 });

    // The secretary's own self-report goes to someone else.
    const bySecretary = await selfReport("b11-0", a.users.secretary!);
    expect(
      (await appError(approveActivity(secretary, { id: bySecretary, version: 1 }))).message,
    ).toMatch(/自己/);
    expect((await listReviewQueue(secretary, { page: 1 })).items.map((i) => i.id)).not.toContain(
      bySecretary,
    );
    expect((await listReviewQueue(collegeSecretary, { page: 1 })).items.map((i) => i.id)).toContain(
      bySecretary,
    );
    await approveActivity(collegeSecretary, { id: bySecretary, version: 1 });
    // The member reads their own self-report; the self-reporter may not edit through the org form.
    expect((await getActivity(member, byMember)).activity.selfReporter?.id).toBe(
      a.members["b11-1"],
    );
  });

  it("the review queue lists what the actor may review, and bulk approval audits each record", async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    const queue = await listReviewQueue(collegeSecretary, { page: 1 });
    for (const id of ids) expect(queue.items.map((i) => i.id)).toContain(id);
    expect((await listReviewQueue(secretary, { page: 1 })).items.map((i) => i.id)).not.toContain(
      ids[0],
    );
    expect((await listReviewQueue(member, { page: 1 })).total).toBe(0);
    expect((await listReviewQueue(leader, { page: 1 })).total).toBe(0);

    // One of them changed meanwhile: the others are approved, it is reported.
    await returnActivity(collegeAdmin, { id: ids[2]!, version: 1, reason: "补材料" });
    const result = await approveActivities(collegeSecretary, {
      items: ids.map((id) => ({ id, version: 1 })),
    });
    expect(result.approved.sort()).toEqual([ids[0]!, ids[1]!].sort());
    expect(result.failed).toEqual([{ id: ids[2], message: expect.stringMatching(/修改|退回/) }]);
    for (const id of ids.slice(0, 2)) {
      expect(
        await db().auditEvent.count({ where: { entityId: id, action: "activity.approve" } }),
      ).toBe(1);
    }
    expect(
      (await appError(approveActivities(member, { items: [{ id: ids[0]!, version: 2 }] }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("lists", () => {
  it("filters by organization, type, status and date range within the reader's scope", async () => {
    const study = (
      await createActivity(
        b12Secretary,
        meetingInput(a, { type: "CONCENTRATED_STUDY", date: "2026-05-20" }, "b12"),
      )
    ).id;
    const q = (over: Record<string, unknown>) => ActivityListQuery.parse(over);
    const ids = async (actor: Actor, over: Record<string, unknown>) =>
      (await listActivities(actor, q(over))).items.map((i) => i.id);
    expect(await ids(b12Secretary, {})).toContain(study);
    expect(await ids(secretary, {})).not.toContain(study);
    expect(await ids(leader, { type: "CONCENTRATED_STUDY" })).toContain(study);
    expect(await ids(inspector, { orgIds: [a.orgs.b11!.id] })).not.toContain(study);
    expect(await ids(inspector, { orgIds: [a.orgs.c1!.id], status: "DRAFT" })).toContain(study);
    expect(await ids(inspector, { status: "APPROVED" })).not.toContain(study);
    expect(await ids(admin, { from: "2026-05-20", to: "2026-05-20" })).toEqual([study]);
    expect(await ids(admin, { from: "2026-05-21" })).not.toContain(study);
    // A plain member reads only their own self-reports.
    const mine = (await listActivities(member, q({}))).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.selfReportedById === a.members["b11-1"])).toBe(true);
    expect(await ids(adminB, {})).toEqual([]);
    // An organization of another tenant as a filter matches nothing.
    expect(await ids(admin, { orgIds: [b.orgs.b11!.id] })).toEqual([]);
  });
});

describe("evidence directory", () => {
  it("holds only content-addressed files", () => {
    for (const dir of readdirSync(evidenceDir)) {
      for (const file of readdirSync(path.join(evidenceDir, dir)))
        expect(file).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
