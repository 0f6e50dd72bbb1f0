import { describe, expect, it } from "vitest";
import {
  CATEGORIES_BY_KIND,
  deterministicUuid,
  generateDemoUniversity,
  MAIN_DEMO_UNIVERSITY,
  OTHER_DEMO_UNIVERSITY,
  type DemoUniversity,
} from "../../../prisma/demo-data";

const REFERENCE_DATE = new Date(Date.UTC(2026, 8, 1));
const main = generateDemoUniversity({ ...MAIN_DEMO_UNIVERSITY, referenceDate: REFERENCE_DATE });
const other = generateDemoUniversity({ ...OTHER_DEMO_UNIVERSITY, referenceDate: REFERENCE_DATE });

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const YEAR_MS = 365 * 86_400_000;

function allIds(u: DemoUniversity): string[] {
  return [
    u.tenant.id,
    ...u.organizations.map((o) => o.id),
    ...u.placements.map((p) => p.id),
    ...u.departments.map((d) => d.id),
    ...u.members.map((m) => m.id),
    ...u.memberships.map((m) => m.id),
    ...u.users.map((x) => x.id),
    ...u.roleAssignments.map((r) => r.id),
  ];
}

function count<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
  return m;
}

describe.each([
  ["main", main],
  ["other", other],
] as const)("generated university: %s", (_label, u) => {
  const orgs = new Map(u.organizations.map((o) => [o.id, o]));

  it("uses UUID v4-style ids, unique across every table", () => {
    const ids = allIds(u);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts the tenant id on every row", () => {
    const rows = [
      ...u.organizations,
      ...u.placements,
      ...u.departments,
      ...u.members,
      ...u.memberships,
      ...u.users,
      ...u.roleAssignments,
    ];
    expect(rows.every((r) => r.tenantId === u.tenant.id)).toBe(true);
  });

  it("has unique organization codes, department codes and member numbers", () => {
    expect(new Set(u.organizations.map((o) => o.code)).size).toBe(u.organizations.length);
    expect(new Set(u.departments.map((d) => d.code)).size).toBe(u.departments.length);
    expect(new Set(u.members.map((m) => m.number)).size).toBe(u.members.length);
  });

  it("has exactly one root, the school committee, and lists parents before children", () => {
    const roots = u.organizations.filter((o) => o.parentId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ level: "SCHOOL", depth: 0, path: roots[0]!.id });
    const seen = new Set<string>();
    for (const o of u.organizations) {
      if (o.parentId) expect(seen.has(o.parentId)).toBe(true);
      seen.add(o.id);
    }
  });

  it("keeps every path and depth consistent with the parentId chain", () => {
    for (const o of u.organizations) {
      const chain: string[] = [];
      for (
        let cur: typeof o | undefined = o;
        cur;
        cur = cur.parentId ? orgs.get(cur.parentId) : undefined
      ) {
        chain.unshift(cur.id);
        expect(chain.length).toBeLessThan(10);
      }
      expect(o.path).toBe(chain.join("/"));
      expect(o.depth).toBe(chain.length - 1);
    }
  });

  it("nests levels properly: colleges and 直属 branches under the school, branches under colleges, groups under branches", () => {
    for (const o of u.organizations) {
      const parent = o.parentId ? orgs.get(o.parentId) : undefined;
      if (o.level === "SCHOOL") expect(parent).toBeUndefined();
      if (o.level === "COLLEGE") expect(parent?.level).toBe("SCHOOL");
      if (o.level === "BRANCH") expect(["SCHOOL", "COLLEGE"]).toContain(parent?.level);
      if (o.level === "GROUP") {
        expect(parent?.level).toBe("BRANCH");
        expect(o.kind).toBe(parent?.kind);
      }
      if (parent) expect(o.validFrom.getTime()).toBeGreaterThanOrEqual(parent.validFrom.getTime());
    }
    expect(u.organizations.some((o) => o.level === "BRANCH" && o.depth === 1)).toBe(true);
  });

  it("has one open placement per organization matching its parent and path", () => {
    expect(u.placements).toHaveLength(u.organizations.length);
    const byOrg = new Map(u.placements.map((p) => [p.orgId, p]));
    for (const o of u.organizations) {
      expect(byOrg.get(o.id)).toMatchObject({
        parentId: o.parentId,
        path: o.path,
        validFrom: o.validFrom,
        validTo: null,
      });
    }
  });

  it("places every member in an existing branch or party group whose kind fits the member's category", () => {
    for (const m of u.members) {
      const org = orgs.get(m.orgId);
      expect(org).toBeDefined();
      expect(["BRANCH", "GROUP"]).toContain(org!.level);
      expect(CATEGORIES_BY_KIND[org!.kind]).toContain(m.category);
    }
  });

  it("gives each branch exactly one SECRETARY (among its own members) and 2 to 4 committee members", () => {
    const branches = u.organizations.filter((o) => o.level === "BRANCH");
    const secretaries = count(
      u.members.filter((m) => m.positions.includes("SECRETARY")),
      (m) => m.orgId,
    );
    const committee = count(
      u.members.filter((m) => m.positions.includes("COMMITTEE_MEMBER")),
      (m) => m.orgId,
    );
    for (const b of branches) {
      expect(secretaries.get(b.id) ?? 0).toBe(1);
      expect(committee.get(b.id) ?? 0).toBeGreaterThanOrEqual(2);
      expect(committee.get(b.id) ?? 0).toBeLessThanOrEqual(4);
    }
    // Nobody outside a branch holds a branch office.
    const groupIds = new Set(u.organizations.filter((o) => o.level === "GROUP").map((o) => o.id));
    expect(
      u.members.filter((m) => groupIds.has(m.orgId) && m.positions.includes("SECRETARY")),
    ).toEqual([]);
    // Officers and cadres are full members.
    for (const m of u.members) {
      if (
        m.positions.includes("SECRETARY") ||
        m.positions.includes("COMMITTEE_MEMBER") ||
        m.cadreLevel !== "NONE"
      ) {
        expect(m.status).toBe("FULL");
      }
    }
  });

  it("keeps status, development stage and dates consistent", () => {
    for (const m of u.members) {
      expect(m.developmentStage).toBe(m.status);
      const ageAtJoining = (m.joinedAt.getTime() - m.birthDate.getTime()) / YEAR_MS;
      expect(ageAtJoining).toBeGreaterThanOrEqual(18);
      expect(m.joinedAt.getTime()).toBeLessThanOrEqual(REFERENCE_DATE.getTime());
      if (m.status === "FULL") {
        expect(m.fullMemberAt).not.toBeNull();
        // One year after joining (someone who joined on 29 February becomes full on 28 February).
        const j = m.joinedAt;
        const leapDay = j.getUTCMonth() === 1 && j.getUTCDate() === 29;
        const expected = Date.UTC(
          j.getUTCFullYear() + 1,
          j.getUTCMonth(),
          leapDay ? 28 : j.getUTCDate(),
        );
        expect(m.fullMemberAt!.getTime()).toBe(expected);
        expect(m.fullMemberAt!.getTime()).toBeLessThanOrEqual(REFERENCE_DATE.getTime());
      } else {
        expect(m.fullMemberAt).toBeNull();
        expect(REFERENCE_DATE.getTime() - m.joinedAt.getTime()).toBeLessThan(YEAR_MS);
      }
      const age = (REFERENCE_DATE.getTime() - m.birthDate.getTime()) / YEAR_MS;
      if (m.category === "STUDENT") expect(age).toBeLessThan(30);
      if (m.category === "RETIRED") expect(age).toBeGreaterThan(60);
      if (m.category === "TEACHER" || m.category === "STAFF") expect(age).toBeLessThan(61);
    }
  });

  it("gives every member exactly one current membership, of their org, from a plausible date", () => {
    const byMember = new Map<string, (typeof u.memberships)[number][]>();
    for (const ms of u.memberships)
      byMember.set(ms.memberId, [...(byMember.get(ms.memberId) ?? []), ms]);
    expect(u.memberships).toHaveLength(u.members.length);
    for (const m of u.members) {
      const list = byMember.get(m.id) ?? [];
      expect(list).toHaveLength(1);
      const ms = list[0]!;
      expect(ms.orgId).toBe(m.orgId);
      expect(ms.validTo).toBeNull();
      expect(ms.validFrom.getTime()).toBeGreaterThanOrEqual(m.joinedAt.getTime());
      expect(ms.validFrom.getTime()).toBeGreaterThanOrEqual(orgs.get(m.orgId)!.validFrom.getTime());
      expect(ms.validFrom.getTime()).toBeLessThanOrEqual(REFERENCE_DATE.getTime());
      expect(ms.reason).toBeTruthy();
    }
  });

  it("gives plausible Chinese names of a surname and one or two characters", () => {
    for (const m of u.members) expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    const distinct = new Set(u.members.map((m) => m.name)).size;
    expect(distinct / u.members.length).toBeGreaterThan(0.75);
  });

  it("points every login and role assignment at existing rows", () => {
    const users = new Map(u.users.map((x) => [x.id, x]));
    const memberIds = new Set(u.members.map((m) => m.id));
    for (const r of u.roleAssignments) {
      expect(users.has(r.userId)).toBe(true);
      expect(orgs.has(r.orgId)).toBe(true);
    }
    for (const x of u.users) if (x.memberId) expect(memberIds.has(x.memberId)).toBe(true);
    expect(new Set(u.users.map((x) => x.username)).size).toBe(u.users.length);
    expect(u.users.map((x) => x.username)).toContain("admin");
  });
});

describe("the main demo university", () => {
  const branches = main.organizations.filter((o) => o.level === "BRANCH");
  const colleges = main.organizations.filter((o) => o.level === "COLLEGE");

  it("is deterministic for a seed", () => {
    const again = generateDemoUniversity({
      ...MAIN_DEMO_UNIVERSITY,
      referenceDate: REFERENCE_DATE,
    });
    expect(again).toEqual(main);
    const different = generateDemoUniversity({
      ...MAIN_DEMO_UNIVERSITY,
      seed: 1,
      referenceDate: REFERENCE_DATE,
    });
    expect(different.tenant.id).not.toBe(main.tenant.id);
    expect(different.members.map((m) => m.name)).not.toEqual(main.members.map((m) => m.name));
  });

  it("derives ids from the seed", () => {
    expect(deterministicUuid("x")).toBe(deterministicUuid("x"));
    expect(deterministicUuid("x")).not.toBe(deterministicUuid("y"));
  });

  it("has about 12 colleges, about 80 branches, a few 直属 branches and party groups, and 2,000 members", () => {
    expect(colleges.length).toBeGreaterThanOrEqual(10);
    expect(colleges.length).toBeLessThanOrEqual(14);
    expect(branches.length).toBeGreaterThanOrEqual(70);
    expect(branches.length).toBeLessThanOrEqual(90);
    expect(branches.filter((b) => b.depth === 1).length).toBeGreaterThanOrEqual(2);
    expect(main.organizations.filter((o) => o.level === "GROUP").length).toBeGreaterThan(0);
    expect(main.members).toHaveLength(2000);
    expect(main.departments.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "组织部",
        "宣传部",
        "党政办",
        "学工部",
        "纪委办",
        "质控办",
        "人事处",
        "教务处",
        "团委",
        "工会",
      ]),
    );
    expect(colleges.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "计算机科学与技术学院党委",
        "马克思主义学院党总支",
        "机关党委",
        "离退休工作处党委",
      ]),
    );
  });

  it("has teacher, student, admin and retired branches", () => {
    const kinds = count(branches, (b) => b.kind);
    for (const kind of ["TEACHER", "STUDENT", "ADMIN", "RETIRED"])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
    expect(branches.some((b) => b.name.endsWith("教工第一党支部"))).toBe(true);
    expect(branches.some((b) => b.name.endsWith("本科生第一党支部"))).toBe(true);
    expect(branches.some((b) => b.name.includes("研究生"))).toBe(true);
  });

  it("is mostly full members; probationary ones are mostly students", () => {
    const probationary = main.members.filter((m) => m.status === "PROBATIONARY");
    expect(probationary.length).toBeGreaterThan(50);
    expect(probationary.length).toBeLessThan(main.members.length * 0.25);
    const students = probationary.filter((m) => m.category === "STUDENT").length;
    expect(students / probationary.length).toBeGreaterThan(0.7);
  });

  it("has a handful of school leaders, about 60 middle cadres and the positions the quotas need", () => {
    const cadres = count(main.members, (m) => m.cadreLevel);
    expect(cadres.get("SCHOOL_LEADER")).toBeGreaterThanOrEqual(3);
    expect(cadres.get("SCHOOL_LEADER")).toBeLessThanOrEqual(10);
    expect(cadres.get("MIDDLE_CADRE")).toBeGreaterThanOrEqual(45);
    expect(cadres.get("MIDDLE_CADRE")).toBeLessThanOrEqual(75);
    const positions = count(
      main.members.flatMap((m) => m.positions),
      (p) => p,
    );
    for (const p of [
      "PROFESSOR",
      "COUNSELOR",
      "POLITICAL_WORKER",
      "COURSE_TEACHER",
      "COLLEGE_LEADER",
    ]) {
      expect(positions.get(p) ?? 0).toBeGreaterThan(0);
    }
    // School leaders sit in the school-level offices (机关党委).
    const adm = colleges.find((c) => c.name === "机关党委")!;
    for (const m of main.members.filter((x) => x.cadreLevel === "SCHOOL_LEADER")) {
      expect(
        main.organizations.find((o) => o.id === m.orgId)!.path.startsWith(`${adm.path}/`),
      ).toBe(true);
    }
    // Teachers and students only where they belong.
    for (const m of main.members.filter(
      (x) => x.positions.includes("PROFESSOR") || x.positions.includes("COUNSELOR"),
    )) {
      expect(["TEACHER", "STAFF"]).toContain(m.category);
    }
  });

  it("has one login per role, linked to the right people", () => {
    const byName = new Map(main.users.map((x) => [x.username, x]));
    expect([...byName.keys()].sort()).toEqual([
      "admin",
      "inspector",
      "leader",
      "member",
      "secretary",
    ]);
    const roleOf = (username: string) =>
      main.roleAssignments.find((r) => r.userId === byName.get(username)!.id)!;
    const orgs = new Map(main.organizations.map((o) => [o.id, o]));
    const members = new Map(main.members.map((m) => [m.id, m]));
    const h = main.highlights;

    expect(byName.get("admin")!.displayName).toBe("组织部 王老师");
    expect(roleOf("admin")).toMatchObject({ role: "ORG_ADMIN", orgId: h.rootOrgId });
    expect(roleOf("inspector")).toMatchObject({ role: "INSPECTOR", orgId: h.rootOrgId });

    const college = orgs.get(roleOf("leader").orgId)!;
    expect(roleOf("leader").role).toBe("LEADER");
    expect(college.level).toBe("COLLEGE");
    const leader = members.get(byName.get("leader")!.memberId!)!;
    expect(leader.positions).toContain("COLLEGE_LEADER");
    expect(orgs.get(leader.orgId)!.path.startsWith(`${college.path}/`)).toBe(true);

    const branch = orgs.get(roleOf("secretary").orgId)!;
    expect(roleOf("secretary").role).toBe("SECRETARY");
    expect(branch).toMatchObject({ level: "BRANCH", kind: "TEACHER", parentId: college.id });
    const secretary = members.get(byName.get("secretary")!.memberId!)!;
    expect(secretary).toMatchObject({ orgId: branch.id });
    expect(secretary.positions).toContain("SECRETARY");

    expect(roleOf("member")).toMatchObject({ role: "MEMBER", orgId: branch.id });
    const member = members.get(byName.get("member")!.memberId!)!;
    expect(member).toMatchObject({ orgId: branch.id, cadreLevel: "NONE", status: "FULL" });
    expect(member.positions).not.toContain("SECRETARY");
    expect(member.positions).not.toContain("COMMITTEE_MEMBER");
  });
});

describe("the small second university", () => {
  it("is small, different and only has an admin login", () => {
    expect(other.members).toHaveLength(60);
    expect(other.organizations.filter((o) => o.level === "COLLEGE")).toHaveLength(2);
    expect(other.users.map((x) => x.username)).toEqual(["admin"]);
    expect(other.tenant.id).not.toBe(main.tenant.id);
    const mainIds = new Set(allIds(main));
    expect(allIds(other).filter((id) => mainIds.has(id))).toEqual([]);
    const mainCollegeNames = new Set(
      main.organizations.filter((o) => o.level === "COLLEGE").map((o) => o.name),
    );
    expect(
      other.organizations.filter((o) => o.level === "COLLEGE" && mainCollegeNames.has(o.name)),
    ).toEqual([]);
  });

  it("scales to other sizes without breaking its invariants", () => {
    for (const [memberCount, collegeCount] of [
      [30, 1],
      [500, 4],
      [5000, 12],
    ] as const) {
      const u = generateDemoUniversity({
        seed: memberCount,
        slug: `s${memberCount}`,
        name: "测试大学",
        memberCount,
        collegeCount,
        referenceDate: REFERENCE_DATE,
      });
      expect(u.members).toHaveLength(memberCount);
      expect(new Set(u.members.map((m) => m.number)).size).toBe(memberCount);
      const orgs = new Map(u.organizations.map((o) => [o.id, o]));
      for (const m of u.members)
        expect(CATEGORIES_BY_KIND[orgs.get(m.orgId)!.kind]).toContain(m.category);
      const secretaries = count(
        u.members.filter((m) => m.positions.includes("SECRETARY")),
        (m) => m.orgId,
      );
      for (const b of u.organizations.filter((o) => o.level === "BRANCH"))
        expect(secretaries.get(b.id)).toBe(1);
    }
  });
});
