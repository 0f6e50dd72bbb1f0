import { createTaskAction } from "@/server/actions/tasks/create-task-action";
import { applyTemplateTasksAction } from "@/server/actions/tasks/apply-template-tasks-action";
import { addTaskUpdateAction } from "@/server/actions/tasks/add-task-update-action";
import { signOffTaskAction } from "@/server/actions/tasks/sign-off-task-action";
import { createMattersListAction } from "@/server/actions/practical-matters/create-matters-list-action";
import { addMatterAction } from "@/server/actions/practical-matters/add-matter-action";
import { closeMatterAction } from "@/server/actions/practical-matters/close-matter-action";
import { markNotificationsReadAction } from "@/server/actions/notifications/mark-notifications-read-action";
import { createCalendarTokenAction } from "@/server/actions/calendar/create-calendar-token-action";
import { revokeCalendarTokenAction } from "@/server/actions/calendar/revoke-calendar-token-action";
import { beforeEach } from "vitest";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import { ensureTaskRecords, taskIds } from "../tasks/helpers";
import type { ActionCase } from "./action-cases";

// Tenant records (a campaign, task, list, item, notification, token) are created on first use:
// `foreign`/`own` are synchronous, so the ids are derived from the tenant and `withRecords`
// creates the records of every tenant the form names before calling the action.
const fixtures = new Map<string, TenantFixture>();
const ids = (t: TenantFixture) => {
  const all = taskIds(t);
  for (const id of Object.values(all)) fixtures.set(id, t);
  return all;
};
const withRecords =
  (action: (prev: unknown, fd: FormData) => Promise<unknown>) => async (fd: FormData) => {
    const tenants = new Set<TenantFixture>();
    for (const value of fd.values()) {
      const t = typeof value === "string" ? fixtures.get(value) : undefined;
      if (t) tenants.add(t);
    }
    for (const t of tenants) await ensureTaskRecords(t);
    return action(undefined, fd);
  };

// The isolation test compares tenant B before and after each call, so B's records must exist
// before the first case runs: once, before the first test (after the test file's beforeAll has
// made the "act-a"/"act-b" fixtures), they are created for both tenants, found by slug.
let seeded = false;
beforeEach(async () => {
  if (seeded) return;
  seeded = true;
  const db = adminDb();
  for (const tenant of await db.tenant.findMany({ where: { slug: { in: ["act-a", "act-b"] } } })) {
    const tenantId = tenant.id;
    const org = (key: string) =>
      db.organization.findFirstOrThrow({
        where: { tenantId, code: `${tenant.slug}-${key}`.toUpperCase() },
      });
    const admin = await db.user.findFirstOrThrow({ where: { tenantId, username: "admin" } });
    const dept = await db.department.findFirstOrThrow({ where: { tenantId, code: "ZZB" } });
    const stub = {
      tenantId,
      slug: tenant.slug,
      orgs: { school: await org("school"), b11: await org("b11") },
      users: { admin: admin.id },
      departmentId: dept.id,
    } as unknown as TenantFixture;
    await ensureTaskRecords(stub);
  }
});

const pdf = () =>
  new File(
    [new TextEncoder().encode("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")],
    "minutes.pdf",
    { type: "application/pdf" },
  );

export const TASK_CASES: ActionCase[] = [
  {
    name: "createTaskAction (another tenant's campaign)",
    run: withRecords(createTaskAction),
    foreign: (a, b) => ({
      campaignId: ids(b).campaign,
      title: "x",
      leadDepartmentId: a.departmentId,
      dueDate: "2026-05-01",
    }),
    own: (a) => ({
      campaignId: ids(a).campaign,
      title: "x",
      leadDepartmentId: a.departmentId,
      dueDate: "2026-05-01",
    }),
    privileged: true,
  },
  {
    name: "createTaskAction (another tenant's department)",
    run: withRecords(createTaskAction),
    foreign: (a, b) => ({
      campaignId: ids(a).campaign,
      title: "x",
      leadDepartmentId: b.departmentId,
      dueDate: "2026-05-01",
    }),
    own: (a) => ({
      campaignId: ids(a).campaign,
      title: "x",
      leadDepartmentId: a.departmentId,
      dueDate: "2026-05-01",
    }),
    privileged: true,
    refusal: /牵头部门/,
  },
  {
    name: "applyTemplateTasksAction",
    run: withRecords(applyTemplateTasksAction),
    foreign: (_a, b) => ({ campaignId: ids(b).campaign }),
    own: (a) => ({ campaignId: ids(a).campaign }),
    privileged: true,
  },
  {
    name: "addTaskUpdateAction",
    run: withRecords(addTaskUpdateAction),
    foreign: (_a, b) => ({ taskId: ids(b).task, text: "进展", files: pdf() }),
    own: (a) => ({ taskId: ids(a).task, text: "进展" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "signOffTaskAction",
    run: withRecords(signOffTaskAction),
    foreign: (_a, b) => ({ taskId: ids(b).task, version: 1 }),
    own: (a) => ({ taskId: ids(a).task, version: 1 }),
    privileged: true,
  },
  {
    name: "createMattersListAction",
    run: withRecords(createMattersListAction),
    foreign: (_a, b) => ({
      campaignId: ids(b).campaign,
      title: "3-4月",
      periodStart: "2026-03-01",
      periodEnd: "2026-04-30",
    }),
    own: (a) => ({
      campaignId: ids(a).campaign,
      title: "3-4月",
      periodStart: "2026-03-01",
      periodEnd: "2026-04-30",
    }),
    privileged: true,
  },
  {
    name: "addMatterAction (another tenant's list)",
    run: withRecords(addMatterAction),
    foreign: (a, b) => ({
      listId: ids(b).list,
      title: "x",
      ownerOrgId: a.orgs.b11!.id,
      dueDate: "2026-02-01",
    }),
    own: (a) => ({
      listId: ids(a).list,
      title: "x",
      ownerOrgId: a.orgs.b11!.id,
      dueDate: "2026-02-01",
    }),
    privileged: true,
  },
  {
    name: "addMatterAction (another tenant's owner organization)",
    run: withRecords(addMatterAction),
    foreign: (a, b) => ({
      listId: ids(a).list,
      title: "x",
      ownerOrgId: b.orgs.b11!.id,
      dueDate: "2026-02-01",
    }),
    own: (a) => ({
      listId: ids(a).list,
      title: "x",
      ownerOrgId: a.orgs.b11!.id,
      dueDate: "2026-02-01",
    }),
    privileged: true,
  },
  {
    name: "closeMatterAction",
    run: withRecords(closeMatterAction),
    foreign: (_a, b) => ({
      matterId: ids(b).matter,
      version: 1,
      closingNote: "已办结",
      files: pdf(),
    }),
    own: (a) => ({ matterId: ids(a).matter, version: 1, closingNote: "已办结", files: pdf() }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "markNotificationsReadAction",
    run: withRecords(markNotificationsReadAction),
    foreign: (_a, b) => ({ id: ids(b).notification }),
    own: (a) => ({ id: ids(a).notification }),
    privileged: false,
    roles: ["admin", "member"],
  },
  {
    name: "revokeCalendarTokenAction",
    run: withRecords(revokeCalendarTokenAction),
    foreign: (_a, b) => ({ id: ids(b).calendarToken }),
    own: (a) => ({ id: ids(a).calendarToken }),
    privileged: false,
  },
  {
    // Names no record: it can only create the caller's own token in the caller's tenant. The
    // shared test still checks tenant B is unchanged and that a caller without a session is refused.
    name: "createCalendarTokenAction",
    run: withRecords(createCalendarTokenAction),
    foreign: () => ({}),
    own: () => ({}),
    privileged: false,
    isRefused: (result) => (result as { ok?: boolean }).ok === true,
  },
];
