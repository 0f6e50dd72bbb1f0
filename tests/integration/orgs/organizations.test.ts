import { beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "@/server/data/organizations/create-organization";
import { getOrganization } from "@/server/data/organizations/get-organization";
import { listOrgTree } from "@/server/data/organizations/list-org-tree";
import { moveOrganization } from "@/server/data/organizations/move-organization";
import { updateOrganization } from "@/server/data/organizations/update-organization";
import { closeOrganization } from "@/server/data/organizations/close-organization";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("org-a");
  b = await createTenantFixture("org-b");
});

const snapshot = async (tenantId: string) => ({
  orgs: await adminDb().organization.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
  members: await adminDb().member.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
  placements: await adminDb().orgPlacement.count({ where: { tenantId } }),
});

describe("organization data functions: tenant isolation", () => {
  it("reports another tenant's organization as not found, for every role, and leaves it unchanged", async () => {
    const before = await snapshot(b.tenantId);
    const target = b.orgs.b11!.id;
    for (const role of [
      "admin",
      "collegeAdmin",
      "leader",
      "secretary",
      "member",
      "inspector",
    ] as const) {
      const actor = await a.actor(role);
      await expect(getOrganization(actor, target)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        updateOrganization(actor, {
          id: target,
          version: 1,
          name: "hijack",
          nameEn: null,
          code: "HIJACK",
          kind: "MIXED",
          sortOrder: 0,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        moveOrganization(actor, {
          id: target,
          version: 1,
          newParentId: b.orgs.c2!.id,
          effectiveDate: "2026-01-01",
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        closeOrganization(actor, {
          id: target,
          version: 1,
          effectiveDate: "2026-01-01",
          note: null,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        createOrganization(actor, {
          parentId: b.orgs.c1!.id,
          name: "x",
          nameEn: null,
          code: "X1",
          level: "BRANCH",
          kind: "TEACHER",
          validFrom: "2026-01-01",
          sortOrder: 0,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Moving one's own organization under another tenant's parent is refused too.
    const admin = await a.actor("admin");
    await expect(
      moveOrganization(admin, {
        id: a.orgs.b11!.id,
        version: 1,
        newParentId: b.orgs.c2!.id,
        effectiveDate: "2026-01-01",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(b.tenantId)).toEqual(before);
  });

  it("lists only the actor's own tenant", async () => {
    const forest = await listOrgTree(await a.actor("admin"));
    const ids = JSON.stringify(forest);
    for (const org of Object.values(b.orgs)) expect(ids).not.toContain(org.id);
    expect(forest).toHaveLength(1);
    expect(forest[0]!.id).toBe(a.orgs.school!.id);
  });
});

describe("organization data functions: subtree scope", () => {
  it("gives a leader of college 1 that subtree only, with member counts rolled up", async () => {
    const forest = await listOrgTree(await a.actor("leader"));
    expect(forest.map((n) => n.id)).toEqual([a.orgs.c1!.id]);
    expect(forest[0]!.memberCount).toBe(6);
    expect(forest[0]!.children.map((c) => c.memberCount).sort()).toEqual([3, 3]);
    await expect(getOrganization(await a.actor("leader"), a.orgs.c2!.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets a college admin manage inside the college but not outside it", async () => {
    const collegeAdmin = await a.actor("collegeAdmin");
    await expect(
      createOrganization(collegeAdmin, {
        parentId: a.orgs.c2!.id,
        name: "x",
        nameEn: null,
        code: "OUTSIDE",
        level: "BRANCH",
        kind: "TEACHER",
        validFrom: "2026-01-01",
        sortOrder: 0,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const created = await createOrganization(collegeAdmin, {
      parentId: a.orgs.c1!.id,
      name: "新支部",
      nameEn: null,
      code: "C1-NEW",
      level: "BRANCH",
      kind: "TEACHER",
      validFrom: "2026-01-01",
      sortOrder: 0,
    });
    expect(created.path).toBe(`${a.orgs.c1!.path}/${created.id}`);
  });

  it("refuses management to a secretary, even in their own branch", async () => {
    const secretary = await a.actor("secretary");
    await expect(
      updateOrganization(secretary, {
        id: a.orgs.b11!.id,
        version: 1,
        name: "x",
        nameEn: null,
        code: "X",
        kind: "MIXED",
        sortOrder: 0,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("organization changes", () => {
  it("moves a branch with its history, rewriting paths and writing one audit event", async () => {
    const admin = await a.actor("admin");
    const branch = a.orgs.b12!;
    await moveOrganization(admin, {
      id: branch.id,
      version: 1,
      newParentId: a.orgs.c2!.id,
      effectiveDate: "2026-03-01",
    });
    const moved = await adminDb().organization.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: branch.id },
    });
    expect(moved.path).toBe(`${a.orgs.c2!.path}/${branch.id}`);
    expect(moved.parentId).toBe(a.orgs.c2!.id);
    const placements = await adminDb().orgPlacement.findMany({
      where: { tenantId: a.tenantId, orgId: branch.id },
      orderBy: { validFrom: "asc" },
    });
    expect(
      placements.map((p) => [p.parentId, p.validTo?.toISOString().slice(0, 10) ?? null]),
    ).toEqual([
      [a.orgs.c1!.id, "2026-03-01"],
      [a.orgs.c2!.id, null],
    ]);
    const events = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, action: "org.move", entityId: branch.id },
    });
    expect(events).toHaveLength(1);
  });

  it("refuses a move under the organization's own subtree and writes nothing", async () => {
    const admin = await a.actor("admin");
    const before = await snapshot(a.tenantId);
    const auditBefore = await adminDb().auditEvent.count({ where: { tenantId: a.tenantId } });
    await expect(
      moveOrganization(admin, {
        id: a.orgs.c1!.id,
        version: 1,
        newParentId: a.orgs.b11!.id,
        effectiveDate: "2026-03-01",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await snapshot(a.tenantId)).toEqual(before);
    expect(await adminDb().auditEvent.count({ where: { tenantId: a.tenantId } })).toBe(auditBefore);
  });

  it("refuses a stale edit with a conflict instead of overwriting", async () => {
    const admin = await a.actor("admin");
    const org = await adminDb().organization.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: a.orgs.b21!.id },
    });
    await updateOrganization(admin, {
      id: org.id,
      version: org.version,
      name: "第一次",
      nameEn: null,
      code: org.code,
      kind: org.kind,
      sortOrder: 0,
    });
    await expect(
      updateOrganization(admin, {
        id: org.id,
        version: org.version,
        name: "第二次",
        nameEn: null,
        code: org.code,
        kind: org.kind,
        sortOrder: 0,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await adminDb().organization.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: org.id },
    });
    expect(after.name).toBe("第一次");
  });

  it("merges a branch: members move on the date, the old branch and its history stay", async () => {
    const admin = await a.actor("admin");
    const from = a.orgs.b11!;
    const org = await adminDb().organization.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: from.id },
    });
    await closeOrganization(admin, {
      id: from.id,
      version: org.version,
      effectiveDate: "2026-06-30",
      mergedIntoId: a.orgs.b21!.id,
      note: "合并",
    });
    const closed = await adminDb().organization.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: from.id },
    });
    expect(closed.validTo?.toISOString().slice(0, 10)).toBe("2026-06-30");
    const moved = await adminDb().member.findMany({
      where: { tenantId: a.tenantId, id: { in: [a.members["b11-0"]!, a.members["b11-1"]!] } },
    });
    expect(moved.every((m) => m.orgId === a.orgs.b21!.id)).toBe(true);
    const history = await adminDb().membership.findMany({
      where: { tenantId: a.tenantId, memberId: a.members["b11-0"]! },
      orderBy: { validFrom: "asc" },
    });
    expect(history.map((h) => [h.orgId, h.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([
      [from.id, "2026-06-30"],
      [a.orgs.b21!.id, null],
    ]);
  });
});
