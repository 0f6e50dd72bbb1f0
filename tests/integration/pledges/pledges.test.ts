import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import {
  AddPledgeCommentInput,
  AddPledgeProgressInput,
  CreatePledgeInput,
  EvaluatePledgeItemInput,
  pledgeFormObject,
} from "@/lib/schemas/pledge";
import type { Actor } from "@/server/authz/actor";
import { loadActor } from "@/server/auth/load-actor";
import { createPledge } from "@/server/data/pledges/create-pledge";
import { listBranchPledges } from "@/server/data/pledges/list-branch-pledges";
import { listMyPledges } from "@/server/data/pledges/list-my-pledges";
import { getPledge } from "@/server/data/pledges/get-pledge";
import { addPledgeProgress } from "@/server/data/pledges/add-pledge-progress";
import { addPledgeComment } from "@/server/data/pledges/add-pledge-comment";
import { evaluatePledgeItem } from "@/server/data/pledges/evaluate-pledge-item";
import { withdrawPledgeItem } from "@/server/data/pledges/withdraw-pledge-item";
import { listPledgeOrgs } from "@/server/data/pledges/list-pledge-orgs";
import { withdrawEvidence } from "@/server/data/self-reports/withdraw-evidence";
import { AppError } from "@/server/errors";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

const evidenceDir = mkdtempSync(path.join(tmpdir(), "pledge-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const png = (name = "photo.png") => new File([PNG], name, { type: "image/png" });

let a: TenantFixture;
let b: TenantFixture;
/** b11-1, a plain member of branch b11. */
let member: Actor;
/** b11-2, a fellow member of the same branch. */
let fellow: Actor;
/** b12-1, a member of another branch of the same college. */
let outsider: Actor;
/** The secretary of b11 (member b11-0). */
let secretary: Actor;
let collegeAdmin: Actor;
let leader: Actor;
let inspector: Actor;
let memberB: Actor;

async function userFor(
  tenant: TenantFixture,
  memberKey: string,
  role: Role,
  orgKey: string,
): Promise<Actor> {
  const db = adminDb();
  const id = randomUUID();
  await db.user.create({
    data: {
      tenantId: tenant.tenantId,
      id,
      username: `u-${memberKey}`,
      displayName: `用户 ${memberKey}`,
      passwordHash: "x",
      memberId: tenant.members[memberKey]!,
    },
  });
  await db.roleAssignment.create({
    data: { tenantId: tenant.tenantId, userId: id, role, orgId: tenant.orgs[orgKey]!.id },
  });
  return (await loadActor(tenant.tenantId, id, 1))!;
}

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

const pledgeInput = (title: string, items: string[]) =>
  CreatePledgeInput.parse({ title, items: items.map((text) => ({ text })) });

async function snapshotPledges(tenantId: string) {
  const db = adminDb();
  const where = { where: { tenantId } };
  return JSON.stringify({
    pledges: await db.pledge.findMany({ ...where, orderBy: { id: "asc" } }),
    items: await db.pledgeItem.findMany({ ...where, orderBy: { id: "asc" } }),
    progress: await db.pledgeProgress.findMany({ ...where, orderBy: { id: "asc" } }),
    comments: await db.pledgeComment.findMany({ ...where, orderBy: { id: "asc" } }),
    evidence: await db.evidence.findMany({ ...where, orderBy: { id: "asc" } }),
    audit: await db.auditEvent.count(where),
  });
}

beforeAll(async () => {
  a = await createTenantFixture("pl-a");
  b = await createTenantFixture("pl-b");
  member = await a.actor("member");
  secretary = await a.actor("secretary");
  collegeAdmin = await a.actor("collegeAdmin");
  leader = await a.actor("leader");
  inspector = await a.actor("inspector");
  fellow = await userFor(a, "b11-2", "MEMBER", "b11");
  outsider = await userFor(a, "b12-1", "MEMBER", "b12");
  memberB = await b.actor("member");
});

describe("亮诺: making a pledge and the branch wall", () => {
  it("a member pledges for themself to their branch, also filing it for the pledge quota", async () => {
    const { id, itemIds, selfReportId } = await createPledge(
      member,
      pledgeInput("2026 年度公开承诺", ["每月参加一次志愿服务", "结对帮扶一间新生宿舍"]),
    );
    expect(itemIds).toHaveLength(2);
    const db = adminDb();
    const row = await db.pledge.findFirstOrThrow({ where: { tenantId: a.tenantId, id } });
    expect(row).toMatchObject({
      orgId: a.orgs.b11!.id,
      memberId: a.members["b11-1"],
      createdById: a.users.member,
    });
    const report = await db.activity.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: selfReportId! },
    });
    expect(report).toMatchObject({
      type: "PLEDGE",
      status: "SUBMITTED",
      selfReportedById: a.members["b11-1"],
      orgId: a.orgs.b11!.id,
    });
    expect(
      await db.auditEvent.count({
        where: { tenantId: a.tenantId, entityId: id, action: "pledge.create" },
      }),
    ).toBe(1);
    expect((await listMyPledges(member)).map((p) => p.id)).toContain(id);
  });

  it("a secretary pledges for their branch; a plain member cannot pledge for an organization", async () => {
    const { id, selfReportId } = await createPledge(secretary, {
      ...pledgeInput("支部承诺", ["每月开展一次主题党日"]),
      orgId: a.orgs.b11!.id,
    });
    expect(selfReportId).toBeNull();
    const row = await adminDb().pledge.findFirstOrThrow({ where: { tenantId: a.tenantId, id } });
    expect(row).toMatchObject({ orgId: a.orgs.b11!.id, memberId: null });
    await expectAppError(
      createPledge(member, { ...pledgeInput("x", ["y"]), orgId: a.orgs.b11!.id }),
      "NOT_FOUND",
    );
    await expectAppError(
      createPledge(secretary, { ...pledgeInput("x", ["y"]), orgId: a.orgs.b12!.id }),
      "NOT_FOUND",
    );
  });

  it("shows the wall to the branch's members and to evaluators, and to nobody else", async () => {
    const { id } = await createPledge(fellow, pledgeInput("同支部的承诺", ["每周学习"]));
    const b11 = a.orgs.b11!.id;
    for (const viewer of [member, fellow, secretary, collegeAdmin, await a.actor("admin")]) {
      const wall = await listBranchPledges(viewer, b11);
      expect(wall.pledges.map((p) => p.id)).toContain(id);
    }
    expect((await listBranchPledges(member, b11)).evaluates).toBe(false);
    expect((await listBranchPledges(secretary, b11)).evaluates).toBe(true);
    for (const viewer of [outsider, leader, inspector]) {
      await expectAppError(listBranchPledges(viewer, b11), "NOT_FOUND");
      await expectAppError(getPledge(viewer, id), "NOT_FOUND");
    }
    await expectAppError(listBranchPledges(member, a.orgs.b12!.id), "NOT_FOUND");
    const detail = await getPledge(member, id);
    expect(detail.access).toEqual({
      canView: true,
      isOwner: false,
      canComment: true,
      canEvaluate: false,
    });
    expect((await listPledgeOrgs(member)).map((o) => o.id)).toEqual([b11]);
    expect((await listPledgeOrgs(secretary)).map((o) => o.id)).toEqual([b11]);
  });

  it("limits text, refuses control characters, and stores markup as plain text", async () => {
    expect(() => pledgeInput("x", ["长".repeat(501)])).toThrow(/500/);
    expect(() => pledgeInput("x", ["正常\u202e反转"])).toThrow(/控制字符/);
    expect(() => pledgeInput("", ["y"])).toThrow();
    expect(() => CreatePledgeInput.parse({ title: "x", items: [] })).toThrow(/至少/);
    const markup = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { id } = await createPledge(member, pledgeInput(markup, [markup]));
    const detail = await getPledge(member, id);
    expect(detail.title).toBe(markup);
    expect(detail.items[0]!.text).toBe(markup);
  });

  it("reads item rows from the form, dropping empty ones and keeping line breaks", () => {
    const fd = new FormData();
    fd.append("title", "承诺");
    for (const [text, due] of [
      ["第一项\r\n第二行", ""],
      ["", ""],
      ["第三项", "2099-01-01"],
    ]) {
      fd.append("itemText", text!);
      fd.append("itemDue", due!);
    }
    expect(CreatePledgeInput.parse(pledgeFormObject(fd)).items).toEqual([
      { text: "第一项\n第二行", dueDate: null },
      { text: "第三项", dueDate: "2099-01-01" },
    ]);
  });
});

describe("践诺 and 评诺", () => {
  let pledgeId: string;
  let itemIds: string[];
  beforeAll(async () => {
    ({ id: pledgeId, itemIds } = await createPledge(
      member,
      pledgeInput("承诺", ["每月参加一次志愿服务", "读完一本理论书籍", "帮扶一名困难学生"]),
    ));
  });

  it("the owner posts progress with evidence; nobody else may", async () => {
    const progress = AddPledgeProgressInput.parse({
      itemId: itemIds[0],
      text: "三月：社区服务 3 小时",
    });
    const { id } = await addPledgeProgress(member, { ...progress, files: [png()] });
    const evidence = await adminDb().evidence.findMany({
      where: { tenantId: a.tenantId, pledgeProgressId: id },
    });
    expect(evidence).toHaveLength(1);
    await expectAppError(addPledgeProgress(fellow, progress), "FORBIDDEN");
    await expectAppError(addPledgeProgress(secretary, progress), "FORBIDDEN");
    await expectAppError(addPledgeProgress(outsider, progress), "NOT_FOUND");
    // The uploader withdraws a file before the item is evaluated.
    expect(await withdrawEvidence(member, { evidenceId: evidence[0]!.id })).toMatchObject({
      changed: true,
      pledgeId,
    });
  });

  it("the branch comments: fellow members and the secretary, not outsiders", async () => {
    await addPledgeComment(fellow, AddPledgeCommentInput.parse({ pledgeId, text: "向你学习" }));
    await addPledgeComment(
      secretary,
      AddPledgeCommentInput.parse({ pledgeId, itemId: itemIds[1], text: "请注明书名" }),
    );
    await addPledgeComment(member, AddPledgeCommentInput.parse({ pledgeId, text: "谢谢大家" }));
    await expectAppError(
      addPledgeComment(outsider, AddPledgeCommentInput.parse({ pledgeId, text: "x" })),
      "NOT_FOUND",
    );
    await expectAppError(
      addPledgeComment(leader, AddPledgeCommentInput.parse({ pledgeId, text: "x" })),
      "NOT_FOUND",
    );
    // An item of another pledge is not an item of this one.
    const other = await createPledge(fellow, pledgeInput("另一份", ["x"]));
    await expectAppError(
      addPledgeComment(
        member,
        AddPledgeCommentInput.parse({ pledgeId, itemId: other.itemIds[0], text: "x" }),
      ),
      "NOT_FOUND",
    );
    const detail = await getPledge(secretary, pledgeId);
    expect(detail.comments.map((c) => [c.text, c.itemId])).toEqual([
      ["向你学习", null],
      ["请注明书名", itemIds[1]],
      ["谢谢大家", null],
    ]);
  });

  it("the owner cannot evaluate their own item; a fellow member cannot either; the secretary does", async () => {
    const verdict = (itemId: string, version = 1) =>
      EvaluatePledgeItemInput.parse({ itemId, verdict: "FULFILLED", comment: "按期兑现", version });
    await expectAppError(evaluatePledgeItem(member, verdict(itemIds[0]!)), "FORBIDDEN");
    await expectAppError(evaluatePledgeItem(fellow, verdict(itemIds[0]!)), "FORBIDDEN");
    await expectAppError(evaluatePledgeItem(outsider, verdict(itemIds[0]!)), "NOT_FOUND");
    const result = await evaluatePledgeItem(secretary, verdict(itemIds[0]!));
    expect(result.changed).toBe(true);
    const item = await adminDb().pledgeItem.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: itemIds[0] },
    });
    expect(item).toMatchObject({
      verdict: "FULFILLED",
      verdictComment: "按期兑现",
      evaluatedById: a.users.secretary,
      version: 2,
    });
    // A stale form is refused; a short verdict needs a reason.
    await expectAppError(evaluatePledgeItem(collegeAdmin, verdict(itemIds[0]!, 1)), "CONFLICT");
    expect(() =>
      EvaluatePledgeItemInput.parse({ itemId: itemIds[1], verdict: "PARTLY", version: 1 }),
    ).toThrow(/评议意见/);
    // Once evaluated, an item takes no more progress and cannot be withdrawn.
    await expectAppError(
      addPledgeProgress(
        member,
        AddPledgeProgressInput.parse({ itemId: itemIds[0], text: "又做了一次" }),
      ),
      "CONFLICT",
    );
    await expectAppError(
      withdrawPledgeItem(member, { itemId: itemIds[0]!, version: 2 }),
      "CONFLICT",
    );
    const detail = await getPledge(member, pledgeId);
    expect(detail.items[0]).toMatchObject({
      verdict: "FULFILLED",
      evaluatedBy: "pl-a secretary",
      canWithdraw: false,
      canPostProgress: false,
    });
  });

  it("the owner withdraws an item before evaluation; others may not", async () => {
    await expectAppError(
      withdrawPledgeItem(fellow, { itemId: itemIds[2]!, version: 1 }),
      "FORBIDDEN",
    );
    await expectAppError(
      withdrawPledgeItem(secretary, { itemId: itemIds[2]!, version: 1 }),
      "FORBIDDEN",
    );
    await withdrawPledgeItem(member, { itemId: itemIds[2]!, version: 1 });
    const item = await adminDb().pledgeItem.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: itemIds[2] },
    });
    expect(item.withdrawnAt).not.toBeNull();
    await expectAppError(
      evaluatePledgeItem(
        secretary,
        EvaluatePledgeItemInput.parse({ itemId: itemIds[2], verdict: "FULFILLED", version: 2 }),
      ),
      "CONFLICT",
    );
  });

  it("a secretary's own pledge is evaluated by a superior, and a branch's pledge by the college", async () => {
    const own = await createPledge(secretary, pledgeInput("书记本人的承诺", ["讲一次党课"]));
    const verdict = (itemId: string) =>
      EvaluatePledgeItemInput.parse({ itemId, verdict: "FULFILLED", version: 1 });
    await expectAppError(evaluatePledgeItem(secretary, verdict(own.itemIds[0]!)), "FORBIDDEN");
    await evaluatePledgeItem(collegeAdmin, verdict(own.itemIds[0]!));

    const branch = await createPledge(secretary, {
      ...pledgeInput("支部承诺", ["办好书记项目"]),
      orgId: a.orgs.b11!.id,
    });
    await expectAppError(evaluatePledgeItem(secretary, verdict(branch.itemIds[0]!)), "FORBIDDEN");
    await expectAppError(evaluatePledgeItem(member, verdict(branch.itemIds[0]!)), "FORBIDDEN");
    // The secretary reports progress for the branch; the college evaluates.
    await addPledgeProgress(
      secretary,
      AddPledgeProgressInput.parse({ itemId: branch.itemIds[0], text: "已立项" }),
    );
    await evaluatePledgeItem(collegeAdmin, verdict(branch.itemIds[0]!));
  });
});

describe("tenant isolation", () => {
  it("answers NOT_FOUND for tenant B's pledges, items and organizations, and leaves B unchanged", async () => {
    const theirs = await createPledge(memberB, pledgeInput("B 校承诺", ["x", "y"]));
    const before = await snapshotPledges(b.tenantId);
    const admin = await a.actor("admin");
    for (const actor of [member, secretary, admin]) {
      await expectAppError(getPledge(actor, theirs.id), "NOT_FOUND");
      await expectAppError(listBranchPledges(actor, b.orgs.b11!.id), "NOT_FOUND");
      await expectAppError(
        addPledgeComment(actor, AddPledgeCommentInput.parse({ pledgeId: theirs.id, text: "x" })),
        "NOT_FOUND",
      );
      await expectAppError(
        addPledgeProgress(
          actor,
          AddPledgeProgressInput.parse({ itemId: theirs.itemIds[0], text: "x" }),
        ),
        "NOT_FOUND",
      );
      await expectAppError(
        evaluatePledgeItem(
          actor,
          EvaluatePledgeItemInput.parse({
            itemId: theirs.itemIds[0],
            verdict: "FULFILLED",
            version: 1,
          }),
        ),
        "NOT_FOUND",
      );
      await expectAppError(
        withdrawPledgeItem(actor, { itemId: theirs.itemIds[1]!, version: 1 }),
        "NOT_FOUND",
      );
      await expectAppError(
        createPledge(actor, { ...pledgeInput("x", ["y"]), orgId: b.orgs.b11!.id }),
        "NOT_FOUND",
      );
    }
    await expectAppError(getPledge(member, "not-a-uuid"), "NOT_FOUND");
    expect(await snapshotPledges(b.tenantId)).toBe(before);
  });
});
