import { createOrganizationAction } from "@/server/actions/orgs/create-organization-action";
import { updateOrganizationAction } from "@/server/actions/orgs/update-organization-action";
import { moveOrganizationAction } from "@/server/actions/orgs/move-organization-action";
import { closeOrganizationAction } from "@/server/actions/orgs/close-organization-action";
import { createUserAction } from "@/server/actions/users/create-user-action";
import { setUserDisabledAction } from "@/server/actions/users/set-user-disabled-action";
import { resetUserPasswordAction } from "@/server/actions/users/reset-user-password-action";
import { assignRoleAction } from "@/server/actions/users/assign-role-action";
import { revokeRoleAction } from "@/server/actions/users/revoke-role-action";
import { changePasswordAction } from "@/server/actions/account/change-password-action";
import { createMemberAction } from "@/server/actions/members/create-member-action";
import { updateMemberAction } from "@/server/actions/members/update-member-action";
import { transferMemberAction } from "@/server/actions/members/transfer-member-action";
import { importMembersAction } from "@/server/actions/members/import-members-action";
import { createCampaignFromTemplateAction } from "@/server/actions/campaigns/create-campaign-from-template-action";
import { importCampaignDefinitionAction } from "@/server/actions/campaigns/import-campaign-definition-action";
import { updateCampaignAction } from "@/server/actions/campaigns/update-campaign-action";
import { upsertQuotaAction } from "@/server/actions/campaigns/upsert-quota-action";
import { removeQuotaAction } from "@/server/actions/campaigns/remove-quota-action";
import { updatePhasesAction } from "@/server/actions/campaigns/update-phases-action";
import { updateRatingSettingsAction } from "@/server/actions/campaigns/update-rating-settings-action";
import { addCampaignLeaderAction } from "@/server/actions/campaigns/add-campaign-leader-action";
import { removeCampaignLeaderAction } from "@/server/actions/campaigns/remove-campaign-leader-action";
import { createHash } from "node:crypto";
import { findCampaignTemplate, instantiateCampaignTemplate } from "@/rules";
import { adminDb } from "../../setup/admin-db";
import { saveDepartmentAction } from "@/server/actions/departments/save-department-action";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { FIXTURE_PASSWORD } from "../../factories/tenant-fixture";

type Fields = Record<string, string | number | string[] | Blob | undefined>;

export type ActionCase = {
  name: string;
  run: (fd: FormData) => Promise<unknown>;
  /** Fields that point at tenant B while the caller belongs to tenant A. */
  foreign: (a: TenantFixture, b: TenantFixture) => Fields;
  /** Valid fields within tenant A (used for the no-session and wrong-role checks). */
  own: (a: TenantFixture) => Fields;
  /** Refused to a plain member even within their own tenant. */
  privileged: boolean;
  /** Tenant-A roles that attempt the foreign call (default: the root admin). */
  roles?: string[];
  /** The refusal message expected for the foreign call (default: not found / no permission). */
  refusal?: RegExp;
  /** How a refusal looks when it is not `{ ok: false, message }` (e.g. an import's error report). */
  isRefused?: (result: unknown) => boolean;
};

const ALL_ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in their previous-state type; the tests pass none
const run = (action: (prev: any, fd: FormData) => Promise<unknown>) => (fd: FormData) =>
  action(undefined, fd);

// The role-assignment id of tenant B's secretary is looked up lazily by the test through the ids
// the fixture exposes; a random uuid stands in where only "some other id" matters.
const memberFields = (number: string) => ({
  number,
  name: "测试",
  gender: "MALE",
  status: "FULL",
  category: "TEACHER",
  joinedAt: "2010-07-01",
});

/** A one-row roster CSV that puts a member into the organization with `code`. */
const rosterCsv = (number: string, code: string) =>
  new File(
    [
      `党员编号,姓名,性别,所在组织编码,党员状态,人员类别\n${number},导入测试,男,${code},正式党员,教师\n`,
    ],
    "roster.csv",
    {
      type: "text/csv",
    },
  );

// ---------------------------------------------------------------------------------------------
// Campaigns: the fixture has none, and `foreign`/`own` are synchronous, so each tenant's campaign
// (and one leadership-group row) has an id derived from the tenant, and the campaign actions run
// through `withCampaigns`, which creates them (superuser, no audit) before the first call.
// ---------------------------------------------------------------------------------------------

const fixtureCampaigns = new Map<string, TenantFixture>();

function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The id of the tenant's fixture campaign (rooted at its school, from the 创先争优 template). */
const campaignOf = (tenant: TenantFixture) => {
  const id = derivedUuid(`campaign|${tenant.tenantId}`);
  fixtureCampaigns.set(id, tenant);
  return id;
};
/** The id of the one leadership-group row of the tenant's fixture campaign (member b11-0). */
const campaignLeaderOf = (tenant: TenantFixture) =>
  derivedUuid(`campaign-leader|${tenant.tenantId}`);

async function ensureFixtureCampaign(id: string, tenant: TenantFixture): Promise<void> {
  const db = adminDb();
  if (
    await db.campaign.findFirst({ where: { tenantId: tenant.tenantId, id }, select: { id: true } })
  )
    return;
  const { campaign } = instantiateCampaignTemplate(findCampaignTemplate("chuang-xian-zheng-you")!, {
    id,
    startDate: "2026-01-01",
  });
  await db.campaign.create({
    data: {
      tenantId: tenant.tenantId,
      id,
      name: `${tenant.slug} 创先争优`,
      startDate: new Date(`${campaign.startDate}T00:00:00Z`),
      endDate: new Date(`${campaign.endDate}T00:00:00Z`),
      rootOrgId: tenant.orgs.school!.id,
      definition: JSON.parse(JSON.stringify(campaign)),
    },
  });
  await db.campaignLeader.create({
    data: {
      tenantId: tenant.tenantId,
      id: campaignLeaderOf(tenant),
      campaignId: id,
      memberId: tenant.members["b11-0"]!,
      role: "LEADER",
    },
  });
}

const withCampaigns =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as `run` above
  (action: (prev: any, fd: FormData) => Promise<unknown>) => async (fd: FormData) => {
    for (const key of ["campaignId", "id"]) {
      const value = fd.get(key);
      const tenant = typeof value === "string" ? fixtureCampaigns.get(value) : undefined;
      if (tenant) await ensureFixtureCampaign(value as string, tenant);
    }
    return action(undefined, fd);
  };

const campaignJson = JSON.stringify({
  campaign: {
    id: "shared",
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
  organizations: [],
  members: [],
});

const quotaFields = {
  version: 1,
  quotaId: "extra-quota",
  name: "集中学习",
  structure: "simple",
  metric: "count",
  activityTypes: ["CONCENTRATED_STUDY"],
  subjectKind: "organization",
  orgLevels: ["BRANCH"],
  periodKind: "campaign",
  targetOp: "atLeast",
  targetValue: 4,
};

const phaseFields = {
  version: 1,
  phaseName: ["动员部署"],
  phaseStart: ["2026-01-01"],
  phaseEnd: ["2026-01-31"],
};

export const ACTION_CASES: ActionCase[] = [
  {
    name: "createCampaignFromTemplateAction",
    run: run(createCampaignFromTemplateAction),
    foreign: (_a, b) => ({
      templateCode: "chuang-xian-zheng-you",
      name: "x",
      startDate: "2026-01-01",
      rootOrgId: b.orgs.school!.id,
    }),
    own: (a) => ({
      templateCode: "chuang-xian-zheng-you",
      name: "x",
      startDate: "2026-01-01",
      rootOrgId: a.orgs.school!.id,
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "importCampaignDefinitionAction",
    run: run(importCampaignDefinitionAction),
    foreign: (_a, b) => ({ json: campaignJson, name: "x", rootOrgId: b.orgs.school!.id }),
    own: (a) => ({ json: campaignJson, name: "x", rootOrgId: a.orgs.school!.id }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "updateCampaignAction",
    run: withCampaigns(updateCampaignAction),
    foreign: (_a, b) => ({
      id: campaignOf(b),
      version: 1,
      name: "x",
      startDate: "2026-01-01",
      endDate: "2028-07-31",
      status: "CLOSED",
    }),
    own: (a) => ({
      id: campaignOf(a),
      version: 1,
      name: "x",
      startDate: "2026-01-01",
      endDate: "2028-07-31",
      status: "CLOSED",
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "upsertQuotaAction",
    run: withCampaigns(upsertQuotaAction),
    foreign: (_a, b) => ({ ...quotaFields, campaignId: campaignOf(b) }),
    own: (a) => ({ ...quotaFields, campaignId: campaignOf(a) }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "removeQuotaAction",
    run: withCampaigns(removeQuotaAction),
    foreign: (_a, b) => ({ campaignId: campaignOf(b), version: 1, quotaId: "r28-public-pledge" }),
    own: (a) => ({ campaignId: campaignOf(a), version: 1, quotaId: "r28-public-pledge" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "updatePhasesAction",
    run: withCampaigns(updatePhasesAction),
    foreign: (_a, b) => ({ ...phaseFields, campaignId: campaignOf(b) }),
    own: (a) => ({ ...phaseFields, campaignId: campaignOf(a) }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "updateRatingSettingsAction",
    run: withCampaigns(updateRatingSettingsAction),
    foreign: (_a, b) => ({
      campaignId: campaignOf(b),
      version: 1,
      ratingJson: '{"vetoItems":[{"id":"v","label":"x","capScore":10}]}',
    }),
    own: (a) => ({
      campaignId: campaignOf(a),
      version: 1,
      ratingJson: '{"vetoItems":[{"id":"v","label":"x","capScore":10}]}',
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "addCampaignLeaderAction",
    run: withCampaigns(addCampaignLeaderAction),
    foreign: (_a, b) => ({
      campaignId: campaignOf(b),
      memberNumber: `${b.slug}-b12-1`.toUpperCase(),
      role: "MEMBER",
    }),
    own: (a) => ({
      campaignId: campaignOf(a),
      memberNumber: `${a.slug}-b12-1`.toUpperCase(),
      role: "MEMBER",
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "addCampaignLeaderAction (foreign member into an own campaign)",
    run: withCampaigns(addCampaignLeaderAction),
    foreign: (a, b) => ({
      campaignId: campaignOf(a),
      memberNumber: `${b.slug}-b12-1`.toUpperCase(),
      role: "MEMBER",
    }),
    own: (a) => ({
      campaignId: campaignOf(a),
      memberNumber: `${a.slug}-b12-1`.toUpperCase(),
      role: "MEMBER",
    }),
    privileged: true,
    refusal: /未找到该编号的党员/,
  },
  {
    name: "removeCampaignLeaderAction",
    run: withCampaigns(removeCampaignLeaderAction),
    foreign: (_a, b) => ({ campaignId: campaignOf(b), leaderId: campaignLeaderOf(b) }),
    own: (a) => ({ campaignId: campaignOf(a), leaderId: campaignLeaderOf(a) }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "removeCampaignLeaderAction (foreign leader on an own campaign)",
    run: withCampaigns(removeCampaignLeaderAction),
    foreign: (a, b) => ({ campaignId: campaignOf(a), leaderId: campaignLeaderOf(b) }),
    own: (a) => ({ campaignId: campaignOf(a), leaderId: campaignLeaderOf(a) }),
    privileged: true,
  },
  {
    name: "importMembersAction",
    run: run(importMembersAction),
    // A roster row naming tenant B's organization code: rejected as an unknown organization.
    foreign: (_a, b) => ({ file: rosterCsv("IMPORT-X1", `${b.slug}-b11`.toUpperCase()) }),
    own: (a) => ({ file: rosterCsv("IMPORT-X1", `${a.slug}-b11`.toUpperCase()) }),
    privileged: true,
    roles: ALL_ROLES,
    isRefused: (r) => {
      const result = r as { ok: boolean; data?: { status?: string } };
      return result.ok === false || result.data?.status === "rejected";
    },
  },
  {
    name: "createMemberAction",
    run: run(createMemberAction),
    foreign: (_a, b) => ({ ...memberFields("NEW-IN-B"), orgId: b.orgs.b11!.id }),
    own: (a) => ({ ...memberFields("NEW-IN-A"), orgId: a.orgs.b11!.id }),
    privileged: true,
    roles: ALL_ROLES,
    refusal: /不存在|无权|权限|请修正/,
  },
  {
    name: "updateMemberAction",
    run: run(updateMemberAction),
    foreign: (_a, b) => ({ ...memberFields("ACT-B-B11-2"), id: b.members["b11-2"]!, version: 1 }),
    own: (a) => ({ ...memberFields("ACT-A-B11-2"), id: a.members["b11-2"]!, version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "transferMemberAction",
    run: run(transferMemberAction),
    foreign: (_a, b) => ({
      memberId: b.members["b11-2"]!,
      version: 1,
      toOrgId: b.orgs.b21!.id,
      effectiveDate: "2026-01-10",
    }),
    own: (a) => ({
      memberId: a.members["b11-2"]!,
      version: 1,
      toOrgId: a.orgs.b21!.id,
      effectiveDate: "2026-01-10",
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "transferMemberAction (own member into a foreign organization)",
    run: run(transferMemberAction),
    foreign: (a, b) => ({
      memberId: a.members["b12-2"]!,
      version: 1,
      toOrgId: b.orgs.b21!.id,
      effectiveDate: "2026-01-10",
    }),
    own: (a) => ({
      memberId: a.members["b12-2"]!,
      version: 1,
      toOrgId: a.orgs.b21!.id,
      effectiveDate: "2026-01-10",
    }),
    privileged: true,
    refusal: /不存在|无权|权限|请修正/,
  },
  {
    name: "createOrganizationAction",
    run: run(createOrganizationAction),
    foreign: (_a, b) => ({
      parentId: b.orgs.c1!.id,
      name: "x",
      code: "XB1",
      level: "BRANCH",
      kind: "TEACHER",
      validFrom: "2026-01-01",
    }),
    own: (a) => ({
      parentId: a.orgs.c1!.id,
      name: "x",
      code: "XA1",
      level: "BRANCH",
      kind: "TEACHER",
      validFrom: "2026-01-01",
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "updateOrganizationAction",
    run: run(updateOrganizationAction),
    foreign: (_a, b) => ({ id: b.orgs.b11!.id, version: 1, name: "x", code: "XB2", kind: "MIXED" }),
    own: (a) => ({ id: a.orgs.b11!.id, version: 1, name: "x", code: "XA2", kind: "MIXED" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "moveOrganizationAction",
    run: run(moveOrganizationAction),
    foreign: (_a, b) => ({
      id: b.orgs.b11!.id,
      version: 1,
      newParentId: b.orgs.c2!.id,
      effectiveDate: "2026-02-01",
    }),
    own: (a) => ({
      id: a.orgs.b11!.id,
      version: 1,
      newParentId: a.orgs.c2!.id,
      effectiveDate: "2026-02-01",
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "moveOrganizationAction (own org under a foreign parent)",
    run: run(moveOrganizationAction),
    foreign: (a, b) => ({
      id: a.orgs.b12!.id,
      version: 1,
      newParentId: b.orgs.c2!.id,
      effectiveDate: "2026-02-01",
    }),
    own: (a) => ({
      id: a.orgs.b12!.id,
      version: 1,
      newParentId: a.orgs.c2!.id,
      effectiveDate: "2026-02-01",
    }),
    privileged: true,
  },
  {
    name: "closeOrganizationAction",
    run: run(closeOrganizationAction),
    foreign: (_a, b) => ({
      id: b.orgs.b21!.id,
      version: 1,
      effectiveDate: "2026-02-01",
      mergedIntoId: b.orgs.b11!.id,
    }),
    own: (a) => ({
      id: a.orgs.b21!.id,
      version: 1,
      effectiveDate: "2026-02-01",
      mergedIntoId: a.orgs.b11!.id,
    }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "createUserAction (linking a foreign member)",
    run: run(createUserAction),
    foreign: (_a, b) => ({
      username: "intruder",
      displayName: "x",
      password: "long-enough-1",
      memberNumber: `${b.slug}-B11-2`.toUpperCase(),
    }),
    own: (a) => ({
      username: "newuser",
      displayName: "x",
      password: "long-enough-1",
      memberNumber: `${a.slug}-B11-2`.toUpperCase(),
    }),
    privileged: true,
    refusal: /未找到该编号的党员|不在您的管理范围/,
  },
  {
    name: "setUserDisabledAction",
    run: run(setUserDisabledAction),
    foreign: (_a, b) => ({ id: b.users.secretary!, disabled: "true" }),
    own: (a) => ({ id: a.users.secretary!, disabled: "true" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "resetUserPasswordAction",
    run: run(resetUserPasswordAction),
    foreign: (_a, b) => ({ id: b.users.secretary!, password: "brand-new-pass-1" }),
    own: (a) => ({ id: a.users.secretary!, password: "brand-new-pass-1" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "assignRoleAction (foreign user)",
    run: run(assignRoleAction),
    foreign: (a, b) => ({ userId: b.users.member!, role: "SECRETARY", orgId: a.orgs.b11!.id }),
    own: (a) => ({ userId: a.users.member!, role: "SECRETARY", orgId: a.orgs.b12!.id }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "assignRoleAction (foreign organization)",
    run: run(assignRoleAction),
    foreign: (a, b) => ({ userId: a.users.member!, role: "SECRETARY", orgId: b.orgs.b11!.id }),
    own: (a) => ({ userId: a.users.member!, role: "SECRETARY", orgId: a.orgs.b12!.id }),
    privileged: true,
  },
  {
    name: "revokeRoleAction",
    run: run(revokeRoleAction),
    foreign: (_a, b) => ({ id: b.roleAssignments.secretary! }),
    own: (a) => ({ id: a.roleAssignments.secretary! }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "saveDepartmentAction",
    run: run(saveDepartmentAction),
    // Tenant B's department id, edited from tenant A: not found.
    foreign: (_a, b) => ({
      id: b.departmentId,
      version: 0,
      code: "HIJACK",
      name: "x",
      isActive: "true",
    }),
    own: () => ({ code: "NEWDEPT", name: "新部门", isActive: "true" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "changePasswordAction",
    run: run(changePasswordAction),
    // There is no id to forge: the action only ever changes the caller's own password.
    foreign: () => ({
      current: "wrong-password",
      next: "another-pass-1",
      confirm: "another-pass-1",
    }),
    own: () => ({ current: FIXTURE_PASSWORD, next: "another-pass-1", confirm: "another-pass-1" }),
    privileged: false,
    refusal: /当前密码不正确/,
  },
];
