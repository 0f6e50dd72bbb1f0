import { createHash } from "node:crypto";
import { beforeEach } from "vitest";
import { enterAssessmentAction } from "@/server/actions/ratings/enter-assessment-action";
import { publishRatingsAction } from "@/server/actions/ratings/publish-ratings-action";
import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";
import type { ActionCase } from "./action-cases";

const ALL_ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"];

// ---------------------------------------------------------------------------------------------
// The tenant fixture has no campaign, and `foreign`/`own` are synchronous: each tenant's campaign
// has an id derived from the tenant id. The campaign runs through 2026 over the school, with one
// branch quota and no rating settings (the default scheme applies). It must exist before a case
// snapshots tenant B, so a hook registered by this module creates it for every tenant of the
// test database before the first test (after the fixtures' beforeAll); `withCampaign` still
// creates it on a first call, should a case run without the hook.
// ---------------------------------------------------------------------------------------------

const tenantsById = new Map<string, TenantFixture>();

function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const campaignOf = (tenant: TenantFixture) => {
  const id = campaignIdOf(tenant.tenantId);
  tenantsById.set(id, tenant);
  return id;
};

const campaignIdOf = (tenantId: string) => derivedUuid(`rating-campaign|${tenantId}`);

async function ensureCampaign(tenantId: string, schoolId: string): Promise<void> {
  const db = adminDb();
  const id = campaignIdOf(tenantId);
  if (await db.campaign.findFirst({ where: { tenantId, id }, select: { id: true } })) return;
  await db.campaign.create({
    data: {
      tenantId,
      id,
      name: "星级评定测试活动",
      startDate: new Date("2026-01-01T00:00:00Z"),
      endDate: new Date("2026-12-31T00:00:00Z"),
      rootOrgId: schoolId,
      definition: {
        id,
        startDate: "2026-01-01",
        endDate: "2026-12-31",
        quotas: [
          {
            id: "study",
            name: "集中学习",
            subject: { kind: "organization", levels: ["BRANCH"] },
            period: { kind: "calendarYear" },
            metric: "count",
            activity: { types: ["CONCENTRATED_STUDY"] },
            target: { op: "atLeast", value: 10 },
          },
        ],
      },
    },
  });
}

const withCampaign =
  (action: (prev: unknown, fd: FormData) => Promise<unknown>) => async (fd: FormData) => {
    const tenants = new Set<TenantFixture>();
    for (const value of fd.values()) {
      const tenant = typeof value === "string" ? tenantsById.get(value) : undefined;
      if (tenant) tenants.add(tenant);
    }
    for (const tenant of tenants) await ensureCampaign(tenant.tenantId, tenant.orgs.school!.id);
    return action(undefined, fd);
  };

let prepared = false;
beforeEach(async () => {
  if (prepared) return;
  const db = adminDb();
  const schools = await db.organization.findMany({
    where: { parentId: null, level: "SCHOOL" },
    select: { tenantId: true, id: true },
  });
  for (const school of schools) await ensureCampaign(school.tenantId, school.id);
  prepared = schools.length > 0;
});

const assessment = {
  year: 2026,
  itemId: "superior-assessment",
  points: 15,
  comment: "支部工作扎实",
};

export const RATING_CASES: ActionCase[] = [
  {
    name: "enterAssessmentAction",
    run: withCampaign(enterAssessmentAction),
    foreign: (_a, b) => ({
      ...assessment,
      campaignId: campaignOf(b),
      subjectKind: "organization",
      subjectId: b.orgs.b11!.id,
    }),
    own: (a) => ({
      ...assessment,
      campaignId: campaignOf(a),
      subjectKind: "organization",
      subjectId: a.orgs.b11!.id,
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "enterAssessmentAction (foreign subject in an own campaign)",
    run: withCampaign(enterAssessmentAction),
    foreign: (a, b) => ({
      ...assessment,
      campaignId: campaignOf(a),
      subjectKind: "organization",
      subjectId: b.orgs.b11!.id,
    }),
    own: (a) => ({
      ...assessment,
      campaignId: campaignOf(a),
      subjectKind: "organization",
      subjectId: a.orgs.b11!.id,
    }),
    privileged: true,
    roles: ["admin", "inspector"],
  },
  {
    name: "enterAssessmentAction (foreign member in an own campaign)",
    run: withCampaign(enterAssessmentAction),
    foreign: (a, b) => ({
      ...assessment,
      campaignId: campaignOf(a),
      subjectKind: "member",
      subjectId: b.members["b11-1"]!,
    }),
    own: (a) => ({
      ...assessment,
      campaignId: campaignOf(a),
      subjectKind: "member",
      subjectId: a.members["b11-1"]!,
    }),
    privileged: true,
    roles: ["admin", "inspector"],
  },
  {
    name: "publishRatingsAction",
    run: withCampaign(publishRatingsAction),
    foreign: (_a, b) => ({ campaignId: campaignOf(b), year: 2026, reason: "更正" }),
    own: (a) => ({ campaignId: campaignOf(a), year: 2026 }),
    privileged: true,
    roles: ALL_ROLES,
  },
];
