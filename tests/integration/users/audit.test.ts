import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ChangePasswordInput } from "@/lib/schemas/user";
import type { Actor } from "@/server/authz/actor";
import { assignRole } from "@/server/data/users/assign-role";
import { changeOwnPassword } from "@/server/data/users/change-own-password";
import { createUser } from "@/server/data/users/create-user";
import { listAuditEvents } from "@/server/data/users/list-audit-events";
import { resetUserPassword } from "@/server/data/users/reset-user-password";
import { revokeRole } from "@/server/data/users/revoke-role";
import { setUserDisabled } from "@/server/data/users/set-user-disabled";
import { adminDb } from "../../setup/admin-db";
import {
  createTenantFixture,
  FIXTURE_PASSWORD,
  type TenantFixture,
} from "../../factories/tenant-fixture";

let t: TenantFixture;
let admin: Actor;
beforeAll(async () => {
  t = await createTenantFixture("usr-audit");
  admin = await t.actor("admin");
});

const events = () =>
  adminDb().auditEvent.findMany({
    where: { tenantId: t.tenantId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
const tenantState = async () => ({
  users: await adminDb().user.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
  roles: await adminDb().roleAssignment.findMany({
    where: { tenantId: t.tenantId },
    orderBy: { id: "asc" },
  }),
});

/** Runs `change` and returns the audit events it added. */
async function newEvents(change: () => Promise<unknown>) {
  const before = new Set((await events()).map((e) => e.id));
  await change();
  return (await events()).filter((e) => !before.has(e.id));
}

/** Runs a change that must be refused and checks that it wrote nothing at all. */
async function expectRefusedWithoutTrace(change: () => Promise<unknown>, code: string) {
  const state = await tenantState();
  const added = await newEvents(() => expect(change()).rejects.toMatchObject({ code }));
  expect(added).toEqual([]);
  expect(await tenantState()).toEqual(state);
}

describe("audit events of the user data functions", () => {
  let createdId: string;
  let assignmentId: string;

  it("writes exactly one event for each successful change, naming the actor and the entity", async () => {
    let added = await newEvents(async () => {
      createdId = (
        await createUser(admin, {
          username: "audited",
          displayName: "审计",
          password: "initial-pass-1",
          memberNumber: null,
        })
      ).id;
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "user.create",
      entityType: "User",
      entityId: createdId,
      actorUserId: t.users.admin,
    });
    expect(added[0]!.after).toMatchObject({
      username: "audited",
      displayName: "审计",
      memberId: null,
    });

    added = await newEvents(async () => {
      assignmentId = (
        await assignRole(admin, { userId: createdId, role: "LEADER", orgId: t.orgs.c2!.id })
      ).id;
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "role.assign",
      entityType: "RoleAssignment",
      entityId: assignmentId,
    });
    expect(added[0]!.after).toMatchObject({
      userId: createdId,
      role: "LEADER",
      orgId: t.orgs.c2!.id,
    });

    added = await newEvents(() => setUserDisabled(admin, { id: createdId, disabled: true }));
    expect(added.map((e) => [e.action, e.entityId])).toEqual([["user.disable", createdId]]);
    expect(added[0]!.before).toEqual({ disabledAt: null });

    added = await newEvents(() => setUserDisabled(admin, { id: createdId, disabled: false }));
    expect(added.map((e) => [e.action, e.entityId])).toEqual([["user.enable", createdId]]);
    expect(added[0]!.after).toEqual({ disabledAt: null });

    added = await newEvents(() =>
      resetUserPassword(admin, { id: createdId, password: "reset-pass-12" }),
    );
    expect(added.map((e) => [e.action, e.entityId])).toEqual([["user.reset_password", createdId]]);

    added = await newEvents(() => revokeRole(admin, { id: assignmentId }));
    expect(added.map((e) => [e.action, e.entityId])).toEqual([["role.revoke", assignmentId]]);

    const member = await t.actor("member");
    const next = "member-new-pass-1";
    added = await newEvents(() =>
      changeOwnPassword(
        member,
        ChangePasswordInput.parse({ current: FIXTURE_PASSWORD, next, confirm: next }),
      ),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "user.change_password",
      entityId: t.users.member,
      actorUserId: t.users.member,
    });
  });

  it("writes nothing for a refused change (a wrong current password excepted: that attempt is audited)", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    const secretary = await t.actor("secretary");
    await expectRefusedWithoutTrace(
      () =>
        createUser(admin, {
          username: "AUDITED",
          displayName: "x",
          password: "initial-pass-1",
          memberNumber: null,
        }),
      "VALIDATION",
    );
    await expectRefusedWithoutTrace(
      () =>
        createUser(collegeAdmin, {
          username: "no-member",
          displayName: "x",
          password: "initial-pass-1",
          memberNumber: null,
        }),
      "VALIDATION",
    );
    await expectRefusedWithoutTrace(
      () => assignRole(admin, { userId: t.users.leader!, role: "LEADER", orgId: t.orgs.c1!.id }),
      "VALIDATION",
    );
    await expectRefusedWithoutTrace(
      () =>
        assignRole(collegeAdmin, { userId: t.users.leader!, role: "LEADER", orgId: t.orgs.c2!.id }),
      "NOT_FOUND",
    );
    await expectRefusedWithoutTrace(
      () =>
        assignRole(secretary, { userId: t.users.member!, role: "LEADER", orgId: t.orgs.b11!.id }),
      "FORBIDDEN",
    );
    await expectRefusedWithoutTrace(
      () => setUserDisabled(admin, { id: t.users.admin!, disabled: true }),
      "VALIDATION",
    );
    await expectRefusedWithoutTrace(
      () => setUserDisabled(collegeAdmin, { id: t.users.admin!, disabled: true }),
      "NOT_FOUND",
    );
    await expectRefusedWithoutTrace(
      () => resetUserPassword(admin, { id: t.users.admin!, password: "reset-pass-12" }),
      "VALIDATION",
    );
    await expectRefusedWithoutTrace(() => revokeRole(admin, { id: assignmentId }), "VALIDATION");
    const ownRole = await adminDb().roleAssignment.findFirstOrThrow({
      where: { tenantId: t.tenantId, userId: t.users.admin!, role: "ORG_ADMIN" },
    });
    await expectRefusedWithoutTrace(() => revokeRole(admin, { id: ownRole.id }), "VALIDATION");

    // The wrong current password: refused, and exactly one event records the attempt.
    const inspector = await t.actor("inspector");
    const state = await tenantState();
    const added = await newEvents(() =>
      expect(
        changeOwnPassword(
          inspector,
          ChangePasswordInput.parse({
            current: "wrong-password",
            next: "whatever-pass-1",
            confirm: "whatever-pass-1",
          }),
        ),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { current: [expect.any(String)] },
      }),
    );
    expect(added.map((e) => [e.action, e.entityId, e.actorUserId])).toEqual([
      ["user.change_password_failed", t.users.inspector, t.users.inspector],
    ]);
    expect(await tenantState()).toEqual(state);
  });

  describe("when the audit event cannot be written", () => {
    // A trigger makes every audit insert fail. If a change and its event share one transaction,
    // the change must be rolled back with it.
    const install = () =>
      adminDb().$transaction([
        adminDb().$executeRawUnsafe(
          `CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'audit write refused by the test'; END $$`,
        ),
        adminDb().$executeRawUnsafe(
          `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`,
        ),
      ]);
    afterEach(async () => {
      await adminDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_audit ON "AuditEvent"`);
    });

    it("rolls back every change together with its event", async () => {
      const leader = await t.actor("leader");
      const leaderRole = await adminDb().roleAssignment.findFirstOrThrow({
        where: { tenantId: t.tenantId, userId: t.users.leader! },
      });
      const state = await tenantState();
      const count = (await events()).length;
      await install();
      const attempts: [string, () => Promise<unknown>][] = [
        [
          "createUser",
          () =>
            createUser(admin, {
              username: "rolled-back",
              displayName: "x",
              password: "initial-pass-1",
              memberNumber: null,
            }),
        ],
        [
          "assignRole",
          () =>
            assignRole(admin, {
              userId: t.users.leader!,
              role: "SECRETARY",
              orgId: t.orgs.b12!.id,
            }),
        ],
        ["revokeRole", () => revokeRole(admin, { id: leaderRole.id })],
        ["setUserDisabled", () => setUserDisabled(admin, { id: t.users.leader!, disabled: true })],
        [
          "resetUserPassword",
          () => resetUserPassword(admin, { id: t.users.leader!, password: "reset-pass-12" }),
        ],
        [
          "changeOwnPassword",
          () =>
            changeOwnPassword(
              leader,
              ChangePasswordInput.parse({
                current: FIXTURE_PASSWORD,
                next: "leader-new-pass-1",
                confirm: "leader-new-pass-1",
              }),
            ),
        ],
      ];
      for (const [label, attempt] of attempts) {
        const outcome = await attempt().then(
          () => "committed",
          (error: unknown) =>
            String((error as Error).message).includes("audit write refused")
              ? "rolled back"
              : String(error),
        );
        expect({ label, outcome }).toEqual({ label, outcome: "rolled back" });
      }
      expect(await tenantState()).toEqual(state);
      expect(await events()).toHaveLength(count);
    });
  });

  it("never stores or returns a password hash in an event", async () => {
    const all = await events();
    expect(all.length).toBeGreaterThanOrEqual(8);
    const hashes = (
      await adminDb().user.findMany({
        where: { tenantId: t.tenantId },
        select: { passwordHash: true },
      })
    ).map((u) => u.passwordHash);
    for (const event of all) {
      const payload = JSON.stringify({ before: event.before, after: event.after });
      expect(payload, event.action).not.toContain("$2");
      expect(payload, event.action).not.toMatch(/passwordHash/i);
      for (const hash of hashes) expect(payload, event.action).not.toContain(hash);
      // Nor a plain password the tests used.
      for (const secret of [
        FIXTURE_PASSWORD,
        "initial-pass-1",
        "reset-pass-12",
        "member-new-pass-1",
        "wrong-password",
      ]) {
        expect(payload, event.action).not.toContain(secret);
      }
    }
    const listed = await listAuditEvents(admin, {});
    const text = JSON.stringify(listed.items);
    expect(text).not.toContain("$2");
    expect(text).not.toMatch(/passwordHash/i);
  });
});
