import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, ActorAssignment } from "@/server/authz/actor";
import { PERMISSIONS, roleGrants } from "@/server/authz/permissions";
import {
  can,
  isWithinSubtree,
  memberScopeWhere,
  orgScopeWhere,
  requireActorInTenant,
  requirePermission,
  scopeRoots,
} from "@/server/authz/scope";
import { AppError } from "@/server/errors";

const TENANT = "00000000-0000-4000-8000-000000000001";
const OTHER_TENANT = "00000000-0000-4000-8000-000000000002";

// A small tree: root / college A (with branch A1 and a "prefix twin" collegeAB), college B.
const ROOT = "root";
const COLLEGE_A = "root/a";
const BRANCH_A1 = "root/a/a1";
const COLLEGE_AB = "root/ab"; // starts with "root/a" but is not below it
const COLLEGE_B = "root/b";

let nextId = 0;
function assignment(role: Role, orgPath: string): ActorAssignment {
  nextId += 1;
  const orgId = orgPath.split("/").at(-1)!;
  return { id: `as-${nextId}`, role, orgId, orgPath, orgName: orgId.toUpperCase() };
}

function actor(assignments: ActorAssignment[], extra: Partial<Actor> = {}): Actor {
  return {
    tenantId: TENANT,
    tenantName: "Test University",
    userId: "user-1",
    username: "u1",
    displayName: "User One",
    memberId: null,
    assignments,
    ...extra,
  };
}

describe("isWithinSubtree", () => {
  it("counts the root itself as inside its subtree", () => {
    expect(isWithinSubtree(COLLEGE_A, COLLEGE_A)).toBe(true);
  });

  it("accepts children and deeper descendants", () => {
    expect(isWithinSubtree(BRANCH_A1, COLLEGE_A)).toBe(true);
    expect(isWithinSubtree(BRANCH_A1, ROOT)).toBe(true);
    expect(isWithinSubtree("root/a/a1/g1", COLLEGE_A)).toBe(true);
  });

  it("does not fall into the prefix trap: a/bc is not below a/b", () => {
    expect(isWithinSubtree("a/bc", "a/b")).toBe(false);
    expect(isWithinSubtree(COLLEGE_AB, COLLEGE_A)).toBe(false);
    expect(isWithinSubtree("root/ab/x", COLLEGE_A)).toBe(false);
  });

  it("rejects ancestors and siblings", () => {
    expect(isWithinSubtree(ROOT, COLLEGE_A)).toBe(false);
    expect(isWithinSubtree(COLLEGE_B, COLLEGE_A)).toBe(false);
  });

  it("is not fooled by a shared suffix or a bare prefix of the id", () => {
    expect(isWithinSubtree("x/root/a", COLLEGE_A)).toBe(false);
    expect(isWithinSubtree("roo", ROOT)).toBe(false);
    expect(isWithinSubtree("rootx/a", ROOT)).toBe(false);
  });
});

describe("scopeRoots", () => {
  it("keeps only the outermost roots, whatever the order of the assignments", () => {
    const a = actor([
      assignment("ORG_ADMIN", BRANCH_A1),
      assignment("ORG_ADMIN", COLLEGE_A),
      assignment("ORG_ADMIN", COLLEGE_B),
    ]);
    expect(scopeRoots(a, "user.manage").sort()).toEqual([COLLEGE_A, COLLEGE_B]);
  });

  it("collapses everything under a root assignment", () => {
    const a = actor([
      assignment("ORG_ADMIN", COLLEGE_A),
      assignment("ORG_ADMIN", ROOT),
      assignment("ORG_ADMIN", BRANCH_A1),
    ]);
    expect(scopeRoots(a, "org.manage")).toEqual([ROOT]);
  });

  it("keeps prefix twins apart", () => {
    const a = actor([assignment("LEADER", COLLEGE_A), assignment("LEADER", COLLEGE_AB)]);
    expect(scopeRoots(a, "member.read").sort()).toEqual([COLLEGE_A, COLLEGE_AB]);
  });

  it("lists one root once when two roles on it grant the permission", () => {
    const a = actor([assignment("LEADER", COLLEGE_A), assignment("INSPECTOR", COLLEGE_A)]);
    expect(scopeRoots(a, "org.read")).toEqual([COLLEGE_A]);
  });

  it("ignores roles that do not grant the permission", () => {
    const a = actor([assignment("SECRETARY", BRANCH_A1), assignment("ORG_ADMIN", COLLEGE_B)]);
    expect(scopeRoots(a, "user.manage")).toEqual([COLLEGE_B]);
    expect(scopeRoots(a, "member.read").sort()).toEqual([BRANCH_A1, COLLEGE_B]);
  });

  it("is empty for an actor without assignments", () => {
    expect(scopeRoots(actor([]), "org.read")).toEqual([]);
  });
});

describe("can", () => {
  const collegeAdmin = actor([assignment("ORG_ADMIN", COLLEGE_A)]);
  const secretary = actor([assignment("SECRETARY", BRANCH_A1)]);
  const member = actor([assignment("MEMBER", BRANCH_A1)], { memberId: "m-1" });
  const inspector = actor([assignment("INSPECTOR", ROOT)]);

  it("without a path: whether the permission is held anywhere", () => {
    expect(can(collegeAdmin, "user.manage")).toBe(true);
    expect(can(secretary, "user.manage")).toBe(false);
    expect(can(secretary, "member.read")).toBe(true);
    expect(can(member, "org.read")).toBe(true);
    expect(can(member, "member.read")).toBe(false);
    expect(can(inspector, "audit.read")).toBe(true);
    expect(can(inspector, "org.manage")).toBe(false);
  });

  it("with a path: only inside the subtree of an assignment that grants it", () => {
    expect(can(collegeAdmin, "user.manage", COLLEGE_A)).toBe(true);
    expect(can(collegeAdmin, "user.manage", BRANCH_A1)).toBe(true);
    expect(can(collegeAdmin, "user.manage", ROOT)).toBe(false);
    expect(can(collegeAdmin, "user.manage", COLLEGE_B)).toBe(false);
    expect(can(secretary, "member.read", BRANCH_A1)).toBe(true);
    expect(can(secretary, "member.read", COLLEGE_A)).toBe(false);
    expect(can(inspector, "audit.read", BRANCH_A1)).toBe(true);
  });

  it("does not grant a prefix twin", () => {
    expect(can(collegeAdmin, "org.manage", COLLEGE_AB)).toBe(false);
    expect(can(collegeAdmin, "org.manage", "root/ab/x")).toBe(false);
  });

  it("an actor with no roles can do nothing", () => {
    const nobody = actor([]);
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(nobody, permission)).toBe(false);
      expect(can(nobody, permission, ROOT)).toBe(false);
    }
  });
});

describe("requirePermission", () => {
  it("passes silently when allowed", () => {
    expect(() =>
      requirePermission(actor([assignment("ORG_ADMIN", ROOT)]), "user.manage", BRANCH_A1),
    ).not.toThrow();
  });

  it("throws FORBIDDEN when not", () => {
    const secretary = actor([assignment("SECRETARY", BRANCH_A1)]);
    expect(() => requirePermission(secretary, "user.manage")).toThrow(AppError);
    try {
      requirePermission(secretary, "member.read", COLLEGE_B);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("FORBIDDEN");
    }
  });
});

describe("requireActorInTenant", () => {
  it("throws NOT_FOUND (not FORBIDDEN) for another tenant", () => {
    const a = actor([assignment("ORG_ADMIN", ROOT)]);
    expect(() => requireActorInTenant(a, TENANT)).not.toThrow();
    try {
      requireActorInTenant(a, OTHER_TENANT);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
  });
});

describe("orgScopeWhere", () => {
  it("matches nothing, within the tenant, without the permission", () => {
    expect(orgScopeWhere(actor([assignment("MEMBER", BRANCH_A1)]), "org.manage")).toEqual({
      tenantId: TENANT,
      id: { in: [] },
    });
  });

  it("matches each outermost root and the paths below it, never a bare prefix", () => {
    const a = actor([
      assignment("LEADER", COLLEGE_A),
      assignment("LEADER", BRANCH_A1),
      assignment("LEADER", COLLEGE_B),
    ]);
    const where = orgScopeWhere(a, "member.read");
    expect(where.tenantId).toBe(TENANT);
    expect(where.OR).toHaveLength(4);
    expect(where.OR).toEqual(
      expect.arrayContaining([
        { path: COLLEGE_A },
        { path: { startsWith: COLLEGE_A + "/" } },
        { path: COLLEGE_B },
        { path: { startsWith: COLLEGE_B + "/" } },
      ]),
    );
  });

  it("always carries the actor's tenant", () => {
    const where = orgScopeWhere(actor([assignment("ORG_ADMIN", ROOT)]), "org.manage");
    expect(where).toEqual({
      tenantId: TENANT,
      OR: [{ path: ROOT }, { path: { startsWith: ROOT + "/" } }],
    });
  });
});

describe("memberScopeWhere", () => {
  it("members of organizations in member.read scope, plus the actor's own record", () => {
    const a = actor([assignment("SECRETARY", BRANCH_A1)], { memberId: "m-1" });
    expect(memberScopeWhere(a)).toEqual({
      tenantId: TENANT,
      OR: [{ org: orgScopeWhere(a, "member.read") }, { id: "m-1" }],
    });
  });

  it("a plain MEMBER sees only themself", () => {
    const a = actor([assignment("MEMBER", BRANCH_A1)], { memberId: "m-2" });
    expect(memberScopeWhere(a)).toEqual({ tenantId: TENANT, OR: [{ id: "m-2" }] });
  });

  it("a reader without a member record sees only the organizations in scope", () => {
    const a = actor([assignment("INSPECTOR", ROOT)]);
    expect(memberScopeWhere(a)).toEqual({
      tenantId: TENANT,
      OR: [{ org: orgScopeWhere(a, "member.read") }],
    });
  });

  it("matches nothing for an actor with neither", () => {
    expect(memberScopeWhere(actor([assignment("MEMBER", BRANCH_A1)]))).toEqual({
      tenantId: TENANT,
      id: { in: [] },
    });
  });
});

describe("the permission table", () => {
  it("keeps account and structure management with ORG_ADMIN only", () => {
    for (const role of ["LEADER", "SECRETARY", "MEMBER", "INSPECTOR"] as const) {
      expect(roleGrants(role, "user.manage")).toBe(false);
      expect(roleGrants(role, "org.manage")).toBe(false);
      expect(roleGrants(role, "member.manage")).toBe(false);
    }
    expect(roleGrants("ORG_ADMIN", "user.manage")).toBe(true);
  });

  it("lets ORG_ADMIN and INSPECTOR read the audit trail, and nobody else", () => {
    expect(PERMISSIONS["audit.read"].slice().sort()).toEqual(["INSPECTOR", "ORG_ADMIN"]);
  });
});
