import { createHash } from "node:crypto";
import { createSelfReportAction } from "@/server/actions/self-reports/create-self-report-action";
import { updateSelfReportAction } from "@/server/actions/self-reports/update-self-report-action";
import { withdrawEvidenceAction } from "@/server/actions/self-reports/withdraw-evidence-action";
import { createPledgeAction } from "@/server/actions/pledges/create-pledge-action";
import { addPledgeProgressAction } from "@/server/actions/pledges/add-pledge-progress-action";
import { addPledgeCommentAction } from "@/server/actions/pledges/add-pledge-comment-action";
import { evaluatePledgeItemAction } from "@/server/actions/pledges/evaluate-pledge-item-action";
import { withdrawPledgeItemAction } from "@/server/actions/pledges/withdraw-pledge-item-action";
import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";
import type { ActionCase } from "./action-cases";

const ALL_ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"];

// ---------------------------------------------------------------------------------------------
// The tenant fixture has no self-reports or pledges, and `foreign`/`own` are synchronous: each
// tenant's records get ids derived from the tenant, and the actions run through `withRecords`,
// which creates them (superuser, no audit) before the first call that names one of them.
// Per tenant: an ACTIVE campaign over the school; a submitted self-report of member b11-1 with one evidence file; a pledge of b11-1
// with one item; a pledge of b11-2 with one item (all in branch b11).
// ---------------------------------------------------------------------------------------------

const tenantsById = new Map<string, TenantFixture>();

function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function idOf(tenant: TenantFixture, what: string): string {
  const id = derivedUuid(`${what}|${tenant.tenantId}`);
  tenantsById.set(id, tenant);
  return id;
}

const reportOf = (t: TenantFixture) => idOf(t, "self-report");
const evidenceOf = (t: TenantFixture) => idOf(t, "evidence");
const memberPledgeOf = (t: TenantFixture) => idOf(t, "pledge-b11-1");
const memberItemOf = (t: TenantFixture) => idOf(t, "item-b11-1");
const fellowPledgeOf = (t: TenantFixture) => idOf(t, "pledge-b11-2");
const fellowItemOf = (t: TenantFixture) => idOf(t, "item-b11-2");

async function ensureRecords(tenant: TenantFixture): Promise<void> {
  const db = adminDb();
  const tenantId = tenant.tenantId;
  const reportId = reportOf(tenant);
  if (await db.activity.findFirst({ where: { tenantId, id: reportId }, select: { id: true } }))
    return;
  const memberId = tenant.members["b11-1"]!;
  const campaignId = idOf(tenant, "campaign");
  await db.campaign.create({
    data: {
      tenantId,
      id: campaignId,
      name: `${tenant.slug} 公开承诺`,
      startDate: new Date("2026-01-01T00:00:00Z"),
      endDate: new Date("2030-12-31T00:00:00Z"),
      rootOrgId: tenant.orgs.school!.id,
      definition: {
        id: campaignId,
        startDate: "2026-01-01",
        endDate: "2030-12-31",
        quotas: [
          {
            id: "pledge",
            name: "党员公开承诺",
            subject: { kind: "member" },
            period: { kind: "campaign" },
            metric: "count",
            activity: { types: ["PLEDGE"] },
            target: { op: "atLeast", value: 1 },
          },
        ],
      },
    },
  });
  await db.activity.create({
    data: {
      tenantId,
      id: reportId,
      orgId: tenant.orgs.b11!.id,
      type: "VOLUNTEER_SERVICE",
      date: new Date("2026-03-01T00:00:00Z"),
      durationHours: 3,
      topic: "社区志愿服务",
      selfReportedById: memberId,
      status: "SUBMITTED",
      submittedAt: new Date(),
      recordedById: tenant.users.member!,
    },
  });
  await db.activityAttendance.create({
    data: { tenantId, activityId: reportId, memberId, present: true, hours: 3 },
  });
  await db.evidence.create({
    data: {
      tenantId,
      id: evidenceOf(tenant),
      activityId: reportId,
      sha256: "0".repeat(64),
      mimeType: "image/png",
      sizeBytes: 68,
      originalName: "photo.png",
      uploadedById: tenant.users.member!,
    },
  });
  const pledges = [
    { pledge: memberPledgeOf(tenant), item: memberItemOf(tenant), member: "b11-1", user: "member" },
    { pledge: fellowPledgeOf(tenant), item: fellowItemOf(tenant), member: "b11-2", user: "admin" },
  ];
  for (const p of pledges) {
    await db.pledge.create({
      data: {
        tenantId,
        id: p.pledge,
        orgId: tenant.orgs.b11!.id,
        memberId: tenant.members[p.member]!,
        title: "公开承诺",
        createdById: tenant.users[p.user]!,
      },
    });
    await db.pledgeItem.create({
      data: { tenantId, id: p.item, pledgeId: p.pledge, text: "每月参加一次志愿服务" },
    });
  }
}

/** Every action here takes `(_prev: unknown, formData)`; the tests pass no previous state. */
/** Called by the isolation test before it snapshots tenant B: both tenants' records exist from the start. */
export async function prepareActionFixtures(tenants: TenantFixture[]): Promise<void> {
  for (const tenant of tenants) await ensureRecords(tenant);
}

const withRecords =
  (action: (prev: unknown, fd: FormData) => Promise<unknown>) => async (fd: FormData) => {
    const tenants = new Set<TenantFixture>();
    for (const value of fd.values()) {
      const tenant = typeof value === "string" ? tenantsById.get(value) : undefined;
      if (tenant) tenants.add(tenant);
    }
    for (const tenant of tenants) await ensureRecords(tenant);
    return action(undefined, fd);
  };

const reportFields = {
  type: "VOLUNTEER_SERVICE",
  date: "2026-03-01",
  hours: "3",
  topic: "社区志愿服务",
  intent: "submit",
};

export const SELF_REPORT_CASES: ActionCase[] = [
  {
    // There is no member id to forge: a report is always the caller's own. Ids of tenant B in the
    // form are ignored, and an account without a member of its own is refused.
    name: "createSelfReportAction",
    run: withRecords(createSelfReportAction),
    foreign: (_a, b) => ({ ...reportFields, memberId: b.members["b11-1"]!, orgId: b.orgs.b11!.id }),
    own: () => ({ ...reportFields }),
    privileged: false,
    roles: ["admin", "collegeAdmin", "leader", "inspector"],
    refusal: /未关联党员信息/,
  },
  {
    name: "updateSelfReportAction",
    run: withRecords(updateSelfReportAction),
    foreign: (_a, b) => ({ ...reportFields, id: reportOf(b), version: 1 }),
    own: (a) => ({ ...reportFields, id: reportOf(a), version: 1 }),
    privileged: false,
    roles: ["member", "secretary", "admin"],
  },
  {
    name: "withdrawEvidenceAction",
    run: withRecords(withdrawEvidenceAction),
    foreign: (_a, b) => ({ evidenceId: evidenceOf(b) }),
    own: (a) => ({ evidenceId: evidenceOf(a) }),
    privileged: false,
    roles: ["member", "secretary", "admin"],
  },
];

export const PLEDGE_CASES: ActionCase[] = [
  {
    name: "createPledgeAction",
    run: withRecords(createPledgeAction),
    foreign: (_a, b) => ({ orgId: b.orgs.b11!.id, title: "承诺", itemText: ["每周学习一次"] }),
    own: () => ({ title: "承诺", itemText: ["每周学习一次"] }),
    privileged: false,
    roles: ALL_ROLES,
  },
  {
    name: "createPledgeAction (foreign campaign)",
    run: withRecords(createPledgeAction),
    foreign: (_a, b) => ({
      campaignId: idOf(b, "campaign"),
      title: "承诺",
      itemText: ["每周学习一次"],
    }),
    own: () => ({ title: "承诺", itemText: ["每周学习一次"] }),
    privileged: false,
    roles: ["member", "secretary"],
  },
  {
    name: "addPledgeProgressAction",
    run: withRecords(addPledgeProgressAction),
    foreign: (_a, b) => ({ itemId: memberItemOf(b), text: "已完成第一次" }),
    own: (a) => ({ itemId: memberItemOf(a), text: "已完成第一次" }),
    privileged: false,
    roles: ALL_ROLES,
  },
  {
    name: "addPledgeCommentAction",
    run: withRecords(addPledgeCommentAction),
    foreign: (_a, b) => ({ pledgeId: memberPledgeOf(b), text: "加油" }),
    own: (a) => ({ pledgeId: memberPledgeOf(a), text: "加油" }),
    privileged: false,
    roles: ALL_ROLES,
  },
  {
    name: "addPledgeCommentAction (foreign item on an own pledge)",
    run: withRecords(addPledgeCommentAction),
    foreign: (a, b) => ({ pledgeId: memberPledgeOf(a), itemId: memberItemOf(b), text: "加油" }),
    own: (a) => ({ pledgeId: memberPledgeOf(a), itemId: memberItemOf(a), text: "加油" }),
    privileged: false,
    roles: ["member", "secretary", "admin"],
  },
  {
    name: "evaluatePledgeItemAction",
    run: withRecords(evaluatePledgeItemAction),
    foreign: (_a, b) => ({ itemId: fellowItemOf(b), verdict: "FULFILLED", version: 1 }),
    // A fellow member's item: the plain member sees it but may not evaluate it.
    own: (a) => ({ itemId: fellowItemOf(a), verdict: "FULFILLED", version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "withdrawPledgeItemAction",
    run: withRecords(withdrawPledgeItemAction),
    foreign: (_a, b) => ({ itemId: memberItemOf(b), version: 1 }),
    own: (a) => ({ itemId: memberItemOf(a), version: 1 }),
    privileged: false,
    roles: ALL_ROLES,
  },
];
