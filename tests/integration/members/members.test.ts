import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { adminDb } from "../../setup/admin-db";
import type { Actor } from "@/server/authz/actor";
import type { Role } from "@/generated/prisma/enums";
import { createMember } from "@/server/data/members/create-member";
import { updateMember } from "@/server/data/members/update-member";
import { transferMember } from "@/server/data/members/transfer-member";
import { listMembers } from "@/server/data/members/list-members";
import { getMember } from "@/server/data/members/get-member";
import { listMemberOrgs } from "@/server/data/members/list-member-orgs";
import { importMembers } from "@/server/data/members/import-members";
import {
  CreateMemberInput,
  MemberRosterQuery,
  TransferMemberInput,
  UpdateMemberInput,
} from "@/lib/schemas/member";
import { AppError } from "@/server/errors";

const A = randomUUID();
const B = randomUUID();
const ids = {
  schoolA: randomUUID(),
  college: randomUUID(),
  b1: randomUUID(),
  b2: randomUUID(),
  college2: randomUUID(),
  b3: randomUUID(),
  closed: randomUUID(),
  schoolB: randomUUID(),
};
const paths: Record<string, string> = {};
const day = (s: string) => new Date(s + "T00:00:00Z");

async function actor(
  tenantId: string,
  role: Role,
  orgKey: keyof typeof ids,
  memberId: string | null = null,
): Promise<Actor> {
  const db = adminDb();
  const userId = randomUUID();
  await db.user.create({
    data: {
      tenantId,
      id: userId,
      username: "u" + userId.slice(0, 8),
      displayName: role,
      passwordHash: "x",
      memberId,
    },
  });
  await db.roleAssignment.create({ data: { tenantId, userId, role, orgId: ids[orgKey] } });
  return {
    tenantId,
    tenantName: "T",
    userId,
    username: "u",
    displayName: role,
    memberId,
    assignments: [
      { id: randomUUID(), role, orgId: ids[orgKey], orgPath: paths[orgKey]!, orgName: orgKey },
    ],
  };
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

let admin: Actor, collegeAdmin: Actor, secretary: Actor, adminB: Actor, college2Admin: Actor;

beforeAll(async () => {
  const db = adminDb();
  await db.tenant.create({ data: { id: A, slug: "a" + A.slice(0, 6), name: "A大学" } });
  await db.tenant.create({ data: { id: B, slug: "b" + B.slice(0, 6), name: "B大学" } });
  const mk = async (
    tenantId: string,
    key: keyof typeof ids,
    parent: keyof typeof ids | null,
    level: "SCHOOL" | "COLLEGE" | "BRANCH",
    code: string,
    validTo: Date | null = null,
  ) => {
    const path = parent ? `${paths[parent]}/${ids[key]}` : ids[key];
    paths[key] = path;
    await db.organization.create({
      data: {
        tenantId,
        id: ids[key],
        parentId: parent ? ids[parent] : null,
        path,
        depth: path.split("/").length - 1,
        name: key,
        code,
        level,
        kind: "TEACHER",
        validFrom: day("2000-01-01"),
        validTo,
      },
    });
  };
  await mk(A, "schoolA", null, "SCHOOL", "S");
  await mk(A, "college", "schoolA", "COLLEGE", "C1");
  await mk(A, "b1", "college", "BRANCH", "B01");
  await mk(A, "b2", "college", "BRANCH", "B02");
  await mk(A, "college2", "schoolA", "COLLEGE", "C2");
  await mk(A, "b3", "college2", "BRANCH", "B03");
  await mk(A, "closed", "college", "BRANCH", "BX", day("2020-01-01"));
  await mk(B, "schoolB", null, "SCHOOL", "B01");
  admin = await actor(A, "ORG_ADMIN", "schoolA");
  collegeAdmin = await actor(A, "ORG_ADMIN", "college");
  college2Admin = await actor(A, "ORG_ADMIN", "college2");
  secretary = await actor(A, "SECRETARY", "b1");
  adminB = await actor(B, "ORG_ADMIN", "schoolB");
});

const form = (over: Record<string, unknown> = {}) =>
  CreateMemberInput.parse({
    number: "T001",
    name: "张三",
    gender: "MALE",
    status: "FULL",
    category: "TEACHER",
    positions: ["SECRETARY"],
    orgId: ids.b1,
    orgFrom: "2015-09-01",
    joinedAt: "2010-07-01",
    ...over,
  });

describe("members data functions", () => {
  let m1: string;
  it("creates with membership and audit", async () => {
    m1 = (await createMember(admin, form())).id;
    const db = adminDb();
    expect(await db.membership.findMany({ where: { memberId: m1 } })).toMatchObject([
      { orgId: ids.b1, validFrom: day("2015-09-01"), validTo: null },
    ]);
    expect(await db.auditEvent.count({ where: { entityId: m1, action: "member.create" } })).toBe(1);
  });
  it("duplicate number → field error; closed org, out-of-scope org, future date", async () => {
    await expectAppError(createMember(admin, form({ name: "x" })), "VALIDATION", "number");
    await expectAppError(
      createMember(admin, form({ number: "T9", orgId: ids.closed })),
      "VALIDATION",
      "orgId",
    );
    await expectAppError(
      createMember(collegeAdmin, form({ number: "T9", orgId: ids.b3 })),
      "VALIDATION",
      "orgId",
    );
    await expectAppError(
      createMember(admin, form({ number: "T9", orgFrom: "1999-01-01" })),
      "VALIDATION",
      "orgFrom",
    );
    await expectAppError(
      createMember(admin, form({ number: "T9", orgFrom: "2099-01-01" })),
      "VALIDATION",
      "orgFrom",
    );
    await expectAppError(createMember(secretary, form({ number: "T9" })), "FORBIDDEN");
    // Tenant B's org id from tenant A, and A's org from B.
    await expectAppError(createMember(adminB, form({ number: "T9" })), "VALIDATION", "orgId");
    // Same number in another tenant is fine.
    await createMember(adminB, form({ orgId: ids.schoolB }));
  });
  it("tenant isolation and subtree on get", async () => {
    await expectAppError(getMember(adminB, m1), "NOT_FOUND");
    await expectAppError(getMember(college2Admin, m1), "NOT_FOUND");
    await expectAppError(getMember(admin, "not-a-uuid"), "NOT_FOUND");
    const d = await getMember(secretary, m1);
    expect(d.canManage).toBe(false);
    expect(d.memberships[0]!.org.code).toBe("B01");
    expect((await getMember(admin, m1)).canManage).toBe(true);
  });
  it("update: forbidden for readers, conflict on stale version, no-op is not audited", async () => {
    const upd = (a: Actor, version: number, over: Record<string, unknown> = {}) =>
      updateMember(
        a,
        UpdateMemberInput.parse({
          id: m1,
          version,
          number: "T001",
          name: "张三丰",
          gender: "MALE",
          status: "FULL",
          category: "TEACHER",
          positions: ["SECRETARY"],
          joinedAt: "2010-07-01",
          ...over,
        }),
      );
    await expectAppError(upd(secretary, 1), "FORBIDDEN");
    await expectAppError(upd(adminB, 1), "NOT_FOUND");
    expect(await upd(admin, 1)).toEqual({ id: m1, changed: true });
    const e = await expectAppError(upd(admin, 1, { name: "李" }), "CONFLICT");
    expect(e.message).toBe("记录已被他人修改，请刷新后重试");
    expect(await upd(admin, 2)).toEqual({ id: m1, changed: false });
    const events = await adminDb().auditEvent.findMany({
      where: { entityId: m1, action: "member.update" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ name: "张三丰" });
  });
  it("transfer: both ends in scope, closes and opens memberships", async () => {
    const tr = (a: Actor, over: Record<string, unknown> = {}) =>
      transferMember(
        a,
        TransferMemberInput.parse({
          memberId: m1,
          version: 2,
          toOrgId: ids.b2,
          effectiveDate: "2020-03-01",
          reason: "调整",
          ...over,
        }),
      );
    await expectAppError(tr(college2Admin, { toOrgId: ids.b3 }), "NOT_FOUND");
    await expectAppError(tr(collegeAdmin, { toOrgId: ids.b3 }), "VALIDATION", "toOrgId");
    await expectAppError(tr(admin, { toOrgId: ids.b1 }), "VALIDATION", "toOrgId");
    await expectAppError(tr(admin, { effectiveDate: "2015-09-01" }), "VALIDATION", "effectiveDate");
    await expectAppError(tr(admin, { version: 1 }), "CONFLICT");
    await tr(admin);
    const ms = await adminDb().membership.findMany({
      where: { memberId: m1 },
      orderBy: { validFrom: "asc" },
    });
    expect(
      ms.map((m) => [
        m.orgId,
        m.validFrom.toISOString().slice(0, 10),
        m.validTo?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      [ids.b1, "2015-09-01", "2020-03-01"],
      [ids.b2, "2020-03-01", null],
    ]);
    expect((await adminDb().member.findFirst({ where: { id: m1 } }))!.orgId).toBe(ids.b2);
    // The secretary of b1 no longer sees the member.
    await expectAppError(getMember(secretary, m1), "NOT_FOUND");
  });
  it("list: search, several orgs with subtrees, filters, pagination, scope", async () => {
    for (let i = 0; i < 5; i++)
      await createMember(
        admin,
        form({
          number: `S00${i}`,
          name: `学生${i}`,
          category: "STUDENT",
          status: "PROBATIONARY",
          positions: [],
          orgId: i < 3 ? ids.b1 : ids.b3,
          joinedAt: "2024-01-01",
        }),
      );
    const q = (a: Actor, p: Record<string, unknown>) => listMembers(a, MemberRosterQuery.parse(p));
    expect((await q(admin, {})).total).toBe(6);
    expect((await q(adminB, {})).total).toBe(1);
    expect((await q(secretary, {})).total).toBe(3);
    expect((await q(admin, { q: "张三" })).items.map((m) => m.number)).toEqual(["T001"]);
    expect((await q(admin, { q: "s00" })).total).toBe(5);
    expect((await q(admin, { orgIds: [ids.college] })).total).toBe(4);
    expect((await q(admin, { orgIds: [ids.b2, ids.college2] })).total).toBe(3);
    expect((await q(admin, { orgIds: [ids.schoolB] })).total).toBe(0);
    expect((await q(secretary, { orgIds: [ids.college2] })).total).toBe(0);
    expect((await q(admin, { category: "STUDENT", status: "PROBATIONARY" })).total).toBe(5);
    const page = await q(admin, { pageSize: "10", page: "9" });
    expect([page.page, page.pageCount, page.items.length]).toEqual([1, 1, 6]);
    expect((await listMemberOrgs(secretary, "read")).map((o) => o.code)).toEqual(["B01"]);
    expect((await listMemberOrgs(admin, "manage")).map((o) => [o.code, o.depth])).toEqual([
      ["S", 0],
      ["C1", 1],
      ["B01", 2],
      ["B02", 2],
      ["C2", 1],
      ["B03", 2],
    ]);
  });
  it("import: all or nothing, idempotent, updates and transfers", async () => {
    const db = adminDb();
    const csv = (rows: string[]) => ({
      fileName: "名册.csv",
      bytes: new TextEncoder().encode(
        "\uFEFF党员编号,姓名,性别,所在组织编码,党员状态,人员类别,职务,进入组织日期\n" +
          rows.join("\n"),
      ),
    });
    const good = [
      "N001,王一,男,B01,正式党员,教师,书记,2019-01-01",
      "N002,王二,女,B02,预备党员,学生,,2019-01-01",
      "N003,王三,男,B03,正式党员,职工,支委、辅导员,",
    ];
    const bad = await importMembers(
      admin,
      csv([...good, "N004,王四,男,NOPE,正式党员,教师,,", "N005,王五,男,BX,正式党员,教师,,"]),
    );
    expect(bad).toMatchObject({
      status: "rejected",
      issues: [
        { row: 5, column: "所在组织编码", reason: "组织编码“NOPE”不存在或不在您的管理范围内" },
        { row: 6, column: "所在组织编码", reason: "该组织已撤销，不能编入党员" },
      ],
    });
    expect(await db.member.count({ where: { tenantId: A, number: { startsWith: "N" } } })).toBe(0);
    // The college admin cannot import into college2's branch; tenant B's code B01 is not A's.
    const scoped = await importMembers(collegeAdmin, csv(good));
    expect(scoped).toMatchObject({
      status: "rejected",
      issues: [{ row: 4, column: "所在组织编码" }],
    });

    expect(await importMembers(admin, csv(good))).toMatchObject({
      status: "imported",
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const auditsBefore = await db.auditEvent.count({ where: { tenantId: A } });
    expect(await importMembers(admin, csv(good))).toMatchObject({
      status: "imported",
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await db.auditEvent.count({ where: { tenantId: A } })).toBe(auditsBefore + 1); // the summary event only
    const changed = [
      "N001,王一,男,B01,正式党员,教师,书记、支委,",
      "N002,王二,女,B01,预备党员,学生,,2024-05-01",
      good[2]!,
    ];
    const r = await importMembers(admin, csv(changed));
    if (r.status === "rejected") console.log(JSON.stringify(r.issues));
    expect(r).toMatchObject({
      status: "imported",
      created: 0,
      updated: 2,
      transferred: 1,
      unchanged: 1,
    });
    const n2 = await db.member.findFirst({
      where: { tenantId: A, number: "N002" },
      include: { memberships: { orderBy: { validFrom: "asc" } } },
    });
    expect(n2!.orgId).toBe(ids.b1);
    expect(
      n2!.memberships.map((m) => [
        m.validFrom.toISOString().slice(0, 10),
        m.validTo?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      ["2019-01-01", "2024-05-01"],
      ["2024-05-01", null],
    ]);
    expect(
      (await db.member.findFirst({ where: { tenantId: A, number: "N001" } }))!.positions,
    ).toEqual(["SECRETARY", "COMMITTEE_MEMBER"]);
    // A number held by a member outside the importer's scope is refused, not duplicated or changed.
    const outside = await importMembers(collegeAdmin, csv(["N003,改名,男,B01,正式党员,职工,,"]));
    expect(outside).toMatchObject({
      status: "rejected",
      issues: [{ row: 2, column: "党员编号", reason: "该党员编号已被您管理范围之外的党员使用" }],
    });
    expect((await db.member.findFirst({ where: { tenantId: A, number: "N003" } }))!.name).toBe(
      "王三",
    );
    // Tenant B's roster is untouched by all of this.
    expect(await db.member.count({ where: { tenantId: B } })).toBe(1);
  });
});
