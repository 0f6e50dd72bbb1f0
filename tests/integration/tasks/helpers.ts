import { createHash } from "node:crypto";
import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";

/** A stable uuid per (what, tenant): action cases name records before they exist. */
export function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const taskIds = (t: TenantFixture) => ({
  campaign: derivedUuid(`task-campaign|${t.tenantId}`),
  task: derivedUuid(`task|${t.tenantId}`),
  list: derivedUuid(`matters-list|${t.tenantId}`),
  matter: derivedUuid(`matter|${t.tenantId}`),
  notification: derivedUuid(`notification|${t.tenantId}`),
  calendarToken: derivedUuid(`calendar-token|${t.tenantId}`),
});

/**
 * Per tenant (superuser, no audit, idempotent): a 三级联创 campaign over the school
 * (2026-01-01 … 2030-12-31), a task led by the fixture's department and assigned to b11 (due
 * `taskDue`), a list with one open item owned by b11, a notification and a calendar token of
 * the admin.
 */
export async function ensureTaskRecords(
  t: TenantFixture,
  taskDue = "2026-06-30",
): Promise<ReturnType<typeof taskIds>> {
  const db = adminDb();
  const ids = taskIds(t);
  const tenantId = t.tenantId;
  if (await db.campaign.findFirst({ where: { tenantId, id: ids.campaign }, select: { id: true } }))
    return ids;
  await db.campaign.create({
    data: {
      tenantId,
      id: ids.campaign,
      name: `${t.slug} 三级联创`,
      templateCode: "san-ji-lian-chuang",
      startDate: new Date("2026-01-01T00:00:00Z"),
      endDate: new Date("2030-12-31T00:00:00Z"),
      rootOrgId: t.orgs.school!.id,
      definition: { id: ids.campaign, startDate: "2026-01-01", endDate: "2030-12-31", quotas: [] },
    },
  });
  await db.campaignTask.create({
    data: {
      tenantId,
      id: ids.task,
      campaignId: ids.campaign,
      title: "实施组织力提升工程",
      leadDepartmentId: t.departmentId,
      dueDate: new Date(taskDue + "T00:00:00Z"),
      createdById: t.users.admin!,
    },
  });
  await db.taskOrganization.create({ data: { tenantId, taskId: ids.task, orgId: t.orgs.b11!.id } });
  await db.practicalMattersList.create({
    data: {
      tenantId,
      id: ids.list,
      campaignId: ids.campaign,
      title: "2026年1-2月实事清单",
      periodStart: new Date("2026-01-01T00:00:00Z"),
      periodEnd: new Date("2026-02-28T00:00:00Z"),
      createdById: t.users.admin!,
    },
  });
  await db.practicalMatter.create({
    data: {
      tenantId,
      id: ids.matter,
      listId: ids.list,
      title: "修缮学生活动室",
      ownerOrgId: t.orgs.b11!.id,
      dueDate: new Date("2026-02-20T00:00:00Z"),
    },
  });
  await db.notification.create({
    data: {
      tenantId,
      id: ids.notification,
      userId: t.users.admin!,
      kind: "test",
      title: "测试通知",
      dedupeKey: `test:${ids.notification}`,
    },
  });
  await db.calendarToken.create({
    data: {
      tenantId,
      id: ids.calendarToken,
      userId: t.users.admin!,
      tokenHash: createHash("sha256").update(`token-${tenantId}`).digest("hex"),
    },
  });
  return ids;
}

/** Every row of the task area of a tenant, for before/after comparisons. */
export async function snapshotTaskArea(tenantId: string): Promise<string> {
  const db = adminDb();
  const where = { where: { tenantId } };
  return JSON.stringify({
    tasks: await db.campaignTask.findMany({ ...where, orderBy: { id: "asc" } }),
    taskDepartments: await db.taskDepartment.findMany({
      ...where,
      orderBy: [{ taskId: "asc" }, { departmentId: "asc" }],
    }),
    taskOrgs: await db.taskOrganization.findMany({
      ...where,
      orderBy: [{ taskId: "asc" }, { orgId: "asc" }],
    }),
    updates: await db.taskUpdate.findMany({ ...where, orderBy: { id: "asc" } }),
    lists: await db.practicalMattersList.findMany({ ...where, orderBy: { id: "asc" } }),
    matters: await db.practicalMatter.findMany({ ...where, orderBy: { id: "asc" } }),
    notifications: await db.notification.findMany({ ...where, orderBy: { id: "asc" } }),
    tokens: await db.calendarToken.findMany({ ...where, orderBy: { id: "asc" } }),
    evidence: await db.evidence.count(where),
    jobRuns: await db.jobRun.count(where),
  });
}
