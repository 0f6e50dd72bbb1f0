/// <reference types="vite/client" />
import { beforeAll, describe, expect, it, vi } from "vitest";
import { form, signInAs, signOut } from "../../setup/action-context";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import type { ActionCase } from "./action-cases";

// Every `action-cases*.ts` file beside this one contributes its exported `*_CASES` arrays, so each
// area adds its actions in a file of its own.
const caseModules = import.meta.glob<Record<string, unknown>>("./action-cases*.ts", {
  eager: true,
});
const ACTION_CASES: ActionCase[] = Object.values(caseModules).flatMap((module) =>
  Object.entries(module)
    .filter(([name, value]) => name.endsWith("_CASES") && Array.isArray(value))
    .flatMap(([, value]) => value as ActionCase[]),
);

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("act-a");
  b = await createTenantFixture("act-b");
  // Case files whose actions need more than the tenant fixture (campaigns, reports, pledges …)
  // export prepareActionFixtures: it runs here, before any snapshot of tenant B is taken.
  for (const caseModule of Object.values(caseModules)) {
    const prepare = caseModule.prepareActionFixtures as
      ((tenants: TenantFixture[]) => Promise<void>) | undefined;
    if (typeof prepare === "function") await prepare([a, b]);
  }
});

/** Every row of tenant B that an action could touch, to compare before and after. */
async function snapshotTenant(tenantId: string) {
  const db = adminDb();
  const where = { where: { tenantId } };
  return JSON.stringify({
    orgs: await db.organization.findMany({ ...where, orderBy: { id: "asc" } }),
    placements: await db.orgPlacement.findMany({ ...where, orderBy: { id: "asc" } }),
    members: await db.member.findMany({ ...where, orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ ...where, orderBy: { id: "asc" } }),
    users: await db.user.findMany({ ...where, orderBy: { id: "asc" } }),
    roles: await db.roleAssignment.findMany({ ...where, orderBy: { id: "asc" } }),
    departments: await db.department.findMany({ ...where, orderBy: { id: "asc" } }),
    campaigns: await db.campaign.findMany({ ...where, orderBy: { id: "asc" } }),
    campaignLeaders: await db.campaignLeader.findMany({ ...where, orderBy: { id: "asc" } }),
    activities: await db.activity.findMany({ ...where, orderBy: { id: "asc" } }),
    attendance: await db.activityAttendance.count(where),
    activityLinks: await db.activityCampaign.count(where),
    evidence: await db.evidence.findMany({ ...where, orderBy: { id: "asc" } }),
    pledges: await db.pledge.findMany({ ...where, orderBy: { id: "asc" } }),
    pledgeItems: await db.pledgeItem.findMany({ ...where, orderBy: { id: "asc" } }),
    pledgeProgress: await db.pledgeProgress.count(where),
    pledgeComments: await db.pledgeComment.count(where),
    assessments: await db.assessmentEntry.findMany({ ...where, orderBy: { id: "asc" } }),
    publications: await db.ratingPublication.count(where),
    opinionRounds: await db.opinionRound.findMany({ ...where, orderBy: { id: "asc" } }),
    opinions: await db.opinion.findMany({ ...where, orderBy: { id: "asc" } }),
    // Refusals are audited (authz.*) by design; every other event would be a write that leaked.
    audit: await db.auditEvent.count({
      where: { tenantId, NOT: { action: { startsWith: "authz." } } },
    }),
    appraisalRounds: await db.appraisalRound.findMany({ ...where, orderBy: { id: "asc" } }),
    appraisalRows: [
      await db.appraisalParticipant.count(where),
      await db.appraisalSelfAssessment.findMany({ ...where, orderBy: { id: "asc" } }),
      await db.appraisalVoter.count(where),
      await db.appraisalBallotEntry.count(where),
      await db.appraisalConclusion.findMany({ ...where, orderBy: { id: "asc" } }),
    ],
    commendations: [
      await db.commendationWindow.findMany({ ...where, orderBy: { id: "asc" } }),
      await db.commendationNomination.findMany({ ...where, orderBy: { id: "asc" } }),
      await db.commendationObjection.findMany({ ...where, orderBy: { id: "asc" } }),
    ],
    departmentStaff: await db.departmentStaff.findMany({ ...where, orderBy: { id: "asc" } }),
    secretaryProjects: await db.secretaryProject.findMany({ ...where, orderBy: { id: "asc" } }),
    milestones: await db.projectMilestone.findMany({ ...where, orderBy: { id: "asc" } }),
    plans: await db.implementationPlan.findMany({ ...where, orderBy: { id: "asc" } }),
  });
}

/** Runs an action; a redirect (Next throws to redirect) counts as success and is returned as such. */
async function call(run: (fd: FormData) => Promise<unknown>, fd: FormData) {
  try {
    return await run(fd);
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT")
      return { ok: true, redirected: true };
    throw error;
  }
}

describe("every server action refuses another tenant's ids", () => {
  it.each(ACTION_CASES.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    const before = await snapshotTenant(b.tenantId);
    for (const role of testCase.roles ?? ["admin"]) {
      await signInAs({ tenantId: a.tenantId, userId: a.users[role]! });
      const result = await call(testCase.run, form(testCase.foreign(a, b)));
      if (testCase.isRefused) {
        expect(testCase.isRefused(result), JSON.stringify(result)).toBe(true);
      } else {
        expect(result).toMatchObject({ ok: false });
        expect((result as { message: string }).message).toMatch(
          testCase.refusal ?? /不存在|无权|权限/,
        );
      }
    }
    expect(await snapshotTenant(b.tenantId)).toBe(before);
  });
});

describe("every server action refuses a caller without a session", () => {
  it.each(ACTION_CASES.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    signOut();
    const beforeA = await snapshotTenant(a.tenantId);
    const result = await call(testCase.run, form(testCase.own(a)));
    expect(result).toMatchObject({ ok: false, message: "登录已失效，请重新登录" });
    expect(await snapshotTenant(a.tenantId)).toBe(beforeA);
  });
});

describe("every privileged server action refuses a plain member", () => {
  it.each(ACTION_CASES.filter((c) => c.privileged).map((c) => [c.name, c] as const))(
    "%s",
    async (_name, testCase) => {
      await signInAs({ tenantId: a.tenantId, userId: a.users.member! });
      const beforeA = await snapshotTenant(a.tenantId);
      const result = await call(testCase.run, form(testCase.own(a)));
      if (testCase.isRefused) expect(testCase.isRefused(result), JSON.stringify(result)).toBe(true);
      else expect(result).toMatchObject({ ok: false });
      expect(await snapshotTenant(a.tenantId)).toBe(beforeA);
    },
  );
});

describe("the action table is complete", () => {
  // Actions that need no session by design.
  const PUBLIC_ACTIONS = new Set(["setLocaleAction"]);

  it("lists every exported server action of src/server/actions", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(import.meta.dirname, "../../../src/server/actions");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith("-action.ts"),
    );
    const exported = files
      .map((f) => readFileSync(path.join(root, f), "utf8"))
      .filter((source) => /^["']use server["']/m.test(source))
      .flatMap((source) =>
        [...source.matchAll(/export async function (\w+Action)\b/g)].map((m) => m[1]!),
      );
    expect(exported.length).toBeGreaterThan(5);
    const covered = new Set(ACTION_CASES.map((c) => c.name.split(" ")[0]));
    expect(exported.filter((name) => !covered.has(name) && !PUBLIC_ACTIONS.has(name))).toEqual([]);
  });
});
