import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/load-actor";
import { assignRole } from "@/server/data/users/assign-role";
import { getUser } from "@/server/data/users/get-user";
import { listUsers } from "@/server/data/users/list-users";
import { resetUserPassword } from "@/server/data/users/reset-user-password";
import { revokeRole } from "@/server/data/users/revoke-role";
import { setUserDisabled } from "@/server/data/users/set-user-disabled";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

let t: TenantFixture; // college admin granting
let esc: TenantFixture; // escalation
let rev: TenantFixture; // revoking
beforeAll(async () => {
  t = await createTenantFixture("usr-roles");
  esc = await createTenantFixture("usr-esc");
  rev = await createTenantFixture("usr-rev");
});

const roleRows = (tenantId: string) =>
  adminDb().roleAssignment.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
const auditCount = (tenantId: string) => adminDb().auditEvent.count({ where: { tenantId } });
const userRow = (f: TenantFixture, key: string) =>
  adminDb().user.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: f.tenantId, id: f.users[key]! } },
  });

/** A user created straight in the database, with one role and optionally a linked member. */
async function addUser(
  f: TenantFixture,
  username: string,
  role: "LEADER" | "ORG_ADMIN" | "SECRETARY",
  org: string,
  member?: string,
) {
  const id = randomUUID();
  await adminDb().user.create({
    data: {
      tenantId: f.tenantId,
      id,
      username,
      displayName: username,
      passwordHash: "x",
      memberId: member ? f.members[member]! : null,
    },
  });
  const assignment = await adminDb().roleAssignment.create({
    data: { tenantId: f.tenantId, userId: id, role, orgId: f.orgs[org]!.id },
  });
  return { id, assignmentId: assignment.id };
}

describe("assignRole by a college admin", () => {
  it("refuses organizations in another college or at the root, on the orgId field, and writes nothing", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    const before = await roleRows(t.tenantId);
    const audit = await auditCount(t.tenantId);
    for (const org of ["school", "c2", "b21"] as const) {
      for (const role of ["LEADER", "SECRETARY", "ORG_ADMIN"] as const) {
        await expect(
          assignRole(collegeAdmin, { userId: t.users.member!, role, orgId: t.orgs[org]!.id }),
        ).rejects.toMatchObject({
          code: "NOT_FOUND",
          fieldErrors: { orgId: [expect.any(String)] },
        });
      }
    }
    expect(await roleRows(t.tenantId)).toEqual(before);
    expect(await auditCount(t.tenantId)).toBe(audit);
  });

  it("does not reach accounts tied only to the rest of the tenant", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    const inC2 = await addUser(t, "c2-secretary", "SECRETARY", "b21", "b21-0");
    for (const userId of [t.users.inspector!, t.users.admin!, inC2.id]) {
      await expect(
        assignRole(collegeAdmin, { userId, role: "LEADER", orgId: t.orgs.b11!.id }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getUser(collegeAdmin, userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("grants inside the college: stored, audited once, and in force on the next request", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    const audit = await auditCount(t.tenantId);
    const { id } = await assignRole(collegeAdmin, {
      userId: t.users.member!,
      role: "LEADER",
      orgId: t.orgs.b12!.id,
    });
    const row = await adminDb().roleAssignment.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id } },
    });
    expect(row).toMatchObject({
      userId: t.users.member,
      role: "LEADER",
      orgId: t.orgs.b12!.id,
      createdById: t.users.collegeAdmin,
      revokedAt: null,
    });
    expect(await auditCount(t.tenantId)).toBe(audit + 1);
    const event = await adminDb().auditEvent.findFirstOrThrow({
      where: { tenantId: t.tenantId, entityId: id },
    });
    expect(event).toMatchObject({
      action: "role.assign",
      entityType: "RoleAssignment",
      actorUserId: t.users.collegeAdmin,
    });
    const member = await loadActor(t.tenantId, t.users.member!, 1);
    expect(member!.assignments.map((a) => [a.role, a.orgId])).toContainEqual([
      "LEADER",
      t.orgs.b12!.id,
    ]);
  });

  it("refuses a duplicate active role with a field error on role, also when two requests race", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    const input = { userId: t.users.secretary!, role: "LEADER" as const, orgId: t.orgs.c1!.id };
    await assignRole(collegeAdmin, input);
    const audit = await auditCount(t.tenantId);
    await expect(assignRole(collegeAdmin, input)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { role: [expect.any(String)] },
    });
    // The root admin gets the same answer: it is a property of the account, not of the granter.
    await expect(assignRole(await t.actor("admin"), input)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { role: [expect.any(String)] },
    });
    // The same role elsewhere is not a duplicate.
    await assignRole(collegeAdmin, { ...input, orgId: t.orgs.b12!.id });

    // Two concurrent grants of a new role: the user row lock lets exactly one through.
    const race = { userId: t.users.secretary!, role: "MEMBER" as const, orgId: t.orgs.b12!.id };
    const results = await Promise.allSettled([
      assignRole(collegeAdmin, race),
      assignRole(collegeAdmin, race),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "VALIDATION" },
    });

    const active = await adminDb().roleAssignment.count({
      where: {
        tenantId: t.tenantId,
        userId: t.users.secretary!,
        role: "LEADER",
        orgId: t.orgs.c1!.id,
        revokedAt: null,
      },
    });
    expect(active).toBe(1);
    // +1 for the grant at b12, +1 for the race winner; the refusals wrote nothing.
    expect(await auditCount(t.tenantId)).toBe(audit + 2);
  });

  it("grants ORG_ADMIN only over organizations where the granter holds ORG_ADMIN", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    // Outside the college admin's ORG_ADMIN subtree: refused.
    for (const org of ["school", "c2"] as const) {
      await expect(
        assignRole(collegeAdmin, {
          userId: t.users.leader!,
          role: "ORG_ADMIN",
          orgId: t.orgs[org]!.id,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { orgId: [expect.any(String)] } });
    }
    // A leader of the college holds no ORG_ADMIN (nor user.manage) there: refused outright.
    await expect(
      assignRole(await t.actor("leader"), {
        userId: t.users.member!,
        role: "ORG_ADMIN",
        orgId: t.orgs.b11!.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await adminDb().roleAssignment.count({
        where: {
          tenantId: t.tenantId,
          role: "ORG_ADMIN",
          userId: { in: [t.users.leader!, t.users.member!] },
        },
      }),
    ).toBe(0);
    // Inside it: granted.
    const { id } = await assignRole(collegeAdmin, {
      userId: t.users.leader!,
      role: "ORG_ADMIN",
      orgId: t.orgs.b11!.id,
    });
    expect(
      await adminDb().roleAssignment.findUnique({
        where: { tenantId_id: { tenantId: t.tenantId, id } },
      }),
    ).toMatchObject({
      role: "ORG_ADMIN",
      orgId: t.orgs.b11!.id,
    });
  });

  it("refuses a closed organization with a field error on orgId", async () => {
    const id = randomUUID();
    const c1 = t.orgs.c1!;
    await adminDb().organization.create({
      data: {
        tenantId: t.tenantId,
        id,
        parentId: c1.id,
        path: `${c1.path}/${id}`,
        depth: 2,
        name: "已撤销支部",
        code: "USR-ROLES-CLOSED",
        level: "BRANCH",
        kind: "TEACHER",
        validFrom: new Date("2020-01-01"),
        validTo: new Date("2025-01-01"),
      },
    });
    await expect(
      assignRole(await t.actor("collegeAdmin"), {
        userId: t.users.member!,
        role: "SECRETARY",
        orgId: id,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { orgId: [expect.any(String)] } });
    expect(
      await adminDb().roleAssignment.count({ where: { tenantId: t.tenantId, orgId: id } }),
    ).toBe(0);
  });
});

describe("escalation: a college admin and an account with roles beyond the college", () => {
  it("sees a root admin who also holds a role in the college, but may not disable or reset them", async () => {
    // esc's root admin also leads college 1.
    await adminDb().roleAssignment.create({
      data: {
        tenantId: esc.tenantId,
        userId: esc.users.admin!,
        role: "LEADER",
        orgId: esc.orgs.c1!.id,
      },
    });
    const collegeAdmin = await esc.actor("collegeAdmin");

    const listed = await listUsers(collegeAdmin, { q: "admin" });
    const item = listed.items.find((u) => u.id === esc.users.admin);
    expect(item).toBeDefined();
    expect(item!.roles.map((r) => [r.role, r.orgId])).toEqual([["LEADER", esc.orgs.c1!.id]]);
    expect(item!.otherRoleCount).toBe(1);

    const detail = await getUser(collegeAdmin, esc.users.admin!);
    expect(detail.roles.map((r) => r.role)).toEqual(["LEADER"]);
    expect(detail.otherRoleCount).toBe(1);
    expect(detail).toMatchObject({ isSelf: false, fullyCovered: false, canManageAccount: false });
    expect(JSON.stringify(detail)).not.toContain(esc.orgs.school!.id);

    const before = await userRow(esc, "admin");
    const audit = await auditCount(esc.tenantId);
    await expect(
      setUserDisabled(collegeAdmin, { id: esc.users.admin!, disabled: true }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      resetUserPassword(collegeAdmin, { id: esc.users.admin!, password: "taken-over-123" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Nor can the root role itself be touched: it is out of the college admin's scope.
    const rootRole = await adminDb().roleAssignment.findFirstOrThrow({
      where: { tenantId: esc.tenantId, userId: esc.users.admin!, role: "ORG_ADMIN" },
    });
    await expect(revokeRole(collegeAdmin, { id: rootRole.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    expect(await userRow(esc, "admin")).toEqual(before);
    expect(await auditCount(esc.tenantId)).toBe(audit);
    expect(await loadActor(esc.tenantId, esc.users.admin!, before.sessionVersion)).not.toBeNull();
  });

  it("refuses account-wide changes to a user whose linked member belongs to another college", async () => {
    // A LEADER in college 1 who is a member of college 2's branch.
    const straddler = await addUser(esc, "straddler", "LEADER", "c1", "b21-1");
    const collegeAdmin = await esc.actor("collegeAdmin");
    const detail = await getUser(collegeAdmin, straddler.id);
    expect(detail).toMatchObject({
      fullyCovered: false,
      canManageAccount: false,
      member: { orgName: null },
    });
    await expect(
      setUserDisabled(collegeAdmin, { id: straddler.id, disabled: true }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      resetUserPassword(collegeAdmin, { id: straddler.id, password: "taken-over-123" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The root admin covers everyone.
    expect((await getUser(await esc.actor("admin"), straddler.id)).canManageAccount).toBe(true);
  });

  it("lets the college admin disable and reset an account tied only to the college", async () => {
    const collegeAdmin = await esc.actor("collegeAdmin");
    expect((await getUser(collegeAdmin, esc.users.leader!)).canManageAccount).toBe(true);
    await setUserDisabled(collegeAdmin, { id: esc.users.leader!, disabled: true });
    await setUserDisabled(collegeAdmin, { id: esc.users.leader!, disabled: false });
    await resetUserPassword(collegeAdmin, { id: esc.users.secretary!, password: "fresh-secret-1" });
    expect((await userRow(esc, "leader")).disabledAt).toBeNull();
    expect((await userRow(esc, "secretary")).sessionVersion).toBe(2);
  });
});

describe("revokeRole", () => {
  it("refuses to revoke your own last ORG_ADMIN, at the root and in a college", async () => {
    const before = await roleRows(rev.tenantId);
    const audit = await auditCount(rev.tenantId);
    for (const key of ["admin", "collegeAdmin"] as const) {
      const own = before.find((r) => r.userId === rev.users[key] && r.role === "ORG_ADMIN")!;
      await expect(revokeRole(await rev.actor(key), { id: own.id })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }
    expect(await roleRows(rev.tenantId)).toEqual(before);
    expect(await auditCount(rev.tenantId)).toBe(audit);
  });

  it("keeps the row with revokedAt set, takes effect on the next request, and refuses a second revoke", async () => {
    const admin = await rev.actor("admin");
    const assignment = await adminDb().roleAssignment.findFirstOrThrow({
      where: { tenantId: rev.tenantId, userId: rev.users.leader! },
    });
    const total = await adminDb().roleAssignment.count({ where: { tenantId: rev.tenantId } });
    const audit = await auditCount(rev.tenantId);
    const now = new Date("2026-05-04T03:02:01.000Z");

    await revokeRole(admin, { id: assignment.id }, now);
    const row = await adminDb().roleAssignment.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: rev.tenantId, id: assignment.id } },
    });
    expect(row).toEqual({ ...assignment, revokedAt: now });
    expect(await adminDb().roleAssignment.count({ where: { tenantId: rev.tenantId } })).toBe(total);
    expect(await auditCount(rev.tenantId)).toBe(audit + 1);
    const event = await adminDb().auditEvent.findFirstOrThrow({
      where: { tenantId: rev.tenantId, action: "role.revoke", entityId: assignment.id },
    });
    expect(event).toMatchObject({ actorUserId: rev.users.admin, before: { revokedAt: null } });

    expect((await loadActor(rev.tenantId, rev.users.leader!, 1))!.assignments).toEqual([]);
    const detail = await getUser(admin, rev.users.leader!);
    expect(detail.roles).toEqual([]);
    expect(detail.revokedRoles.map((r) => r.id)).toEqual([assignment.id]);

    await expect(
      revokeRole(admin, { id: assignment.id }, new Date("2026-06-01")),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const again = await adminDb().roleAssignment.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: rev.tenantId, id: assignment.id } },
    });
    expect(again.revokedAt).toEqual(now);
    expect(await auditCount(rev.tenantId)).toBe(audit + 1);
  });

  it("lets exactly one of two concurrent revokes of the same row through", async () => {
    const admin = await rev.actor("admin");
    const assignment = await adminDb().roleAssignment.findFirstOrThrow({
      where: { tenantId: rev.tenantId, userId: rev.users.member! },
    });
    const audit = await auditCount(rev.tenantId);
    const results = await Promise.allSettled([
      revokeRole(admin, { id: assignment.id }),
      revokeRole(admin, { id: assignment.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["VALIDATION", "CONFLICT"]).toContain(refused.reason.code);
    expect(await auditCount(rev.tenantId)).toBe(audit + 1);
  });

  it("keeps the tenant's last root ORG_ADMIN, even when its holder has another ORG_ADMIN", async () => {
    const admin = await rev.actor("admin");
    await assignRole(admin, {
      userId: rev.users.admin!,
      role: "ORG_ADMIN",
      orgId: rev.orgs.c2!.id,
    });
    const rootRole = await adminDb().roleAssignment.findFirstOrThrow({
      where: {
        tenantId: rev.tenantId,
        userId: rev.users.admin!,
        role: "ORG_ADMIN",
        orgId: rev.orgs.school!.id,
      },
    });
    const withC2 = (await loadActor(rev.tenantId, rev.users.admin!, 1))!;
    await expect(revokeRole(withC2, { id: rootRole.id })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(
      (
        await adminDb().roleAssignment.findUniqueOrThrow({
          where: { tenantId_id: { tenantId: rev.tenantId, id: rootRole.id } },
        })
      ).revokedAt,
    ).toBeNull();

    // With a second root admin, the first may step down to the college role.
    await addUser(rev, "admin2", "ORG_ADMIN", "school");
    await revokeRole(withC2, { id: rootRole.id });
    const after = (await loadActor(rev.tenantId, rev.users.admin!, 1))!;
    expect(after.assignments.map((a) => [a.role, a.orgId])).toEqual([
      ["ORG_ADMIN", rev.orgs.c2!.id],
    ]);
  });
});
