import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyLogin } from "@/server/auth/verify-login";
import type { Actor } from "@/server/authz/actor";
import { assignRole } from "@/server/data/users/assign-role";
import { createUser } from "@/server/data/users/create-user";
import { getUser } from "@/server/data/users/get-user";
import { listAuditEvents } from "@/server/data/users/list-audit-events";
import { listUsers } from "@/server/data/users/list-users";
import { resetUserPassword } from "@/server/data/users/reset-user-password";
import { revokeRole } from "@/server/data/users/revoke-role";
import { setUserDisabled } from "@/server/data/users/set-user-disabled";
import { isAppError } from "@/server/errors";
import { adminDb } from "../../setup/admin-db";
import {
  createTenantFixture,
  FIXTURE_PASSWORD,
  type TenantFixture,
} from "../../factories/tenant-fixture";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("usr-iso-a");
  b = await createTenantFixture("usr-iso-b");
});

const ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"] as const;
/** Only ORG_ADMIN holds user.manage: the others are refused before any id is looked at. */
const MANAGERS = new Set<string>(["admin", "collegeAdmin"]);
const AUDIT_READERS = new Set<string>(["admin", "collegeAdmin", "inspector"]);

const snapshot = async (tenantId: string) => ({
  users: await adminDb().user.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
  roles: await adminDb().roleAssignment.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
  audit: await adminDb().auditEvent.count({ where: { tenantId } }),
});

/** Runs `fn` and returns the AppError code it rejects with (fails the test if it resolves). */
async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return error.code;
    const e = error as { name?: string; code?: unknown };
    return `not an AppError: ${e.name ?? typeof error} ${String(e.code ?? "")}`.trim();
  }
  return "RESOLVED";
}

/** Every page of listUsers. */
async function allListedUsers(actor: Actor) {
  const first = await listUsers(actor, {});
  const items = [...first.items];
  for (let page = 2; page <= first.pages; page++)
    items.push(...(await listUsers(actor, { page })).items);
  return { total: first.total, items };
}

/** Every page of listAuditEvents. */
async function allListedEvents(actor: Actor) {
  const first = await listAuditEvents(actor, {});
  const items = [...first.items];
  for (let page = 2; page <= first.pages; page++)
    items.push(...(await listAuditEvents(actor, { page })).items);
  return { first, items };
}

describe("user data functions: tenant isolation", () => {
  it("refuses every role of tenant A on tenant B's users and role assignments, and leaves B unchanged", async () => {
    const before = await snapshot(b.tenantId);
    const ownRolesBefore = await adminDb().roleAssignment.count({
      where: { tenantId: a.tenantId },
    });
    const bUserIds = Object.values(b.users);
    const bAssignmentIds = before.roles.map((r) => r.id);
    expect(bUserIds).toHaveLength(6);
    expect(bAssignmentIds).toHaveLength(6);

    for (const role of ROLES) {
      const actor = await a.actor(role);
      // Managers: "not found", exactly as for an id that does not exist. Everyone else: refused
      // up front with FORBIDDEN, whatever the id (so the answer says nothing about B's rows).
      const expected = MANAGERS.has(role) ? "NOT_FOUND" : "FORBIDDEN";
      const ghost = randomUUID();
      const results: Record<string, string> = {};
      const record = async (label: string, fn: () => Promise<unknown>) => {
        results[label] = await codeOf(fn);
      };

      await record("getUser(ghost)", () => getUser(actor, ghost));
      for (const [key, id] of Object.entries(b.users)) {
        await record(`getUser(B.${key})`, () => getUser(actor, id!));
        await record(`assignRole(B.${key} @ A.b11)`, () =>
          assignRole(actor, { userId: id!, role: "LEADER", orgId: a.orgs.b11!.id }),
        );
        await record(`assignRole(B.${key} @ B.b11)`, () =>
          assignRole(actor, { userId: id!, role: "MEMBER", orgId: b.orgs.b11!.id }),
        );
        await record(`setUserDisabled(B.${key}, true)`, () =>
          setUserDisabled(actor, { id: id!, disabled: true }),
        );
        await record(`setUserDisabled(B.${key}, false)`, () =>
          setUserDisabled(actor, { id: id!, disabled: false }),
        );
      }
      // resetUserPassword hashes first (slow on purpose): two of B's accounts are enough.
      for (const key of ["admin", "member"] as const) {
        await record(`resetUserPassword(B.${key})`, () =>
          resetUserPassword(actor, { id: b.users[key]!, password: "taken-over-1" }),
        );
      }
      for (const id of bAssignmentIds) {
        await record(`revokeRole(B assignment ${id})`, () => revokeRole(actor, { id }));
      }
      await record("revokeRole(ghost)", () => revokeRole(actor, { id: ghost }));
      // A's own account, B's organization.
      await record("assignRole(A.member @ B.b11)", () =>
        assignRole(actor, { userId: a.users.member!, role: "LEADER", orgId: b.orgs.b11!.id }),
      );
      await record("assignRole(A.member @ B.school, ORG_ADMIN)", () =>
        assignRole(actor, { userId: a.users.member!, role: "ORG_ADMIN", orgId: b.orgs.school!.id }),
      );

      expect({ role, results }).toEqual({
        role,
        results: Object.fromEntries(Object.keys(results).map((label) => [label, expected])),
      });
    }

    // A tenant-B organization is reported on the orgId field, like any organization out of scope.
    const admin = await a.actor("admin");
    await expect(
      assignRole(admin, { userId: a.users.member!, role: "LEADER", orgId: b.orgs.c1!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { orgId: [expect.any(String)] } });

    expect(await snapshot(b.tenantId)).toEqual(before);
    expect(await adminDb().roleAssignment.count({ where: { tenantId: a.tenantId } })).toBe(
      ownRolesBefore,
    );
  });

  it("lists only tenant A's accounts, on every page and in every search", async () => {
    // More than one page of users in both tenants, with clashing usernames.
    const extra = Array.from({ length: 22 }, (_, i) => `zz-user-${i}`);
    for (const tenant of [a, b]) {
      await adminDb().user.createMany({
        data: extra.map((username) => ({
          tenantId: tenant.tenantId,
          username,
          displayName: `${tenant.slug} ${username}`,
          passwordHash: "x",
        })),
      });
    }
    const aIds = (
      await adminDb().user.findMany({ where: { tenantId: a.tenantId }, select: { id: true } })
    ).map((u) => u.id);
    const bIds = new Set(
      (
        await adminDb().user.findMany({ where: { tenantId: b.tenantId }, select: { id: true } })
      ).map((u) => u.id),
    );

    const admin = await a.actor("admin");
    const listed = await allListedUsers(admin);
    expect(listed.total).toBe(aIds.length);
    expect(listed.items.map((u) => u.id).sort()).toEqual([...aIds].sort());
    expect(listed.items.some((u) => bIds.has(u.id))).toBe(false);
    expect(JSON.stringify(listed.items)).not.toContain(b.slug);

    for (const q of ["admin", "zz-user", b.slug, "USR-ISO-B", "%", "_"]) {
      const found = await listUsers(admin, { q });
      expect(found.items.some((u) => bIds.has(u.id))).toBe(false);
    }
    // Member numbers of B (prefix search) find nothing in A.
    expect((await listUsers(admin, { q: "USR-ISO-B" })).total).toBe(0);

    const collegeListed = await allListedUsers(await a.actor("collegeAdmin"));
    expect(collegeListed.items.some((u) => bIds.has(u.id))).toBe(false);
  });

  it("lists only tenant A's audit events, for the root admin, the inspector and a college admin", async () => {
    // Events in B: a login, a failed login, an account and a role created by B's admin.
    await verifyLogin({ school: b.slug, username: "admin", password: FIXTURE_PASSWORD });
    await verifyLogin({ school: b.slug, username: "admin", password: "wrong-password" });
    const bAdmin = await b.actor("admin");
    const created = await createUser(bAdmin, {
      username: "only-in-b",
      displayName: "B only",
      password: "only-in-b-1",
      memberNumber: null,
    });
    await assignRole(bAdmin, { userId: created.id, role: "INSPECTOR", orgId: b.orgs.school!.id });
    // And a few in A.
    await verifyLogin({ school: a.slug, username: "inspector", password: FIXTURE_PASSWORD });
    const aAdmin = await a.actor("admin");
    const aUser = await createUser(aAdmin, {
      username: "only-in-a",
      displayName: "A only",
      password: "only-in-a-1",
      memberNumber: null,
    });
    await setUserDisabled(aAdmin, { id: aUser.id, disabled: true });

    const bEvents = await adminDb().auditEvent.findMany({
      where: { tenantId: b.tenantId },
      select: { id: true },
    });
    expect(bEvents.length).toBeGreaterThanOrEqual(4);
    const bEventIds = new Set(bEvents.map((e) => e.id));
    const aEventIds = (
      await adminDb().auditEvent.findMany({ where: { tenantId: a.tenantId }, select: { id: true } })
    ).map((e) => e.id);

    for (const role of ["admin", "inspector"] as const) {
      const { first, items } = await allListedEvents(await a.actor(role));
      expect(first.scope).toBe("tenant");
      expect(first.total).toBe(aEventIds.length);
      expect(items.map((e) => e.id).sort()).toEqual([...aEventIds].sort());
      expect(items.some((e) => bEventIds.has(e.id))).toBe(false);
      expect(JSON.stringify(items)).not.toContain(created.id);
      // Filtering on an action only B has gives nothing.
      expect((await listAuditEvents(await a.actor(role), { action: "role.assign" })).total).toBe(0);
    }
    const college = await listAuditEvents(await a.actor("collegeAdmin"), {});
    expect(college.scope).toBe("own");
    expect(college.items.some((e) => bEventIds.has(e.id))).toBe(false);
    expect(college.items.every((e) => e.actorUserId === a.users.collegeAdmin)).toBe(true);
  });

  it("refuses audit reading to every role without audit.read", async () => {
    for (const role of ROLES) {
      const actor = await a.actor(role);
      const result = await codeOf(() => listAuditEvents(actor, {}));
      expect({ role, result }).toEqual({
        role,
        result: AUDIT_READERS.has(role) ? "RESOLVED" : "FORBIDDEN",
      });
    }
  });
});

describe("user data functions: malformed ids", () => {
  // Ids reach uuid columns: anything that is not a uuid must read as "not found", not a 500.
  const MALFORMED = [
    "not-a-uuid",
    "",
    "1' OR '1'='1",
    "00000000-0000-0000-0000-00000000000g",
    "{" + "0".repeat(32) + "}",
  ];
  const CASES: [string, (actor: Actor, id: string) => Promise<unknown>][] = [
    ["getUser(id)", (actor, id) => getUser(actor, id)],
    ["setUserDisabled({ id })", (actor, id) => setUserDisabled(actor, { id, disabled: true })],
    [
      "assignRole({ userId })",
      (actor, id) => assignRole(actor, { userId: id, role: "LEADER", orgId: a.orgs.c1!.id }),
    ],
    [
      "assignRole({ orgId })",
      (actor, id) => assignRole(actor, { userId: a.users.member!, role: "LEADER", orgId: id }),
    ],
    ["revokeRole({ id })", (actor, id) => revokeRole(actor, { id })],
  ];

  it.each(CASES)("%s with a malformed id is NOT_FOUND", async (_label, call) => {
    const admin = await a.actor("admin");
    const results: Record<string, string> = {};
    for (const id of MALFORMED) results[JSON.stringify(id)] = await codeOf(() => call(admin, id));
    expect(results).toEqual(
      Object.fromEntries(MALFORMED.map((id) => [JSON.stringify(id), "NOT_FOUND"])),
    );
  });

  it("resetUserPassword({ id }) with a malformed id is NOT_FOUND", async () => {
    await expect(
      resetUserPassword(await a.actor("admin"), { id: "not-a-uuid", password: "whatever-123" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("user data functions: a secretary", () => {
  it("is refused assignRole, listUsers and listAuditEvents with FORBIDDEN, even inside their own branch", async () => {
    const secretary = await a.actor("secretary");
    const before = await snapshot(a.tenantId);
    await expect(
      assignRole(secretary, { userId: a.users.member!, role: "LEADER", orgId: a.orgs.b11!.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      assignRole(secretary, {
        userId: a.users.secretary!,
        role: "ORG_ADMIN",
        orgId: a.orgs.b11!.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers(secretary, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(secretary, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUser(secretary, a.users.member!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createUser(secretary, {
        username: "sneaky",
        displayName: "x",
        password: "sneaky-pass-1",
        memberNumber: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(a.tenantId)).toEqual(before);
  });
});
