import { createHash } from "node:crypto";
import { beforeEach } from "vitest";
import { createActivityAction } from "@/server/actions/activities/create-activity-action";
import { updateActivityAction } from "@/server/actions/activities/update-activity-action";
import { submitActivityAction } from "@/server/actions/activities/submit-activity-action";
import { approveActivityAction } from "@/server/actions/activities/approve-activity-action";
import { returnActivityAction } from "@/server/actions/activities/return-activity-action";
import { voidActivityAction } from "@/server/actions/activities/void-activity-action";
import { bulkApproveActivitiesAction } from "@/server/actions/activities/bulk-approve-activities-action";
import { addActivityEvidenceAction } from "@/server/actions/activities/add-activity-evidence-action";
import { withdrawEvidenceAction } from "@/server/actions/activities/withdraw-evidence-action";
import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { PNG } from "../activities/helpers";
import type { ActionCase } from "./action-cases";

// ---------------------------------------------------------------------------------------------
// Activity records: the fixture has none, and `foreign`/`own` are synchronous, so each tenant's
// records (a draft with one evidence file, a submitted and an approved record of branch b11,
// recorded by its secretary) and a campaign have ids derived from the tenant. They are created
// (superuser, no audit) in a `beforeEach` this module registers, for every fixture tenant in the
// database, so they exist before the harness takes its before/after snapshots. No case
// succeeds, so the records stay at version 1.
// ---------------------------------------------------------------------------------------------

const ALL_ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"];

function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type RecordKind = "draft" | "submitted" | "approved" | "evidence" | "campaign";

/** What the records need of a tenant: its id, branch b11, school, secretary and admin. */
type RecordTenant = {
  tenantId: string;
  b11: string;
  school: string;
  secretary: string;
  admin: string;
};

/** The id of one of the tenant's fixture rows. */
function recordOf(tenant: { tenantId: string }, kind: RecordKind): string {
  return derivedUuid(`activity-case|${kind}|${tenant.tenantId}`);
}

async function ensureRecords(tenant: RecordTenant): Promise<void> {
  const db = adminDb();
  const draft = recordOf(tenant, "draft");
  if (
    await db.activity.findFirst({
      where: { tenantId: tenant.tenantId, id: draft },
      select: { id: true },
    })
  )
    return;
  const common = {
    tenantId: tenant.tenantId,
    orgId: tenant.b11,
    type: "BRANCH_GENERAL_MEETING",
    date: new Date("2026-03-10T00:00:00Z"),
    durationHours: 1.5,
    topic: "支部党员大会",
    recordedById: tenant.secretary,
  };
  await db.activity.createMany({
    data: [
      { ...common, id: draft, status: "DRAFT" },
      {
        ...common,
        id: recordOf(tenant, "submitted"),
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
      {
        ...common,
        id: recordOf(tenant, "approved"),
        status: "APPROVED",
        submittedAt: new Date(),
        reviewedAt: new Date(),
        reviewedById: tenant.admin,
      },
    ],
  });
  await db.evidence.create({
    data: {
      tenantId: tenant.tenantId,
      id: recordOf(tenant, "evidence"),
      activityId: draft,
      sha256: createHash("sha256").update(PNG).digest("hex"),
      mimeType: "image/png",
      sizeBytes: PNG.byteLength,
      originalName: "合影.png",
      uploadedById: tenant.secretary,
    },
  });
  await db.campaign.create({
    data: {
      tenantId: tenant.tenantId,
      id: recordOf(tenant, "campaign"),
      name: "测试活动",
      startDate: new Date("2026-01-01T00:00:00Z"),
      endDate: new Date("2026-12-31T00:00:00Z"),
      rootOrgId: tenant.school,
      definition: {
        id: "case",
        startDate: "2026-01-01",
        endDate: "2026-12-31",
        quotas: [
          {
            id: "m",
            name: "支部党员大会",
            subject: { kind: "organization", levels: ["BRANCH"] },
            period: { kind: "calendarYear" },
            metric: "count",
            activity: { types: ["BRANCH_GENERAL_MEETING"] },
            target: { op: "atLeast", value: 1 },
          },
        ],
      },
    },
  });
}

/** Every tenant made by createTenantFixture (found by its codes and usernames) gets its records. */
async function ensureRecordsOfFixtureTenants(): Promise<void> {
  const db = adminDb();
  for (const t of await db.tenant.findMany({ select: { id: true, slug: true } })) {
    const [b11, school, secretary, admin] = await Promise.all([
      db.organization.findFirst({
        where: { tenantId: t.id, code: `${t.slug}-B11`.toUpperCase() },
        select: { id: true },
      }),
      db.organization.findFirst({
        where: { tenantId: t.id, code: `${t.slug}-SCHOOL`.toUpperCase() },
        select: { id: true },
      }),
      db.user.findFirst({ where: { tenantId: t.id, username: "secretary" }, select: { id: true } }),
      db.user.findFirst({ where: { tenantId: t.id, username: "admin" }, select: { id: true } }),
    ]);
    if (b11 && school && secretary && admin)
      await ensureRecords({
        tenantId: t.id,
        b11: b11.id,
        school: school.id,
        secretary: secretary.id,
        admin: admin.id,
      });
  }
}

// Registered on the importing test file: runs after its fixtures are made, before each snapshot.
beforeEach(ensureRecordsOfFixtureTenants);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in their previous-state type; the tests pass none
const withRecords = (action: (prev: any, fd: FormData) => Promise<unknown>) => (fd: FormData) =>
  action(undefined, fd);

const png = () => new File([PNG], "合影.png", { type: "image/png" });

/** The recording form's fields for branch b11 of `tenant`, all three members present. */
const recordingFields = (tenant: TenantFixture, attendees: TenantFixture = tenant) => ({
  idempotencyKey: derivedUuid(`key|${tenant.tenantId}|${attendees.tenantId}|${Math.random()}`),
  orgId: tenant.orgs.b11!.id,
  type: "BRANCH_GENERAL_MEETING",
  date: "2026-03-11",
  durationHours: "1.5",
  topic: "支部党员大会",
  attendee: [0, 1, 2].map((i) => attendees.members[`b11-${i}`]!),
  present: [0, 1, 2].map((i) => attendees.members[`b11-${i}`]!),
});

export const ACTIVITY_CASES: ActionCase[] = [
  {
    name: "createActivityAction",
    run: withRecords(createActivityAction),
    foreign: (_a, b) => recordingFields(b),
    own: (a) => recordingFields(a),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "createActivityAction (foreign attendees at an own branch)",
    run: withRecords(createActivityAction),
    foreign: (a, b) => ({ ...recordingFields(a, b), orgId: a.orgs.b11!.id }),
    own: (a) => recordingFields(a),
    privileged: true,
  },
  {
    name: "createActivityAction (foreign campaign)",
    run: withRecords(createActivityAction),
    foreign: (a, b) => ({
      ...recordingFields(a),
      campaignsChosen: "1",
      campaignIds: [recordOf(b, "campaign")],
    }),
    own: (a) => ({
      ...recordingFields(a),
      campaignsChosen: "1",
      campaignIds: [recordOf(a, "campaign")],
    }),
    privileged: true,
  },
  {
    name: "updateActivityAction",
    run: withRecords(updateActivityAction),
    foreign: (_a, b) => ({ ...recordingFields(b), id: recordOf(b, "draft"), version: 1 }),
    own: (a) => ({ ...recordingFields(a), id: recordOf(a, "draft"), version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "updateActivityAction (own record moved to a foreign branch)",
    run: withRecords(updateActivityAction),
    foreign: (a, b) => ({
      ...recordingFields(a),
      orgId: b.orgs.b11!.id,
      id: recordOf(a, "draft"),
      version: 1,
    }),
    own: (a) => ({ ...recordingFields(a), id: recordOf(a, "draft"), version: 1 }),
    privileged: true,
  },
  {
    name: "submitActivityAction",
    run: withRecords(submitActivityAction),
    foreign: (_a, b) => ({ id: recordOf(b, "draft"), version: 1 }),
    own: (a) => ({ id: recordOf(a, "draft"), version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "approveActivityAction",
    run: withRecords(approveActivityAction),
    foreign: (_a, b) => ({ id: recordOf(b, "submitted"), version: 1 }),
    own: (a) => ({ id: recordOf(a, "submitted"), version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "returnActivityAction",
    run: withRecords(returnActivityAction),
    foreign: (_a, b) => ({ id: recordOf(b, "submitted"), version: 1, reason: "补材料" }),
    own: (a) => ({ id: recordOf(a, "submitted"), version: 1, reason: "补材料" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "voidActivityAction",
    run: withRecords(voidActivityAction),
    foreign: (_a, b) => ({ id: recordOf(b, "approved"), version: 1, reason: "重复录入" }),
    own: (a) => ({ id: recordOf(a, "approved"), version: 1, reason: "重复录入" }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "voidActivityAction (discarding a foreign draft)",
    run: withRecords(voidActivityAction),
    foreign: (_a, b) => ({ id: recordOf(b, "draft"), version: 1 }),
    own: (a) => ({ id: recordOf(a, "draft"), version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "bulkApproveActivitiesAction",
    run: withRecords(bulkApproveActivitiesAction),
    foreign: (_a, b) => ({ item: [`${recordOf(b, "submitted")}:1`] }),
    own: (a) => ({ item: [`${recordOf(a, "submitted")}:1`] }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "addActivityEvidenceAction",
    run: withRecords(addActivityEvidenceAction),
    foreign: (_a, b) => ({ id: recordOf(b, "draft"), version: 1, files: png() }),
    own: (a) => ({ id: recordOf(a, "draft"), version: 1, files: png() }),
    privileged: true,
    roles: ALL_ROLES,
  },
  {
    name: "withdrawEvidenceAction",
    run: withRecords(withdrawEvidenceAction),
    foreign: (_a, b) => ({ id: recordOf(b, "evidence"), version: 1 }),
    own: (a) => ({ id: recordOf(a, "evidence"), version: 1 }),
    privileged: true,
    roles: ALL_ROLES,
  },
];
