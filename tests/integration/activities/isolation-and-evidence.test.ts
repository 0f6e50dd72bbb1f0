import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ActivityListQuery } from "@/lib/schemas/activity";
import type { Actor } from "@/server/authz/actor";
import { createActivityAction } from "@/server/actions/activities/create-activity-action";
import { addActivityEvidenceAction } from "@/server/actions/activities/add-activity-evidence-action";
import { createActivity } from "@/server/data/activities/create-activity";
import { updateActivity } from "@/server/data/activities/update-activity";
import { submitActivity } from "@/server/data/activities/submit-activity";
import {
  approveActivities,
  approveActivity,
  returnActivity,
} from "@/server/data/activities/review-activity";
import { voidActivity } from "@/server/data/activities/void-activity";
import {
  addActivityEvidence,
  getEvidenceForDownload,
  withdrawEvidence,
} from "@/server/data/activities/activity-evidence";
import { getActivity } from "@/server/data/activities/get-activity";
import { listActivities } from "@/server/data/activities/list-activities";
import { listReviewQueue } from "@/server/data/activities/list-review-queue";
import {
  listActivityOrgs,
  listCampaignOptions,
  listRoster,
  searchAttendees,
} from "@/server/data/activities/recording-options";
import { checkEvidenceFile } from "@/server/evidence/check-evidence-file";
import { GET as getEvidenceRoute } from "../../../app/api/evidence/[id]/route";
import { GET as getRosterRoute } from "../../../app/api/activities/roster/route";
import { GET as searchRoute } from "../../../app/api/activities/member-search/route";
import { form, signInAs, signOut } from "../../setup/action-context";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import {
  addActor,
  addCampaign,
  appError,
  editInput,
  meetingInput,
  PDF,
  PNG,
  snapshotActivities,
} from "./helpers";

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

const evidenceDir = mkdtempSync(path.join(tmpdir(), "activity-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

let a: TenantFixture;
let b: TenantFixture;
let secretaryA: Actor;
let reviewerA: Actor;
/** Tenant B's records in every state, and an evidence file. */
const bIds = { draft: "", submitted: "", approved: "", evidence: "", campaign: "" };

const png = (name = "合影.png") => new File([PNG], name, { type: "image/png" });
const pdf = (name = "会议记录.pdf") => new File([PDF], name, { type: "application/pdf" });

beforeAll(async () => {
  a = await createTenantFixture("iso-a");
  b = await createTenantFixture("iso-b");
  secretaryA = await a.actor("secretary");
  reviewerA = await addActor(a, "c1sec", "SECRETARY", "c1");
  const secretaryB = await b.actor("secretary");
  const reviewerB = await addActor(b, "c1sec", "SECRETARY", "c1");
  bIds.campaign = (await addCampaign(b)).id;
  const files = [await checkEvidenceFile(png())];
  bIds.draft = (await createActivity(secretaryB, meetingInput(b), files)).id;
  bIds.submitted = (await createActivity(secretaryB, meetingInput(b, { submit: true }))).id;
  bIds.approved = (await createActivity(secretaryB, meetingInput(b, { submit: true }))).id;
  await approveActivity(reviewerB, { id: bIds.approved, version: 1 });
  bIds.evidence = (
    await adminDb().evidence.findFirstOrThrow({ where: { activityId: bIds.draft } })
  ).id;
});

const ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"] as const;

describe("tenant isolation: tenant A's actors get NOT_FOUND for tenant B's ids, and B stays unchanged", () => {
  it("every data function", async () => {
    const before = await snapshotActivities(b.tenantId);
    for (const role of ROLES) {
      const actor = await a.actor(role);
      const codes: Record<string, string> = {};
      const code = async (name: string, p: Promise<unknown>) => {
        codes[name] = (await appError(p)).code;
      };
      await code("get", getActivity(actor, bIds.draft));
      await code("update", updateActivity(actor, editInput(a, bIds.draft, 1)));
      await code("submit", submitActivity(actor, { id: bIds.draft, version: 1 }));
      await code("approve", approveActivity(actor, { id: bIds.submitted, version: 1 }));
      await code("return", returnActivity(actor, { id: bIds.submitted, version: 1, reason: "x" }));
      await code("void", voidActivity(actor, { id: bIds.approved, version: 2, reason: "x" }));
      await code("discard", voidActivity(actor, { id: bIds.draft, version: 1, reason: null }));
      await code(
        "addEvidence",
        addActivityEvidence(actor, { id: bIds.draft, version: 1 }, [
          await checkEvidenceFile(pdf()),
        ]),
      );
      await code("withdraw", withdrawEvidence(actor, { id: bIds.evidence, version: 1 }));
      await code("download", getEvidenceForDownload(actor, bIds.evidence));
      await code("roster", listRoster(actor, b.orgs.b11!.id, "2026-03-10"));
      // Permission checks that come before any id is looked at answer FORBIDDEN; never anything else.
      for (const [name, c] of Object.entries(codes)) {
        expect({ role, name, c }).toEqual({
          role,
          name,
          c: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
        });
      }
      for (const name of [
        "get",
        "update",
        "submit",
        "void",
        "discard",
        "addEvidence",
        "withdraw",
        "download",
        "roster",
      ]) {
        expect({ role, name, c: codes[name] }).toEqual({ role, name, c: "NOT_FOUND" });
      }

      // Creating for B's organization, with B's members or B's campaign: field errors, nothing written.
      const create = await createActivity(actor, meetingInput(b)).catch((e: unknown) => e);
      expect(create).toMatchObject({ code: expect.stringMatching(/VALIDATION|FORBIDDEN/) });
      const bulk = await approveActivities(actor, {
        items: [{ id: bIds.submitted, version: 1 }],
      }).catch((e: unknown) => e);
      if ("approved" in (bulk as object)) {
        expect(bulk).toMatchObject({ approved: [], failed: [{ id: bIds.submitted }] });
      } else expect(bulk).toMatchObject({ code: "FORBIDDEN" });

      // Reads never show B's rows.
      const listed = await listActivities(actor, ActivityListQuery.parse({}));
      expect(listed.items.map((i) => i.id)).not.toContain(bIds.draft);
      expect((await listReviewQueue(actor, { page: 1 })).items.map((i) => i.id)).not.toContain(
        bIds.submitted,
      );
      expect(await searchAttendees(actor, `${b.slug}-B11`.toUpperCase())).toEqual([]);
      const orgs = await listActivityOrgs(actor, "read");
      expect(orgs.map((o) => o.id)).not.toContain(b.orgs.b11!.id);
      expect(
        (await listCampaignOptions(actor, [{ path: b.orgs.b11!.path }])).map((c) => c.id),
      ).not.toContain(bIds.campaign);
    }
    const admin = await a.actor("admin");
    for (const field of [
      { attendance: [{ memberId: b.members["b11-1"]!, present: true }] },
      { hostMemberId: b.members["b11-1"]! },
      { campaignIds: [bIds.campaign] },
    ]) {
      const err = await appError(createActivity(admin, meetingInput(a, field)));
      expect(err.code).toBe("VALIDATION");
    }
    expect(await snapshotActivities(b.tenantId)).toBe(before);
  });
});

describe("evidence", () => {
  let activityId: string;

  it("is uploaded with the recording form: stored by content hash, one row per file", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.secretary! });
    const key = randomUUID();
    const fields = {
      idempotencyKey: key,
      orgId: a.orgs.b11!.id,
      type: "THEME_PARTY_DAY+VOLUNTEER",
      date: "2026-06-01",
      durationHours: "3",
      topic: "主题党日：社区志愿服务",
      attendee: [a.members["b11-0"]!, a.members["b11-1"]!],
      present: [a.members["b11-0"]!],
      [`absenceReason.${a.members["b11-1"]}`]: "病假",
      [`hours.${a.members["b11-0"]}`]: "4",
      intent: "submit",
    };
    const fd = form(fields);
    fd.append("files", png());
    fd.append("files", pdf());
    fd.append("files", new File([], "", { type: "application/octet-stream" })); // "no file chosen"
    await expect(createActivityAction(undefined, fd)).rejects.toThrow("NEXT_REDIRECT");
    const row = await adminDb().activity.findFirstOrThrow({ where: { idempotencyKey: key } });
    activityId = row.id;
    expect(row).toMatchObject({
      type: "THEME_PARTY_DAY",
      subType: "VOLUNTEER",
      status: "SUBMITTED",
    });
    const evidence = await adminDb().evidence.findMany({
      where: { activityId },
      orderBy: { originalName: "asc" },
    });
    expect(evidence.map((e) => [e.originalName, e.mimeType])).toEqual([
      ["会议记录.pdf", "application/pdf"],
      ["合影.png", "image/png"],
    ]);
    for (const e of evidence) {
      expect(readdirSync(path.join(evidenceDir, e.sha256.slice(0, 2)))).toContain(e.sha256);
    }
    const attendance = await adminDb().activityAttendance.findMany({ where: { activityId } });
    expect(attendance.find((r) => r.memberId === a.members["b11-1"])).toMatchObject({
      present: false,
      absenceReason: "病假",
    });
    expect(Number(attendance.find((r) => r.memberId === a.members["b11-0"])!.hours)).toBe(4);

    // The same form sent again (a retry): the same record, nothing new.
    const again = form(fields);
    again.append("files", png());
    await expect(createActivityAction(undefined, again)).rejects.toThrow("NEXT_REDIRECT");
    expect(await adminDb().activity.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await adminDb().evidence.count({ where: { activityId } })).toBe(2);
  });

  it("refuses a spoofed file type beside the field, writing nothing", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.secretary! });
    const before = await snapshotActivities(a.tenantId);
    const filesBefore = readdirSync(evidenceDir).flatMap((d) =>
      readdirSync(path.join(evidenceDir, d)),
    );
    const fd = form({
      idempotencyKey: randomUUID(),
      orgId: a.orgs.b11!.id,
      type: "BRANCH_GENERAL_MEETING",
      date: "2026-06-02",
      durationHours: "1.5",
      topic: "支部党员大会",
    });
    fd.append("files", png());
    fd.append(
      "files",
      new File(["<script>alert(1)</script>"], "photo.jpg", { type: "image/jpeg" }),
    );
    const result = await createActivityAction(undefined, fd);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { files: [expect.stringContaining("photo.jpg")] },
    });
    expect(await snapshotActivities(a.tenantId)).toBe(before);
    expect(readdirSync(evidenceDir).flatMap((d) => readdirSync(path.join(evidenceDir, d)))).toEqual(
      filesBefore,
    );

    const add = form({ id: activityId, version: 1 });
    add.append(
      "files",
      new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 3, 0, 0, 0])], "scan.pdf"),
    );
    expect(await addActivityEvidenceAction(undefined, add)).toMatchObject({
      ok: false,
      fieldErrors: { files: [expect.any(String)] },
    });
    expect(await snapshotActivities(a.tenantId)).toBe(before);
  });

  it("is served only to those who may see the record, with a safe disposition and nosniff", async () => {
    const [pngRow, pdfRow] = (await Promise.all<{ id: string }>(
      ["image/png", "application/pdf"].map((mimeType) =>
        adminDb().evidence.findFirstOrThrow({ where: { activityId, mimeType } }),
      ),
    )) as [{ id: string }, { id: string }];
    const get = (id: string) =>
      getEvidenceRoute(new Request(`http://localhost/api/evidence/${id}`), {
        params: Promise.resolve({ id }),
      });

    for (const key of ["secretary", "admin", "inspector", "leader"]) {
      await signInAs({ tenantId: a.tenantId, userId: a.users[key]! });
      const response = await get(pngRow.id);
      expect({ key, status: response.status }).toEqual({ key, status: 200 });
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-disposition")).toMatch(
        /^inline; filename="__.png"; filename\*=UTF-8''/,
      );
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    }
    const pdfResponse = await get(pdfRow.id);
    expect(pdfResponse.headers.get("content-type")).toBe("application/pdf");
    expect(pdfResponse.headers.get("content-disposition")).toMatch(/^inline;/);

    // A member of the branch (no activity.read), another branch's secretary, another tenant.
    const b12Secretary = await addActor(a, "b12sec", "SECRETARY", "b12");
    for (const session of [
      { tenantId: a.tenantId, userId: a.users.member! },
      { tenantId: a.tenantId, userId: b12Secretary.userId },
      { tenantId: b.tenantId, userId: b.users.admin! },
    ]) {
      await signInAs(session);
      const response = await get(pngRow.id);
      expect(response.status).toBe(404);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    expect((await get(bIds.evidence)).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    signOut();
    expect((await get(pngRow.id)).status).toBe(401);
  });

  it("of a pledge's progress post is served to those who may see the pledge", async () => {
    const db = adminDb();
    const pledgeId = randomUUID();
    const itemId = randomUUID();
    const progressId = randomUUID();
    const evidenceId = randomUUID();
    await db.pledge.create({
      data: {
        tenantId: a.tenantId,
        id: pledgeId,
        orgId: a.orgs.b11!.id,
        memberId: a.members["b11-1"]!,
        title: "我的承诺",
        createdById: a.users.member!,
      },
    });
    await db.pledgeItem.create({
      data: { tenantId: a.tenantId, id: itemId, pledgeId, text: "结对帮扶一名同学" },
    });
    await db.pledgeProgress.create({
      data: {
        tenantId: a.tenantId,
        id: progressId,
        itemId,
        text: "已完成第一次谈心",
        createdById: a.users.member!,
      },
    });
    const stored = await (
      await import("@/server/evidence/evidence-store")
    )
      .getEvidenceStore()
      .put(PNG);
    await db.evidence.create({
      data: {
        tenantId: a.tenantId,
        id: evidenceId,
        pledgeProgressId: progressId,
        sha256: stored.sha256,
        mimeType: "image/png",
        sizeBytes: stored.sizeBytes,
        originalName: "谈心.png",
        uploadedById: a.users.member!,
      },
    });
    const get = () =>
      getEvidenceRoute(new Request(`http://localhost/api/evidence/${evidenceId}`), {
        params: Promise.resolve({ id: evidenceId }),
      });
    for (const [session, status] of [
      [{ tenantId: a.tenantId, userId: a.users.member! }, 200],
      [{ tenantId: a.tenantId, userId: a.users.secretary! }, 200],
      [{ tenantId: a.tenantId, userId: a.users.leader! }, 404],
      [{ tenantId: b.tenantId, userId: b.users.admin! }, 404],
    ] as const) {
      await signInAs(session);
      expect({ user: session.userId, status: (await get()).status }).toEqual({
        user: session.userId,
        status,
      });
    }
  });

  it("is withdrawn by the record's owner before approval (then no longer served), not after", async () => {
    const version = async () =>
      (await adminDb().activity.findFirstOrThrow({ where: { id: activityId } })).version;
    const pdfRow = await adminDb().evidence.findFirstOrThrow({
      where: { activityId, mimeType: "application/pdf" },
    });
    const leader = await a.actor("leader");
    const member = await a.actor("member");
    expect(
      (await appError(withdrawEvidence(leader, { id: pdfRow.id, version: await version() }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await appError(withdrawEvidence(member, { id: pdfRow.id, version: await version() }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await appError(withdrawEvidence(secretaryA, { id: pdfRow.id, version: 99 }))).code,
    ).toBe("CONFLICT");
    await withdrawEvidence(secretaryA, { id: pdfRow.id, version: await version() });
    expect(
      (await adminDb().evidence.findFirstOrThrow({ where: { id: pdfRow.id } })).withdrawnAt,
    ).not.toBeNull();
    expect((await appError(getEvidenceForDownload(secretaryA, pdfRow.id))).code).toBe("NOT_FOUND");
    expect(
      (await appError(withdrawEvidence(secretaryA, { id: pdfRow.id, version: await version() })))
        .message,
    ).toMatch(/已撤回/);
    const detail = await getActivity(secretaryA, activityId);
    expect(detail.evidence.find((e) => e.id === pdfRow.id)?.withdrawnAt).not.toBeNull();
    expect(detail.history.map((h) => h.action)).toContain("activity.evidence.withdraw");

    // A file added while the reviewer looks: their approval of the old version is a conflict.
    const seen = await version();
    await addActivityEvidence(secretaryA, { id: activityId, version: seen }, [
      await checkEvidenceFile(pdf("签到表.pdf")),
    ]);
    expect(
      (await appError(approveActivity(reviewerA, { id: activityId, version: seen }))).code,
    ).toBe("CONFLICT");
    await approveActivity(reviewerA, { id: activityId, version: await version() });

    const pngRow = await adminDb().evidence.findFirstOrThrow({
      where: { activityId, mimeType: "image/png" },
    });
    expect(
      (await appError(withdrawEvidence(secretaryA, { id: pngRow.id, version: await version() })))
        .message,
    ).toMatch(/审核通过/);
    expect(
      (
        await appError(
          addActivityEvidence(secretaryA, { id: activityId, version: await version() }, [
            await checkEvidenceFile(png()),
          ]),
        )
      ).message,
    ).toMatch(/审核通过/);
  });
});

describe("recording-form routes", () => {
  it("serve the roster and the walk-in search to a signed-in recorder only", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.secretary! });
    const roster = await getRosterRoute(
      new Request(`http://localhost/api/activities/roster?orgId=${a.orgs.b11!.id}&date=2026-03-10`),
    );
    expect(roster.status).toBe(200);
    expect(((await roster.json()) as { members: unknown[] }).members).toHaveLength(3);
    const foreign = await getRosterRoute(
      new Request(`http://localhost/api/activities/roster?orgId=${b.orgs.b11!.id}&date=2026-03-10`),
    );
    expect(foreign.status).toBe(404);
    const search = await searchRoute(
      new Request("http://localhost/api/activities/member-search?q=b11成员"),
    );
    expect(((await search.json()) as { members: unknown[] }).members).toHaveLength(3);
    signOut();
    expect(
      (
        await getRosterRoute(
          new Request(
            `http://localhost/api/activities/roster?orgId=${a.orgs.b11!.id}&date=2026-03-10`,
          ),
        )
      ).status,
    ).toBe(401);
    expect(
      (await searchRoute(new Request("http://localhost/api/activities/member-search?q=b11")))
        .status,
    ).toBe(401);
  });
});
