import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateSelfReportInput, UpdateSelfReportInput } from "@/lib/schemas/self-report";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "@/server/authz/actor";
import { createSelfReport } from "@/server/data/self-reports/create-self-report";
import { updateSelfReport } from "@/server/data/self-reports/update-self-report";
import { withdrawEvidence } from "@/server/data/self-reports/withdraw-evidence";
import { listMySelfReports } from "@/server/data/self-reports/list-my-self-reports";
import { getMySelfReport } from "@/server/data/self-reports/get-my-self-report";
import { createSelfReportAction } from "@/server/actions/self-reports/create-self-report-action";
import { AppError } from "@/server/errors";
import { form, signInAs } from "../../setup/action-context";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

// Evidence bytes go to a throwaway folder (the store is created on first use).
const evidenceDir = mkdtempSync(path.join(tmpdir(), "self-report-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

// The smallest valid PNG (1×1).
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const png = (name = "photo.png") => new File([PNG], name, { type: "image/png" });
const spoofed = () => new File(["#!/bin/sh\necho pwned\n"], "photo.jpg", { type: "image/jpeg" });

const today = todayInShanghai();
const daysAgo = (n: number) => {
  const d = new Date(today + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
const tomorrow = (() => {
  const d = new Date(today + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

let a: TenantFixture;
let b: TenantFixture;
let member: Actor;
let secretary: Actor;
let admin: Actor;
let memberB: Actor;
let campaignId: string;

const input = (overrides: Record<string, unknown> = {}) =>
  CreateSelfReportInput.parse({
    type: "VOLUNTEER_SERVICE",
    date: daysAgo(3),
    hours: "3",
    topic: "社区敬老院志愿服务",
    content: "陪伴老人、打扫卫生",
    ...overrides,
  });

async function expectAppError(p: Promise<unknown>, code: string, field?: string) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    if (field) expect(Object.keys((e as AppError).fieldErrors ?? {})).toContain(field);
    return e as AppError;
  }
  throw new Error("expected " + code);
}

async function counts(tenantId: string) {
  const db = adminDb();
  const where = { where: { tenantId } };
  return {
    activities: await db.activity.count(where),
    attendance: await db.activityAttendance.count(where),
    links: await db.activityCampaign.count(where),
    evidence: await db.evidence.count(where),
    audit: await db.auditEvent.count(where),
  };
}

async function snapshotReports(tenantId: string) {
  const db = adminDb();
  const where = { where: { tenantId } };
  return JSON.stringify({
    activities: await db.activity.findMany({ ...where, orderBy: { id: "asc" } }),
    attendance: await db.activityAttendance.findMany({ ...where, orderBy: { activityId: "asc" } }),
    evidence: await db.evidence.findMany({ ...where, orderBy: { id: "asc" } }),
    audit: await db.auditEvent.count(where),
  });
}

beforeAll(async () => {
  a = await createTenantFixture("sr-a");
  b = await createTenantFixture("sr-b");
  member = await a.actor("member");
  secretary = await a.actor("secretary");
  admin = await a.actor("admin");
  memberB = await b.actor("member");
  // An ACTIVE campaign over college c1 (which holds branch b11) that covers the report dates.
  campaignId = randomUUID();
  await adminDb().campaign.create({
    data: {
      tenantId: a.tenantId,
      id: campaignId,
      name: "一院四个一",
      startDate: new Date(daysAgo(100) + "T00:00:00Z"),
      endDate: new Date(daysAgo(-200) + "T00:00:00Z"),
      rootOrgId: a.orgs.c1!.id,
      definition: { id: campaignId, startDate: daysAgo(100), endDate: daysAgo(-200), quotas: [] },
    },
  });
});

describe("createSelfReport", () => {
  it("files a report for the actor's own member, in their branch, linked to the covering campaign", async () => {
    const { id, status, created } = await createSelfReport(member, {
      ...input(),
      files: [png()],
    });
    expect({ status, created }).toEqual({ status: "SUBMITTED", created: true });
    const db = adminDb();
    const row = await db.activity.findFirstOrThrow({ where: { tenantId: a.tenantId, id } });
    expect(row).toMatchObject({
      selfReportedById: a.members["b11-1"],
      orgId: a.orgs.b11!.id,
      type: "VOLUNTEER_SERVICE",
      recordedById: a.users.member,
      status: "SUBMITTED",
    });
    expect(row.durationHours.toString()).toBe("3");
    expect(row.submittedAt).not.toBeNull();
    const attendance = await db.activityAttendance.findMany({
      where: { tenantId: a.tenantId, activityId: id },
    });
    expect(attendance).toHaveLength(1);
    expect(attendance[0]).toMatchObject({ memberId: a.members["b11-1"], present: true });
    expect(attendance[0]!.hours!.toString()).toBe("3");
    expect(
      await db.activityCampaign.findMany({ where: { tenantId: a.tenantId, activityId: id } }),
    ).toEqual([{ tenantId: a.tenantId, activityId: id, campaignId }]);
    const evidence = await db.evidence.findMany({
      where: { tenantId: a.tenantId, activityId: id },
    });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ mimeType: "image/png", originalName: "photo.png" });
    const audit = await db.auditEvent.findFirst({
      where: { tenantId: a.tenantId, entityId: id, action: "selfReport.create" },
    });
    expect(audit?.actorUserId).toBe(a.users.member);
  });

  it("keeps a draft as a draft", async () => {
    const { status } = await createSelfReport(member, input({ intent: "draft" }));
    expect(status).toBe("DRAFT");
  });

  it("reports only for the caller: member ids in the form are ignored, and an account without a member is refused", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.member! });
    const result = await createSelfReportAction(
      undefined,
      form({
        type: "VOLUNTARY_LABOUR",
        date: daysAgo(1),
        hours: "2",
        topic: "校园义务劳动",
        memberId: a.members["b11-2"],
        selfReportedById: a.members["b12-0"],
        orgId: a.orgs.b21!.id,
      }),
    ).catch((e: Error) => e);
    // Success redirects to the new record.
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toBe("NEXT_REDIRECT");
    const row = await adminDb().activity.findFirstOrThrow({
      where: { tenantId: a.tenantId, topic: "校园义务劳动" },
    });
    expect(row.selfReportedById).toBe(a.members["b11-1"]);
    expect(row.orgId).toBe(a.orgs.b11!.id);

    const before = await counts(a.tenantId);
    await expectAppError(createSelfReport(admin, input()), "FORBIDDEN");
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it.each([
    ["hours 0", { hours: "0" }, "hours"],
    ["hours above 24", { hours: "24.5" }, "hours"],
    ["hours not a number", { hours: "three" }, "hours"],
    ["hours with three decimals", { hours: "1.125" }, "hours"],
    ["a future date", { date: tomorrow }, "date"],
    ["a type members may not report", { type: "BRANCH_GENERAL_MEETING" }, "type"],
    ["pairing without whom", { type: "PAIRING" }, "subType"],
    ["a control character in the topic", { topic: "志愿\u202e服务" }, "topic"],
  ])("refuses %s with a field error and writes nothing", async (_label, fields, field) => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.member! });
    const before = await counts(a.tenantId);
    const result = await createSelfReportAction(
      undefined,
      form({ type: "VOLUNTEER_SERVICE", date: daysAgo(2), hours: "2", topic: "x", ...fields }),
    );
    expect(result).toMatchObject({ ok: false });
    expect(Object.keys((result as { fieldErrors?: object }).fieldErrors ?? {})).toContain(field);
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it("refuses a future date and out-of-range hours in the data layer too", async () => {
    const before = await counts(a.tenantId);
    await expectAppError(
      createSelfReport(member, { ...input(), date: tomorrow }),
      "VALIDATION",
      "date",
    );
    await expectAppError(
      createSelfReport(member, { ...input(), hours: 25 }),
      "VALIDATION",
      "hours",
    );
    await expectAppError(createSelfReport(member, { ...input(), hours: 0 }), "VALIDATION", "hours");
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it("refuses a spoofed evidence file (a script named photo.jpg) with a field error, writing nothing", async () => {
    const before = await counts(a.tenantId);
    const error = await expectAppError(
      createSelfReport(member, { ...input(), files: [png(), spoofed()] }),
      "VALIDATION",
      "files",
    );
    expect(error.fieldErrors?.files?.[0]).toContain("不是支持的类型");
    expect(await counts(a.tenantId)).toEqual(before);

    await signInAs({ tenantId: a.tenantId, userId: a.users.member! });
    const result = await createSelfReportAction(
      undefined,
      form({
        type: "VOLUNTEER_SERVICE",
        date: daysAgo(2),
        hours: "2",
        topic: "x",
        files: spoofed(),
      }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { files: [expect.any(String)] } });
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it("is idempotent: the same key returns the first record, also when both arrive at once", async () => {
    const key = randomUUID();
    const first = await createSelfReport(member, input({ idempotencyKey: key }));
    const again = await createSelfReport(member, input({ idempotencyKey: key, hours: "5" }));
    expect(again).toEqual({ ...first, created: false });
    expect(
      await adminDb().activity.count({ where: { tenantId: a.tenantId, idempotencyKey: key } }),
    ).toBe(1);

    const raced = randomUUID();
    const results = await Promise.all([
      createSelfReport(member, input({ idempotencyKey: raced })),
      createSelfReport(member, input({ idempotencyKey: raced })),
    ]);
    expect(results[0]!.id).toBe(results[1]!.id);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(
      await adminDb().activity.count({ where: { tenantId: a.tenantId, idempotencyKey: raced } }),
    ).toBe(1);
  });

  it("never hands out someone else's record under a reused key", async () => {
    const key = randomUUID();
    await createSelfReport(member, input({ idempotencyKey: key }));
    await expectAppError(createSelfReport(secretary, input({ idempotencyKey: key })), "CONFLICT");
  });
});

describe("updateSelfReport, withdrawEvidence and the member's list", () => {
  it("lets a returned report show its reason, be edited and resubmitted", async () => {
    const { id } = await createSelfReport(member, input({ topic: "待退回的记录" }));
    await expectAppError(
      updateSelfReport(member, UpdateSelfReportInput.parse({ ...rawFields(), id, version: 1 })),
      "CONFLICT",
    );
    // The reviewer returns it (the review workflow lives with activities; simulated here).
    await adminDb().activity.update({
      where: { tenantId_id: { tenantId: a.tenantId, id } },
      data: {
        status: "RETURNED",
        returnReason: "请补充活动照片",
        reviewedById: a.users.secretary,
        reviewedAt: new Date(),
        version: { increment: 1 },
      },
    });
    const listed = (await listMySelfReports(member)).find((r) => r.id === id)!;
    expect(listed).toMatchObject({
      status: "RETURNED",
      returnReason: "请补充活动照片",
      editable: true,
    });

    await expectAppError(
      updateSelfReport(member, UpdateSelfReportInput.parse({ ...rawFields(), id, version: 1 })),
      "CONFLICT",
    );
    const updated = await updateSelfReport(member, {
      ...UpdateSelfReportInput.parse({ ...rawFields({ hours: "4.5" }), id, version: 2 }),
      files: [png("补充照片.png")],
    });
    expect(updated.status).toBe("SUBMITTED");
    const mine = await getMySelfReport(member, id);
    expect(mine).toMatchObject({
      status: "SUBMITTED",
      hours: 4.5,
      returnReason: null,
      editable: false,
      version: 3,
    });
    expect(mine.evidence.map((e) => e.originalName)).toEqual(["补充照片.png"]);
    const attendance = await adminDb().activityAttendance.findFirstOrThrow({
      where: { tenantId: a.tenantId, activityId: id },
    });
    expect(attendance.hours!.toString()).toBe("4.5");
  });

  it("keeps other people's reports out of reach", async () => {
    const { id } = await createSelfReport(secretary, input({ topic: "书记本人的自报" }));
    await expectAppError(getMySelfReport(member, id), "NOT_FOUND");
    await expectAppError(
      updateSelfReport(member, UpdateSelfReportInput.parse({ ...rawFields(), id, version: 1 })),
      "NOT_FOUND",
    );
    expect((await listMySelfReports(member)).some((r) => r.id === id)).toBe(false);
    // A reviewer reviews; they do not edit someone's report as if it were theirs.
    await expectAppError(
      updateSelfReport(admin, UpdateSelfReportInput.parse({ ...rawFields(), id, version: 1 })),
      "NOT_FOUND",
    );
  });

  it("withdraws a file before review, but not after approval, and only the uploader's own", async () => {
    const { id } = await createSelfReport(member, {
      ...input({ intent: "submit" }),
      files: [png("a.png")],
    });
    const [file] = await adminDb().evidence.findMany({
      where: { tenantId: a.tenantId, activityId: id },
    });
    await expectAppError(withdrawEvidence(secretary, { evidenceId: file!.id }), "NOT_FOUND");
    const result = await withdrawEvidence(member, { evidenceId: file!.id });
    expect(result).toMatchObject({ changed: true, activityId: id });
    const row = await adminDb().evidence.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: file!.id },
    });
    expect(row.withdrawnAt).not.toBeNull();
    expect((await getMySelfReport(member, id)).version).toBe(2);

    const approved = await createSelfReport(member, { ...input(), files: [png("b.png")] });
    const [other] = await adminDb().evidence.findMany({
      where: { tenantId: a.tenantId, activityId: approved.id },
    });
    await adminDb().activity.update({
      where: { tenantId_id: { tenantId: a.tenantId, id: approved.id } },
      data: { status: "APPROVED", reviewedAt: new Date() },
    });
    await expectAppError(withdrawEvidence(member, { evidenceId: other!.id }), "CONFLICT");
  });
});

describe("tenant isolation", () => {
  it("answers NOT_FOUND for tenant B's ids and leaves B unchanged", async () => {
    const { id } = await createSelfReport(memberB, { ...input(), files: [png()] });
    const [file] = await adminDb().evidence.findMany({
      where: { tenantId: b.tenantId, activityId: id },
    });
    await adminDb().activity.update({
      where: { tenantId_id: { tenantId: b.tenantId, id } },
      data: { status: "RETURNED", returnReason: "x" },
    });
    const before = await snapshotReports(b.tenantId);
    await expectAppError(getMySelfReport(member, id), "NOT_FOUND");
    await expectAppError(
      updateSelfReport(member, UpdateSelfReportInput.parse({ ...rawFields(), id, version: 1 })),
      "NOT_FOUND",
    );
    await expectAppError(withdrawEvidence(member, { evidenceId: file!.id }), "NOT_FOUND");
    expect(await snapshotReports(b.tenantId)).toBe(before);
    // A key tenant B used means nothing in tenant A.
    const key = randomUUID();
    await createSelfReport(memberB, input({ idempotencyKey: key }));
    const beforeKey = await snapshotReports(b.tenantId);
    const mine = await createSelfReport(member, input({ idempotencyKey: key }));
    expect(mine.created).toBe(true);
    expect(await snapshotReports(b.tenantId)).toBe(beforeKey);
    expect((await listMySelfReports(member)).some((r) => r.id === id)).toBe(false);
  });
});

function rawFields(overrides: Record<string, string> = {}) {
  return {
    type: "VOLUNTEER_SERVICE",
    date: daysAgo(4),
    hours: "3",
    topic: "社区志愿服务",
    intent: "submit",
    ...overrides,
  };
}
