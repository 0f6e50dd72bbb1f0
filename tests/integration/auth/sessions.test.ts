import { addMinutes, addSeconds } from "date-fns";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);
// Success messages come from next-intl's request config, which needs Next's server runtime.
vi.mock("next-intl/server", () => ({
  getTranslations: async () => (key: string) => key,
}));

import { authOptions } from "@/server/auth/auth-options";
import { getActor, requirePagePermission } from "@/server/auth/get-actor";
import { loadSessionActor } from "@/server/auth/load-actor";
import { SESSION_IDLE_MINUTES, SESSION_MAX_AGE_SECONDS } from "@/server/auth/sessions";
import { verifyLogin } from "@/server/auth/verify-login";
import { changePasswordAction } from "@/server/actions/account/change-password-action";
import { endSessionAction } from "@/server/actions/account/end-session-action";
import { listOwnSessions } from "@/server/auth/sessions";
import { resetUserPasswordAction } from "@/server/actions/users/reset-user-password-action";
import { setUserDisabledAction } from "@/server/actions/users/set-user-disabled-action";
import { initialActionResult } from "@/lib/action-result";
import { adminDb } from "../../setup/admin-db";
import { form, signInAs, setSessionCookie } from "../../setup/action-context";
import {
  createTenantFixture,
  FIXTURE_PASSWORD,
  type TenantFixture,
} from "../../factories/tenant-fixture";

let t: TenantFixture;
beforeAll(async () => {
  t = await createTenantFixture("sessions");
});

async function login(username: string, password = FIXTURE_PASSWORD, now?: Date) {
  const result = await verifyLogin(
    {
      school: t.slug,
      username,
      password,
      client: { userAgent: "Mozilla/5.0 test", ipAddress: "10.0.0.7" },
    },
    now,
  );
  if (!result.ok) throw new Error(`login failed: ${result.reason}`);
  return result;
}

const sessionRow = (id: string) =>
  adminDb().userSession.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id } } });
const events = (action: string, entityId?: string) =>
  adminDb().auditEvent.findMany({
    where: { tenantId: t.tenantId, action, ...(entityId ? { entityId } : {}) },
  });
const token = (r: {
  tenantId: string;
  userId: string;
  sessionId: string;
  sessionVersion: number;
}) => ({
  tid: r.tenantId,
  uid: r.userId,
  sid: r.sessionId,
  sv: r.sessionVersion,
});

describe("server-side sessions", () => {
  it("a login opens a session with the client summary, named in the audit event", async () => {
    const r = await login("inspector");
    const row = await sessionRow(r.sessionId);
    expect(row).toMatchObject({
      userId: t.users.inspector,
      userAgent: "Mozilla/5.0 test",
      ipAddress: "10.0.0.7",
      revokedAt: null,
    });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_MAX_AGE_SECONDS * 1000);
    const logins = await events("auth.login", t.users.inspector);
    expect(logins.some((e) => (e.after as { sessionId?: string }).sessionId === r.sessionId)).toBe(
      true,
    );
  });

  it("logout ends the session: the same cookie, replayed afterwards, loads no one", async () => {
    const r = await login("leader");
    await setSessionCookie(r);
    expect((await getActor())?.userId).toBe(t.users.leader);

    // What next-auth calls when the browser posts to /api/auth/signout.
    await authOptions.events!.signOut!({ token: token(r) as never, session: null as never });

    await setSessionCookie(r); // the copied cookie
    expect(await getActor()).toBeNull();
    expect(await sessionRow(r.sessionId)).toMatchObject({ revokeReason: "logout" });
    expect(await events("auth.logout", r.sessionId)).toHaveLength(1);
    // A second logout with the same cookie records nothing more.
    await authOptions.events!.signOut!({ token: token(r) as never, session: null as never });
    expect(await events("auth.logout", r.sessionId)).toHaveLength(1);
  });

  it("refuses a cookie without a session id, or naming another user's session", async () => {
    const mine = await login("secretary");
    const theirs = await login("inspector");
    await setSessionCookie({ ...mine, sessionId: theirs.sessionId });
    expect(await getActor()).toBeNull();
    await setSessionCookie({ ...mine, sessionId: "00000000-0000-7000-8000-000000000000" });
    expect(await getActor()).toBeNull();
    await setSessionCookie(mine);
    expect((await getActor())?.userId).toBe(t.users.secretary);
  });

  it("ends a session idle for longer than the idle timeout, once, and keeps an active one alive", async () => {
    const start = new Date();
    const r = await login("member", FIXTURE_PASSWORD, start);
    // Active every 20 minutes for an hour: still alive.
    for (const minutes of [20, 40, 60]) {
      const { actor } = await loadSessionActor(token(r), addMinutes(start, minutes));
      expect(actor?.userId, `after ${minutes} min`).toBe(t.users.member);
    }
    expect((await sessionRow(r.sessionId)).lastSeenAt).toEqual(addMinutes(start, 60));

    const idleAt = addMinutes(start, 60 + SESSION_IDLE_MINUTES + 1);
    const idle = await loadSessionActor(token(r), idleAt);
    expect(idle).toEqual({ actor: null, session: { ok: false, reason: "idle" } });
    expect(await sessionRow(r.sessionId)).toMatchObject({
      revokeReason: "idle",
      revokedAt: idleAt,
    });
    const again = await loadSessionActor(token(r), addMinutes(idleAt, 1));
    expect(again.session).toEqual({ ok: false, reason: "revoked" });
    expect(await events("auth.session_expired", r.sessionId)).toHaveLength(1);
  });

  it("ends even an active session at its absolute end", async () => {
    const start = new Date();
    const r = await login("member", FIXTURE_PASSWORD, start);
    let at = start;
    while (at < addSeconds(start, SESSION_MAX_AGE_SECONDS - 20 * 60)) {
      at = addMinutes(at, 20);
      expect((await loadSessionActor(token(r), at)).actor).not.toBeNull();
    }
    const end = await loadSessionActor(token(r), addSeconds(start, SESSION_MAX_AGE_SECONDS));
    expect(end.session).toEqual({ ok: false, reason: "expired" });
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const start = new Date();
    const r = await login("admin", FIXTURE_PASSWORD, start);
    await loadSessionActor(token(r), addSeconds(start, 30));
    expect((await sessionRow(r.sessionId)).lastSeenAt).toEqual(start);
    await loadSessionActor(token(r), addSeconds(start, 61));
    expect((await sessionRow(r.sessionId)).lastSeenAt).toEqual(addSeconds(start, 61));
  });

  it("a password change ends every session of the user, including ones with a fresh version", async () => {
    const here = await login("collegeAdmin");
    const elsewhere = await login("collegeAdmin");
    await setSessionCookie(here);
    const result = await changePasswordAction(
      initialActionResult as never,
      form({ current: FIXTURE_PASSWORD, next: "new-password-42", confirm: "new-password-42" }),
    );
    expect(result).toMatchObject({ ok: true });
    for (const s of [here, elsewhere]) {
      expect(await sessionRow(s.sessionId)).toMatchObject({ revokeReason: "password_changed" });
      // Even a cookie carrying the new session version is refused: the session itself is over.
      await setSessionCookie({ ...s, sessionVersion: s.sessionVersion + 1 });
      expect(await getActor()).toBeNull();
    }
    const revoked = await events("auth.sessions_revoked", t.users.collegeAdmin);
    expect(revoked.map((e) => e.after)).toContainEqual({ reason: "password_changed", count: 2 });
    // A new login works and opens a live session.
    const fresh = await login("collegeAdmin", "new-password-42");
    await setSessionCookie(fresh);
    expect((await getActor())?.userId).toBe(t.users.collegeAdmin);
  });

  it("an administrator's password reset or disabling ends all the user's sessions", async () => {
    const a = await login("leader");
    const b = await login("leader");
    await signInAs({ tenantId: t.tenantId, userId: t.users.admin! });
    const reset = await resetUserPasswordAction(
      initialActionResult as never,
      form({ id: t.users.leader!, password: "reset-password-77", confirm: "reset-password-77" }),
    );
    expect(reset).toMatchObject({ ok: true });
    for (const s of [a, b])
      expect(await sessionRow(s.sessionId)).toMatchObject({ revokeReason: "password_reset" });

    const c = await login("leader", "reset-password-77");
    await signInAs({ tenantId: t.tenantId, userId: t.users.admin! });
    const disabled = await setUserDisabledAction(
      initialActionResult as never,
      form({ id: t.users.leader!, disabled: "true" }),
    );
    expect(disabled).toMatchObject({ ok: true });
    expect(await sessionRow(c.sessionId)).toMatchObject({ revokeReason: "disabled" });
    await setSessionCookie(c);
    expect(await getActor()).toBeNull();
  });
});

describe("the user's own sessions", () => {
  it("lists the live ones and ends another browser's session, never someone else's", async () => {
    const laptop = await login("inspector");
    const phone = await login("inspector");
    const others = await login("secretary");
    await setSessionCookie(laptop);
    const actor = (await getActor())!;
    const listed = await listOwnSessions(actor);
    expect(listed.find((s) => s.id === laptop.sessionId)?.current).toBe(true);
    expect(listed.find((s) => s.id === phone.sessionId)).toMatchObject({
      current: false,
      userAgent: "Mozilla/5.0 test",
      ipAddress: "10.0.0.7",
    });
    expect(listed.some((s) => s.id === others.sessionId)).toBe(false);

    // Someone else's session reads as not found and stays live.
    const refused = await endSessionAction(undefined, form({ id: others.sessionId }));
    expect(refused).toMatchObject({ ok: false });
    expect((await sessionRow(others.sessionId)).revokedAt).toBeNull();

    const ended = await endSessionAction(undefined, form({ id: phone.sessionId }));
    expect(ended).toMatchObject({ ok: true });
    expect(await sessionRow(phone.sessionId)).toMatchObject({ revokeReason: "ended_by_user" });
    expect(await events("auth.session_revoked", phone.sessionId)).toHaveLength(1);
    await setSessionCookie(phone);
    expect(await getActor()).toBeNull();
    await setSessionCookie(laptop);
    expect((await getActor())?.userId).toBe(t.users.inspector);
  });
});

describe("authorization failures are audited", () => {
  it("an action refused for lack of permission leaves one authz.forbidden event by the caller", async () => {
    await signInAs({ tenantId: t.tenantId, userId: t.users.member! });
    const before = await events("authz.forbidden");
    const result = await setUserDisabledAction(
      initialActionResult as never,
      form({ id: t.users.inspector!, disabled: "true" }),
    );
    expect(result).toMatchObject({ ok: false });
    const after = await events("authz.forbidden");
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorUserId: t.users.member, entityType: "Permission" });
    // Nothing else was written: the inspector is still enabled.
    const inspector = await adminDb().user.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id: t.users.inspector! } },
    });
    expect(inspector.disabledAt).toBeNull();
  });

  it("a page refused for lack of permission leaves an authz.page_denied event", async () => {
    await signInAs({ tenantId: t.tenantId, userId: t.users.member! });
    await expect(requirePagePermission("user.manage")).rejects.toThrow();
    const denied = await events("authz.page_denied", "user.manage");
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorUserId: t.users.member });
  });
});
