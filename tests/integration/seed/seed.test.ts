import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/load-actor";
import { verifyLogin } from "@/server/auth/verify-login";
import { DEMO_PASSWORD, seedDemo, type SeedDemoResult } from "../../../prisma/seed";
import { adminDb } from "../../setup/admin-db";

// The default universities: 演示大学 (`demo`, ~2,000 members, one login per role) and
// 示例理工大学 (`other`, 60 members). The checks below are about the big one, so no smaller options.
const REFERENCE_DATE = new Date("2026-09-01T00:00:00Z");
let first: SeedDemoResult;
let demoId: string;
let otherId: string;

/** Row count of every table that has a tenantId column, plus Tenant itself. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await adminDb().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'tenantId' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of [...tables, { table_name: "Tenant" }]) {
    const rows = await adminDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table_name}"`,
    );
    counts[table_name] = rows[0]!.n;
  }
  return counts;
}

beforeAll(async () => {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 4);
  first = await seedDemo(adminDb(), { passwordHash, referenceDate: REFERENCE_DATE });
  demoId = (await adminDb().tenant.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  otherId = (await adminDb().tenant.findUniqueOrThrow({ where: { slug: "other" } })).id;
}, 120_000);

describe("seedDemo", () => {
  it("reports what it created, matching the rows in the database", async () => {
    expect(first.tenants.map((t) => [t.slug, t.created])).toEqual([
      ["demo", true],
      ["other", true],
    ]);
    for (const seeded of first.tenants) {
      const tenantId = seeded.tenantId;
      expect(seeded.counts).toEqual({
        organizations: await adminDb().organization.count({ where: { tenantId } }),
        departments: await adminDb().department.count({ where: { tenantId } }),
        members: await adminDb().member.count({ where: { tenantId } }),
        users: await adminDb().user.count({ where: { tenantId } }),
      });
    }
  });

  it("gives `demo` one school root, about 12 colleges, about 80 branches and about 2,000 members", async () => {
    const levels = await adminDb().organization.groupBy({
      by: ["level"],
      where: { tenantId: demoId },
      _count: true,
    });
    const byLevel = Object.fromEntries(levels.map((l) => [l.level, l._count]));
    expect(byLevel.SCHOOL).toBe(1);
    expect(byLevel.COLLEGE).toBeGreaterThanOrEqual(10);
    expect(byLevel.COLLEGE).toBeLessThanOrEqual(14);
    expect(byLevel.BRANCH).toBeGreaterThanOrEqual(70);
    expect(byLevel.BRANCH).toBeLessThanOrEqual(90);
    const root = await adminDb().organization.findFirstOrThrow({
      where: { tenantId: demoId, level: "SCHOOL" },
    });
    expect(root).toMatchObject({ parentId: null, depth: 0, path: root.id, validTo: null });
    expect(
      await adminDb().organization.count({ where: { tenantId: demoId, parentId: null } }),
    ).toBe(1);

    const members = await adminDb().member.count({ where: { tenantId: demoId } });
    expect(members).toBeGreaterThanOrEqual(1900);
    expect(members).toBeLessThanOrEqual(2100);
    // And the small one stays small and separate.
    expect(await adminDb().member.count({ where: { tenantId: otherId } })).toBe(60);
  });

  it("puts every member in an organization of its own tenant, with a matching current membership", async () => {
    const [wrongTenant] = await adminDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Member" m
      WHERE NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = m."orgId" AND o."tenantId" = m."tenantId")`;
    expect(wrongTenant!.n).toBe(0);
    const [crossing] = await adminDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Member" m JOIN "Organization" o ON o.id = m."orgId" WHERE o."tenantId" <> m."tenantId"`;
    expect(crossing!.n).toBe(0);
    const [badMembership] = await adminDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Member" m
      WHERE (SELECT count(*) FROM "Membership" s
             WHERE s."tenantId" = m."tenantId" AND s."memberId" = m.id AND s."validTo" IS NULL AND s."orgId" = m."orgId") <> 1`;
    expect(badMembership!.n).toBe(0);
  });

  it("keeps every Organization.path and depth consistent with its parentId chain", async () => {
    const orgs = await adminDb().organization.findMany({
      where: { tenantId: { in: [demoId, otherId] } },
      select: { tenantId: true, id: true, parentId: true, path: true, depth: true },
    });
    const byKey = new Map(orgs.map((o) => [`${o.tenantId}/${o.id}`, o]));
    const problems: string[] = [];
    for (const org of orgs) {
      // Walk up the parentId chain, inside the organization's own tenant, and rebuild the path.
      const chain = [org.id];
      let node = org;
      while (node.parentId) {
        const parent = byKey.get(`${org.tenantId}/${node.parentId}`);
        if (!parent) {
          problems.push(`${org.id}: parent ${node.parentId} is not in the same tenant`);
          break;
        }
        if (chain.includes(parent.id)) {
          problems.push(`${org.id}: cycle through ${parent.id}`);
          break;
        }
        chain.unshift(parent.id);
        node = parent;
      }
      if (org.path !== chain.join("/"))
        problems.push(`${org.id}: path ${org.path} != ${chain.join("/")}`);
      if (org.depth !== chain.length - 1)
        problems.push(`${org.id}: depth ${org.depth} != ${chain.length - 1}`);
    }
    expect(problems).toEqual([]);

    // The current placement of every organization says the same.
    const [placementMismatch] = await adminDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Organization" o
      WHERE (SELECT count(*) FROM "OrgPlacement" p
             WHERE p."tenantId" = o."tenantId" AND p."orgId" = o.id AND p."validTo" IS NULL
               AND p.path = o.path AND p."parentId" IS NOT DISTINCT FROM o."parentId") <> 1`;
    expect(placementMismatch!.n).toBe(0);
  });

  it("creates the demo logins with their expected roles", async () => {
    const users = await adminDb().user.findMany({
      where: { tenantId: demoId },
      include: {
        member: { select: { orgId: true, org: { select: { path: true } } } },
        roleAssignments: {
          where: { revokedAt: null },
          include: { org: { select: { level: true, depth: true, path: true } } },
        },
      },
      orderBy: { username: "asc" },
    });
    expect(users.map((u) => u.username)).toEqual([
      "admin",
      "dept",
      "inspector",
      "leader",
      "member",
      "secretary",
    ]);
    const roles = Object.fromEntries(
      users.map((u) => [u.username, u.roleAssignments.map((a) => [a.role, a.org.level])]),
    );
    expect(roles).toEqual({
      admin: [["ORG_ADMIN", "SCHOOL"]],
      // Department staff: no role over the tree, a link to 宣传部 (DepartmentStaff).
      dept: [],
      inspector: [["INSPECTOR", "SCHOOL"]],
      leader: [["LEADER", "COLLEGE"]],
      member: [["MEMBER", "BRANCH"]],
      secretary: [["SECRETARY", "BRANCH"]],
    });
    const get = (name: string) => users.find((u) => u.username === name)!;
    const deptLinks = await adminDb().departmentStaff.findMany({
      where: { tenantId: demoId, userId: get("dept").id, removedAt: null },
      include: { department: { select: { code: true } } },
    });
    expect(deptLinks.map((l) => l.department.code)).toEqual(["PUB"]);
    // An open practical-matters item owned by that department, for the department's staff.
    expect(
      await adminDb().practicalMatter.count({
        where: { tenantId: demoId, closedAt: null, ownerDepartmentId: deptLinks[0]!.departmentId },
      }),
    ).toBeGreaterThan(0);
    // Leader, secretary and member are real members: the secretary and the member of the same
    // branch (the secretary's), the leader of their college.
    expect(get("admin").memberId).toBeNull();
    expect(get("inspector").memberId).toBeNull();
    expect(get("secretary").member!.orgId).toBe(get("secretary").roleAssignments[0]!.orgId);
    expect(get("member").member!.orgId).toBe(get("secretary").roleAssignments[0]!.orgId);
    expect(
      get("leader").member!.org.path.startsWith(`${get("leader").roleAssignments[0]!.org.path}/`),
    ).toBe(true);

    const otherUsers = await adminDb().user.findMany({
      where: { tenantId: otherId },
      include: { roleAssignments: true },
    });
    expect(otherUsers.map((u) => [u.username, u.roleAssignments.map((a) => a.role)])).toEqual([
      ["admin", ["ORG_ADMIN"]],
    ]);
  });

  it("changes nothing when run again", async () => {
    const before = await tableCounts();
    const demoUsersBefore = await adminDb().user.findMany({
      where: { tenantId: demoId },
      orderBy: { id: "asc" },
    });
    const again = await seedDemo(adminDb(), {
      passwordHash: await bcrypt.hash("something-else", 4),
      referenceDate: REFERENCE_DATE,
    });
    expect(again.tenants.map((t) => [t.slug, t.tenantId, t.created])).toEqual([
      ["demo", demoId, false],
      ["other", otherId, false],
    ]);
    expect(await tableCounts()).toEqual(before);
    expect(
      await adminDb().user.findMany({ where: { tenantId: demoId }, orderBy: { id: "asc" } }),
    ).toEqual(demoUsersBefore);
  });

  it("lets the demo logins sign in through the app role with the demo password", async () => {
    for (const username of ["admin", "leader", "secretary", "member", "inspector"]) {
      const result = await verifyLogin({ school: "demo", username, password: DEMO_PASSWORD });
      expect({ username, ok: result.ok }).toEqual({ username, ok: true });
      if (!result.ok) continue;
      const actor = await loadActor(result.tenantId, result.userId, result.sessionVersion);
      expect(actor?.assignments).toHaveLength(1);
    }
    const dept = await verifyLogin({ school: "demo", username: "dept", password: DEMO_PASSWORD });
    expect(dept.ok).toBe(true);
    if (dept.ok) {
      const actor = await loadActor(dept.tenantId, dept.userId, dept.sessionVersion);
      expect(actor?.departmentIds).toHaveLength(1);
    }
    expect(
      await verifyLogin({ school: "other", username: "admin", password: DEMO_PASSWORD }),
    ).toMatchObject({
      ok: true,
      tenantId: otherId,
    });
  });
});
