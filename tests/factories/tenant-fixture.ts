import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/authz/actor";
import { loadActor } from "@/server/auth/load-actor";
import { adminDb } from "../setup/admin-db";

// bcrypt of "correct-horse-9" at cost 4: fast to check in tests, same code path as production.
export const FIXTURE_PASSWORD = "correct-horse-9";
const FIXTURE_HASH = "$2b$04$JVm9.TR9Mff73R9qI3innudSOdlEUJSHPXjcEf9fwPGTVOqauWK0i";

type OrgSpec = {
  key: string;
  parent?: string;
  level: "SCHOOL" | "COLLEGE" | "BRANCH" | "GROUP";
  kind: "TEACHER" | "STUDENT" | "MIXED";
};

const ORGS: OrgSpec[] = [
  { key: "school", level: "SCHOOL", kind: "MIXED" },
  { key: "c1", parent: "school", level: "COLLEGE", kind: "MIXED" },
  { key: "c2", parent: "school", level: "COLLEGE", kind: "MIXED" },
  { key: "b11", parent: "c1", level: "BRANCH", kind: "TEACHER" },
  { key: "b12", parent: "c1", level: "BRANCH", kind: "STUDENT" },
  { key: "b21", parent: "c2", level: "BRANCH", kind: "TEACHER" },
];

const USERS: { key: string; role: Role; org: string; member?: string }[] = [
  { key: "admin", role: "ORG_ADMIN", org: "school" },
  { key: "collegeAdmin", role: "ORG_ADMIN", org: "c1" },
  { key: "leader", role: "LEADER", org: "c1" },
  { key: "secretary", role: "SECRETARY", org: "b11", member: "b11-0" },
  { key: "member", role: "MEMBER", org: "b11", member: "b11-1" },
  { key: "inspector", role: "INSPECTOR", org: "school" },
];

export type TenantFixture = Awaited<ReturnType<typeof createTenantFixture>>;

/**
 * A small university: school → two colleges → three branches, three members per branch, and
 * one user per role. Written with the superuser client, as a migration or seed would.
 */
export async function createTenantFixture(slug: string) {
  const db = adminDb();
  const tenantId = randomUUID();
  await db.tenant.create({ data: { id: tenantId, slug, name: `${slug} 大学` } });

  const orgs: Record<string, { id: string; path: string; depth: number }> = {};
  for (const spec of ORGS) {
    const id = randomUUID();
    const parent = spec.parent ? orgs[spec.parent]! : null;
    const path = parent ? `${parent.path}/${id}` : id;
    const depth = parent ? parent.depth + 1 : 0;
    orgs[spec.key] = { id, path, depth };
    await db.organization.create({
      data: {
        tenantId,
        id,
        parentId: parent?.id ?? null,
        path,
        depth,
        name: `${slug}-${spec.key}`,
        code: `${slug}-${spec.key}`.toUpperCase(),
        level: spec.level,
        kind: spec.kind,
        validFrom: new Date("2020-01-01"),
      },
    });
    await db.orgPlacement.create({
      data: {
        tenantId,
        orgId: id,
        parentId: parent?.id ?? null,
        path,
        validFrom: new Date("2020-01-01"),
      },
    });
  }

  const members: Record<string, string> = {};
  for (const branch of ["b11", "b12", "b21"]) {
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      members[`${branch}-${i}`] = id;
      const org = orgs[branch]!;
      await db.member.create({
        data: {
          tenantId,
          id,
          number: `${slug}-${branch}-${i}`.toUpperCase(),
          name: `${branch}成员${i}`,
          gender: i % 2 ? "FEMALE" : "MALE",
          status: "FULL",
          category: branch === "b12" ? "STUDENT" : "TEACHER",
          developmentStage: "FULL",
          joinedAt: new Date("2015-07-01"),
          orgId: org.id,
          positions: i === 0 ? ["SECRETARY"] : [],
        },
      });
      await db.membership.create({
        data: { tenantId, memberId: id, orgId: org.id, validFrom: new Date("2015-07-01") },
      });
    }
  }

  const users: Record<string, string> = {};
  const roleAssignments: Record<string, string> = {};
  for (const u of USERS) {
    const id = randomUUID();
    users[u.key] = id;
    await db.user.create({
      data: {
        tenantId,
        id,
        username: u.key,
        displayName: `${slug} ${u.key}`,
        passwordHash: FIXTURE_HASH,
        memberId: u.member ? members[u.member]! : null,
      },
    });
    const assignment = await db.roleAssignment.create({
      data: { tenantId, userId: id, role: u.role, orgId: orgs[u.org]!.id },
    });
    roleAssignments[u.key] = assignment.id;
  }

  const department = await db.department.create({
    data: { tenantId, code: "ZZB", name: "组织部" },
  });
  const departmentId = department.id;

  async function actor(key: (typeof USERS)[number]["key"]): Promise<Actor> {
    const a = await loadActor(tenantId, users[key]!, 1);
    if (!a) throw new Error(`fixture user ${key} did not load`);
    return a;
  }

  return { tenantId, slug, orgs, members, users, roleAssignments, departmentId, actor };
}
