import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/load-actor";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

// The actor is loaded in one SQL statement (roles, departments and the unread count as
// subqueries): these pin down what the ORM query with includes used to give.
let t: TenantFixture;
let other: TenantFixture;
beforeAll(async () => {
  t = await createTenantFixture("loadactor");
  other = await createTenantFixture("loadactor-other");
  const db = adminDb();
  const leader = t.users.leader!;
  // A second role, later than the fixture's; a revoked one; one on a closed organization.
  await db.roleAssignment.create({
    data: {
      tenantId: t.tenantId,
      userId: leader,
      role: "SECRETARY",
      orgId: t.orgs.b12!.id,
      createdAt: new Date(Date.now() + 60_000),
    },
  });
  await db.roleAssignment.create({
    data: {
      tenantId: t.tenantId,
      userId: leader,
      role: "ORG_ADMIN",
      orgId: t.orgs.school!.id,
      revokedAt: new Date(),
    },
  });
  const closedId = randomUUID();
  await db.organization.create({
    data: {
      tenantId: t.tenantId,
      id: closedId,
      parentId: t.orgs.c2!.id,
      path: `${t.orgs.c2!.path}/${closedId}`,
      depth: 2,
      name: "已撤销支部",
      code: "LOADACTOR-CLOSED",
      level: "BRANCH",
      kind: "TEACHER",
      validFrom: new Date("2020-01-01"),
      validTo: new Date("2024-01-01"),
    },
  });
  await db.roleAssignment.create({
    data: { tenantId: t.tenantId, userId: leader, role: "SECRETARY", orgId: closedId },
  });
  // Department links: a live one, a removed one, one to an inactive department.
  const inactive = await db.department.create({
    data: { tenantId: t.tenantId, code: "OLD", name: "旧部门", isActive: false },
  });
  const second = await db.department.create({
    data: { tenantId: t.tenantId, code: "XCB", name: "宣传部" },
  });
  const by = t.users.admin!;
  await db.departmentStaff.createMany({
    data: [
      { tenantId: t.tenantId, departmentId: t.departmentId, userId: leader, createdById: by },
      {
        tenantId: t.tenantId,
        departmentId: second.id,
        userId: leader,
        createdById: by,
        removedAt: new Date(),
        removedById: by,
      },
      { tenantId: t.tenantId, departmentId: inactive.id, userId: leader, createdById: by },
    ],
  });
  // Notifications: two unread and one read for the leader, one unread for the admin.
  const note = (userId: string, key: string, readAt: Date | null = null) => ({
    tenantId: t.tenantId,
    userId,
    kind: "test",
    title: key,
    dedupeKey: key,
    readAt,
  });
  await db.notification.createMany({
    data: [
      note(leader, "a"),
      note(leader, "b"),
      note(leader, "c", new Date()),
      note(t.users.admin!, "d"),
    ],
  });
});

describe("loadActor", () => {
  it("gives the live roles oldest first, the active department links and the unread count", async () => {
    const actor = await loadActor(t.tenantId, t.users.leader!, 1);
    expect(actor).toMatchObject({
      tenantId: t.tenantId,
      tenantName: "loadactor 大学",
      userId: t.users.leader,
      username: "leader",
      displayName: "loadactor leader",
      memberId: null,
      departmentIds: [t.departmentId],
      unreadCount: 2,
    });
    expect(actor!.assignments).toEqual([
      {
        id: t.roleAssignments.leader,
        role: "LEADER",
        orgId: t.orgs.c1!.id,
        orgPath: t.orgs.c1!.path,
        orgName: "loadactor-c1",
      },
      expect.objectContaining({ role: "SECRETARY", orgId: t.orgs.b12!.id }),
    ]);
  });

  it("gives a member's id, no departments and a count of zero when there is nothing", async () => {
    const actor = await loadActor(t.tenantId, t.users.secretary!, 1);
    expect(actor!.memberId).toBe(t.members["b11-0"]);
    expect(actor!.departmentIds).toEqual([]);
    expect(actor!.unreadCount).toBe(0);
    expect(actor!.assignments.map((a) => a.role)).toEqual(["SECRETARY"]);
  });

  it("refuses a stale session version, a disabled account and another university's user", async () => {
    expect(await loadActor(t.tenantId, t.users.admin!, 2)).toBeNull();
    expect(await loadActor(t.tenantId, other.users.admin!, 1)).toBeNull();
    expect(await loadActor(other.tenantId, t.users.admin!, 1)).toBeNull();
    await adminDb().user.update({
      where: { tenantId_id: { tenantId: t.tenantId, id: t.users.inspector! } },
      data: { disabledAt: new Date() },
    });
    expect(await loadActor(t.tenantId, t.users.inspector!, 1)).toBeNull();
  });
});
