import { addMinutes } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyLogin } from "@/server/auth/verify-login";
import { loadActor } from "@/server/auth/load-actor";
import { adminDb } from "../../setup/admin-db";
import {
  createTenantFixture,
  FIXTURE_PASSWORD,
  type TenantFixture,
} from "../../factories/tenant-fixture";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("login-a");
  b = await createTenantFixture("login-b");
});

describe("login", () => {
  it("accepts the right school, username and password", async () => {
    const result = await verifyLogin({
      school: a.slug,
      username: "admin",
      password: FIXTURE_PASSWORD,
    });
    expect(result).toMatchObject({ ok: true, tenantId: a.tenantId, userId: a.users.admin });
  });

  it("does not let a username of one school log in under another school's code", async () => {
    const result = await verifyLogin({
      school: a.slug,
      username: "admin",
      password: "wrong-password",
    });
    expect(result).toEqual({ ok: false, reason: "INVALID" });
    const viaOther = await verifyLogin({
      school: b.slug,
      username: "admin",
      password: FIXTURE_PASSWORD,
    });
    expect(viaOther).toMatchObject({ ok: true, tenantId: b.tenantId, userId: b.users.admin });
  });

  it("locks an account after 10 failures within 15 minutes, then lets it in after 15 more", async () => {
    const start = new Date("2026-11-21T02:00:00Z");
    for (let i = 0; i < 9; i++) {
      const r = await verifyLogin(
        { school: a.slug, username: "inspector", password: "nope" },
        addMinutes(start, i),
      );
      expect(r).toEqual({ ok: false, reason: "INVALID" });
    }
    const tenth = await verifyLogin(
      { school: a.slug, username: "inspector", password: "nope" },
      addMinutes(start, 9),
    );
    expect(tenth).toMatchObject({ ok: false, reason: "LOCKED" });
    // Even the right password is refused while locked.
    const locked = await verifyLogin(
      { school: a.slug, username: "inspector", password: FIXTURE_PASSWORD },
      addMinutes(start, 10),
    );
    expect(locked).toMatchObject({ ok: false, reason: "LOCKED" });
    const later = await verifyLogin(
      { school: a.slug, username: "inspector", password: FIXTURE_PASSWORD },
      addMinutes(start, 25),
    );
    expect(later).toMatchObject({ ok: true });
    const events = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, entityId: a.users.inspector, action: "auth.account_locked" },
    });
    expect(events).toHaveLength(1);
  });

  it("does not lock when failures are spread beyond the 15-minute window", async () => {
    const start = new Date("2026-11-21T05:00:00Z");
    for (const offset of [0, 1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23, 24, 25, 26, 27, 28]) {
      const r = await verifyLogin(
        { school: a.slug, username: "leader", password: "nope" },
        addMinutes(start, offset),
      );
      expect({ offset, r }).toEqual({ offset, r: { ok: false, reason: "INVALID" } });
    }
  });

  it("cuts off a disabled user at once: login refused and the existing session no longer loads", async () => {
    expect(await loadActor(a.tenantId, a.users.member!, 1)).not.toBeNull();
    await adminDb().user.update({
      where: { tenantId_id: { tenantId: a.tenantId, id: a.users.member! } },
      data: { disabledAt: new Date() },
    });
    expect(await loadActor(a.tenantId, a.users.member!, 1)).toBeNull();
    const r = await verifyLogin({ school: a.slug, username: "member", password: FIXTURE_PASSWORD });
    expect(r).toEqual({ ok: false, reason: "DISABLED" });
  });

  it("refuses a session whose version predates a password change", async () => {
    expect(await loadActor(a.tenantId, a.users.secretary!, 1)).not.toBeNull();
    await adminDb().user.update({
      where: { tenantId_id: { tenantId: a.tenantId, id: a.users.secretary! } },
      data: { sessionVersion: 2 },
    });
    expect(await loadActor(a.tenantId, a.users.secretary!, 1)).toBeNull();
    expect(await loadActor(a.tenantId, a.users.secretary!, 2)).not.toBeNull();
  });

  it("cannot load a user of one tenant under another tenant's id", async () => {
    expect(await loadActor(b.tenantId, a.users.admin!, 1)).toBeNull();
  });
});
