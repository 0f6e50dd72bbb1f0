import { beforeAll, describe, expect, it } from "vitest";
import { ChangePasswordInput } from "@/lib/schemas/user";
import { loadActor } from "@/server/auth/load-actor";
import { verifyLogin } from "@/server/auth/verify-login";
import { changeOwnPassword } from "@/server/data/users/change-own-password";
import { createUser } from "@/server/data/users/create-user";
import { getUser } from "@/server/data/users/get-user";
import { listUsers } from "@/server/data/users/list-users";
import { resetUserPassword } from "@/server/data/users/reset-user-password";
import { setUserDisabled } from "@/server/data/users/set-user-disabled";
import { adminDb } from "../../setup/admin-db";
import {
  createTenantFixture,
  FIXTURE_PASSWORD,
  type TenantFixture,
} from "../../factories/tenant-fixture";

let t: TenantFixture;
let other: TenantFixture;
beforeAll(async () => {
  t = await createTenantFixture("usr-acc");
  other = await createTenantFixture("usr-acc-other");
});

const userRow = (id: string) =>
  adminDb().user.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id } } });
const auditCount = () => adminDb().auditEvent.count({ where: { tenantId: t.tenantId } });
const login = (username: string, password: string) =>
  verifyLogin({ school: t.slug, username, password });
const changeInput = (current: string, next: string) =>
  ChangePasswordInput.parse({ current, next, confirm: next });

describe("setUserDisabled", () => {
  it("ends the account's sessions at once, and re-enabling does not revive the old session version", async () => {
    const admin = await t.actor("admin");
    const id = t.users.member!;
    expect(await loadActor(t.tenantId, id, 1)).not.toBeNull();

    await setUserDisabled(admin, { id, disabled: true });
    const disabled = await userRow(id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.sessionVersion).toBe(2);
    expect(await loadActor(t.tenantId, id, 1)).toBeNull();
    expect(await loadActor(t.tenantId, id, 2)).toBeNull(); // disabled: no session at all
    expect(await login("member", FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "DISABLED" });

    await setUserDisabled(admin, { id, disabled: false });
    const enabled = await userRow(id);
    expect(enabled.disabledAt).toBeNull();
    expect(enabled.sessionVersion).toBe(2);
    expect(await loadActor(t.tenantId, id, 1)).toBeNull(); // the old session stays dead
    expect(await loadActor(t.tenantId, id, 2)).not.toBeNull();
    expect(await login("member", FIXTURE_PASSWORD)).toMatchObject({ ok: true, sessionVersion: 2 });

    const events = await adminDb().auditEvent.findMany({
      where: {
        tenantId: t.tenantId,
        entityId: id,
        action: { in: ["user.disable", "user.enable"] },
      },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("refuses to disable yourself, at the root and in a college", async () => {
    const audit = await auditCount();
    for (const key of ["admin", "collegeAdmin"] as const) {
      await expect(
        setUserDisabled(await t.actor(key), { id: t.users[key]!, disabled: true }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
      });
      expect((await userRow(t.users[key]!)).disabledAt).toBeNull();
      expect(await loadActor(t.tenantId, t.users[key]!, 1)).not.toBeNull();
    }
    expect(await auditCount()).toBe(audit);
  });

  it("writes nothing when the account is already in the requested state", async () => {
    const audit = await auditCount();
    const before = await userRow(t.users.inspector!);
    await setUserDisabled(await t.actor("admin"), { id: t.users.inspector!, disabled: false });
    expect(await userRow(t.users.inspector!)).toEqual(before);
    expect(await auditCount()).toBe(audit);
  });
});

describe("resetUserPassword", () => {
  it("sets the new password, ends the old sessions and lifts a lockout", async () => {
    const id = t.users.secretary!;
    await adminDb().user.update({
      where: { tenantId_id: { tenantId: t.tenantId, id } },
      data: { lockedUntil: new Date(Date.now() + 10 * 60_000), failedLoginCount: 0 },
    });
    const before = await userRow(id);
    const now = new Date("2026-04-01T08:00:00.000Z");
    await resetUserPassword(await t.actor("admin"), { id, password: "brand-new-pass-1" }, now);

    const after = await userRow(id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordChangedAt).toEqual(now);
    expect(after.lockedUntil).toBeNull();
    expect(await loadActor(t.tenantId, id, before.sessionVersion)).toBeNull();
    expect(await loadActor(t.tenantId, id, after.sessionVersion)).not.toBeNull();
    expect(await login("secretary", FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
    expect(await login("secretary", "brand-new-pass-1")).toMatchObject({
      ok: true,
      sessionVersion: after.sessionVersion,
    });

    const event = await adminDb().auditEvent.findFirstOrThrow({
      where: { tenantId: t.tenantId, action: "user.reset_password", entityId: id },
    });
    expect(event.after).toMatchObject({ sessionsEnded: true, lockCleared: true });
  });

  it("refuses to reset your own password (that needs the current one)", async () => {
    const before = await userRow(t.users.admin!);
    const audit = await auditCount();
    await expect(
      resetUserPassword(await t.actor("admin"), {
        id: t.users.admin!,
        password: "brand-new-pass-2",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await userRow(t.users.admin!)).toEqual(before);
    expect(await auditCount()).toBe(audit);
  });
});

describe("changeOwnPassword", () => {
  it("changes the password and ends every session of the account, the caller's own included", async () => {
    const id = t.users.leader!;
    const leader = await t.actor("leader");
    const before = await userRow(id);
    await changeOwnPassword(leader, changeInput(FIXTURE_PASSWORD, "my-new-password-9"));

    const after = await userRow(id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordChangedAt).not.toBeNull();
    expect(await loadActor(t.tenantId, id, before.sessionVersion)).toBeNull();
    expect(await login("leader", FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
    expect(await login("leader", "my-new-password-9")).toMatchObject({
      ok: true,
      userId: id,
      sessionVersion: after.sessionVersion,
    });
    expect(
      await adminDb().auditEvent.count({
        where: { tenantId: t.tenantId, entityId: id, action: "user.change_password" },
      }),
    ).toBe(1);
  });

  it("refuses a wrong current password on the `current` field, changes nothing and audits the attempt", async () => {
    const id = t.users.inspector!;
    const inspector = await t.actor("inspector");
    const before = await userRow(id);
    await expect(
      changeOwnPassword(inspector, changeInput("not-my-password", "my-new-password-9")),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { current: [expect.any(String)] },
    });
    expect(await userRow(id)).toEqual(before);
    expect(await loadActor(t.tenantId, id, before.sessionVersion)).not.toBeNull();
    expect(await login("inspector", FIXTURE_PASSWORD)).toMatchObject({ ok: true });
    const failed = await adminDb().auditEvent.findMany({
      where: { tenantId: t.tenantId, entityId: id, action: "user.change_password_failed" },
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actorUserId: id,
      after: { reason: "wrong_current_password" },
    });
    expect(JSON.stringify(failed[0])).not.toContain("not-my-password");
  });

  it("refuses a session of a disabled account", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    await adminDb().user.update({
      where: { tenantId_id: { tenantId: t.tenantId, id: t.users.collegeAdmin! } },
      data: { disabledAt: new Date() },
    });
    await expect(
      changeOwnPassword(collegeAdmin, changeInput(FIXTURE_PASSWORD, "my-new-password-9")),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await adminDb().user.update({
      where: { tenantId_id: { tenantId: t.tenantId, id: t.users.collegeAdmin! } },
      data: { disabledAt: null },
    });
  });
});

describe("createUser", () => {
  it("refuses a username that differs from an existing one only in case, on the username field", async () => {
    const admin = await t.actor("admin");
    for (const username of ["admin", "ADMIN", "Leader", "sEcReTaRy"]) {
      await expect(
        createUser(admin, {
          username,
          displayName: "x",
          password: "some-password-1",
          memberNumber: null,
        }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { username: [expect.any(String)] },
      });
    }
    const { id } = await createUser(admin, {
      username: "Zhang.San",
      displayName: "张三",
      password: "some-password-1",
      memberNumber: null,
    });
    expect(await userRow(id)).toMatchObject({
      username: "Zhang.San",
      memberId: null,
      disabledAt: null,
    });
    await expect(
      createUser(admin, {
        username: "zhang.san",
        displayName: "x",
        password: "some-password-1",
        memberNumber: null,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { username: [expect.any(String)] },
    });
    // Another tenant's usernames do not clash.
    expect(
      await adminDb().user.count({ where: { tenantId: other.tenantId, username: "admin" } }),
    ).toBe(1);
  });

  it("keeps usernames unique without regard to case when two creates race", async () => {
    const admin = await t.actor("admin");
    const db = adminDb();
    const blockedInserts = async () => {
      const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO %"User"%'`;
      return rows[0]!.n;
    };
    let attempts!: Promise<PromiseSettledResult<{ id: string }>[]>;
    // Hold back inserts into "User" (reads go on) until both creates have checked the name, so
    // the two transactions overlap the way two simultaneous form submits can.
    await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`LOCK TABLE "User" IN SHARE MODE`);
        attempts = Promise.allSettled([
          createUser(admin, {
            username: "Race.Case",
            displayName: "一",
            password: "some-password-1",
            memberNumber: null,
          }),
          createUser(admin, {
            username: "race.CASE",
            displayName: "二",
            password: "some-password-1",
            memberNumber: null,
          }),
        ]);
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline && (await blockedInserts()) < 2)
          await new Promise((r) => setTimeout(r, 25));
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    const results = await attempts;
    const stored = await adminDb().user.findMany({
      where: { tenantId: t.tenantId, username: { equals: "race.case", mode: "insensitive" } },
      select: { username: true },
    });
    expect(stored.map((u) => u.username)).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "VALIDATION", fieldErrors: { username: [expect.any(String)] } },
    });
  });

  it("makes a college admin link a current member of their own college", async () => {
    const collegeAdmin = await t.actor("collegeAdmin");
    const base = { displayName: "新账号", password: "some-password-1" };
    const count = await adminDb().user.count({ where: { tenantId: t.tenantId } });
    const number = (f: TenantFixture, key: string) => `${f.slug}-${key}`.toUpperCase();

    // No member at all.
    await expect(
      createUser(collegeAdmin, { ...base, username: "c1-nobody", memberNumber: null }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { memberNumber: [expect.any(String)] },
    });
    // A member of college 2, of another tenant, a member who already has an account, an unknown number.
    for (const memberNumber of [
      number(t, "b21-0"),
      number(other, "b12-0"),
      number(t, "b11-0"),
      "NO-SUCH-NUMBER",
    ]) {
      await expect(
        createUser(collegeAdmin, { ...base, username: "c1-new", memberNumber }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { memberNumber: [expect.any(String)] },
      });
    }
    expect(await adminDb().user.count({ where: { tenantId: t.tenantId } })).toBe(count);

    // A member of college 1 without an account: created, linked, and within the creator's scope at once.
    const { id } = await createUser(collegeAdmin, {
      ...base,
      username: "c1-new",
      memberNumber: number(t, "b12-0"),
    });
    expect((await userRow(id)).memberId).toBe(t.members["b12-0"]);
    const detail = await getUser(collegeAdmin, id);
    expect(detail).toMatchObject({
      fullyCovered: true,
      canManageAccount: true,
      member: { number: number(t, "b12-0") },
    });
    expect((await listUsers(collegeAdmin, { q: "c1-new" })).items.map((u) => u.id)).toEqual([id]);
    // The new account logs in with its initial password.
    expect(await login("c1-new", "some-password-1")).toMatchObject({ ok: true, userId: id });

    // The same member cannot get a second account.
    await expect(
      createUser(collegeAdmin, { ...base, username: "c1-new-2", memberNumber: number(t, "b12-0") }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { memberNumber: [expect.any(String)] },
    });
  });
});
