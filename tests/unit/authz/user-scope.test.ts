import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, ActorAssignment } from "@/server/authz/actor";
import {
  coversUserFully,
  hasTenantWideScope,
  holdsOrgAdminOver,
  isRootPath,
  isUuid,
  requireFullCover,
  userScopeWhere,
} from "@/server/data/users/user-scope";
import { AppError } from "@/server/errors";

// The scoping helpers of the user-management data functions (src/server/data/users/user-scope.ts).

const TENANT = "00000000-0000-4000-8000-000000000001";

function assignment(role: Role, orgPath: string): ActorAssignment {
  const orgId = orgPath.split("/").at(-1)!;
  return { id: `as-${role}-${orgId}`, role, orgId, orgPath, orgName: orgId };
}

function actor(assignments: ActorAssignment[]): Actor {
  return {
    tenantId: TENANT,
    tenantName: "T",
    userId: "u-1",
    username: "u1",
    displayName: "U",
    memberId: null,
    assignments,
  };
}

type Target = Parameters<typeof coversUserFully>[1];
function target(rolePaths: string[], memberPath?: string): Target {
  return {
    member: memberPath
      ? ({ org: { path: memberPath } } as unknown as NonNullable<Target["member"]>)
      : null,
    roleAssignments: rolePaths.map(
      (path) => ({ org: { path } }) as unknown as Target["roleAssignments"][number],
    ),
  };
}

describe("isRootPath / hasTenantWideScope", () => {
  it("a root path has no separator", () => {
    expect(isRootPath("root")).toBe(true);
    expect(isRootPath("root/a")).toBe(false);
  });

  it("only an assignment at depth 0 gives tenant-wide scope", () => {
    expect(hasTenantWideScope(actor([assignment("ORG_ADMIN", "root")]), "user.manage")).toBe(true);
    expect(hasTenantWideScope(actor([assignment("ORG_ADMIN", "root/a")]), "user.manage")).toBe(
      false,
    );
    expect(hasTenantWideScope(actor([assignment("INSPECTOR", "root")]), "audit.read")).toBe(true);
    expect(hasTenantWideScope(actor([assignment("INSPECTOR", "root")]), "user.manage")).toBe(false);
    expect(hasTenantWideScope(actor([assignment("LEADER", "root")]), "audit.read")).toBe(false);
  });
});

describe("holdsOrgAdminOver", () => {
  it("needs the ORG_ADMIN role itself over the path", () => {
    const a = actor([assignment("ORG_ADMIN", "root/a"), assignment("LEADER", "root")]);
    expect(holdsOrgAdminOver(a, "root/a/a1")).toBe(true);
    expect(holdsOrgAdminOver(a, "root/ab")).toBe(false);
    expect(holdsOrgAdminOver(a, "root")).toBe(false);
  });
});

describe("userScopeWhere", () => {
  it("matches nothing without user.manage", () => {
    expect(userScopeWhere(actor([assignment("SECRETARY", "root/a/a1")]))).toEqual({
      tenantId: TENANT,
      id: { in: [] },
    });
  });

  it("is the whole tenant for a root ORG_ADMIN", () => {
    expect(userScopeWhere(actor([assignment("ORG_ADMIN", "root")]))).toEqual({ tenantId: TENANT });
  });

  it("below the root: active roles or a linked member inside the subtree", () => {
    const where = userScopeWhere(actor([assignment("ORG_ADMIN", "root/a")]));
    const orgs = {
      tenantId: TENANT,
      OR: [{ path: "root/a" }, { path: { startsWith: "root/a/" } }],
    };
    expect(where).toEqual({
      tenantId: TENANT,
      OR: [
        { roleAssignments: { some: { revokedAt: null, org: orgs } } },
        { member: { org: orgs } },
      ],
    });
  });
});

describe("coversUserFully", () => {
  const collegeAdmin = actor([assignment("ORG_ADMIN", "root/a")]);

  it("a root admin covers everyone", () => {
    expect(
      coversUserFully(
        actor([assignment("ORG_ADMIN", "root")]),
        target(["root", "root/b"], "root/b/b1"),
      ),
    ).toBe(true);
  });

  it("a college admin covers users whose every role and member record lie in the college", () => {
    expect(coversUserFully(collegeAdmin, target(["root/a/a1"], "root/a/a1"))).toBe(true);
    expect(coversUserFully(collegeAdmin, target([], "root/a"))).toBe(true);
  });

  it("not a user who also holds a role elsewhere (e.g. a school-level admin)", () => {
    expect(coversUserFully(collegeAdmin, target(["root/a/a1", "root"]))).toBe(false);
    expect(() => requireFullCover(collegeAdmin, target(["root/a/a1", "root"]))).toThrow(AppError);
  });

  it("not a user whose member record is elsewhere, prefix twins included", () => {
    expect(coversUserFully(collegeAdmin, target(["root/a/a1"], "root/ab"))).toBe(false);
  });
});

describe("isUuid", () => {
  it("accepts uuids and refuses anything else before it reaches a uuid column", () => {
    expect(isUuid("0190c8b4-7d4a-7a3e-8b1c-123456789abc")).toBe(true);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid("0190c8b4-7d4a-7a3e-8b1c-123456789abc' OR 1=1")).toBe(false);
  });
});
