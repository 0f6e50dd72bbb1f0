import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { derivedUuid } from "../tasks/helpers";

/** Ids of the project-area records of a tenant, derived so they can be named before they exist. */
export const projectIds = (t: { tenantId: string }) => ({
  department: derivedUuid(`pub-department|${t.tenantId}`),
  staffUser: derivedUuid(`dept-staff-user|${t.tenantId}`),
  staffLink: derivedUuid(`dept-staff-link|${t.tenantId}`),
  campaign: derivedUuid(`phased-campaign|${t.tenantId}`),
  list: derivedUuid(`project-list|${t.tenantId}`),
  deptMatter: derivedUuid(`dept-matter|${t.tenantId}`),
  orgMatter: derivedUuid(`org-matter|${t.tenantId}`),
  task: derivedUuid(`dept-task|${t.tenantId}`),
  project: derivedUuid(`secretary-project|${t.tenantId}`),
  milestone: derivedUuid(`milestone|${t.tenantId}`),
});

/** The phased campaign: mobilization (the plan deadline) ends 2026-12-31. */
export const PLAN_DEADLINE = "2026-12-31";

type Minimal = Pick<TenantFixture, "tenantId"> & {
  orgs: { school?: { id: string }; b11?: { id: string } };
  users: { admin?: string; secretary?: string };
};

/**
 * Per tenant (superuser, no audit, idempotent): a 宣传部 department with a staff user (no role,
 * linked through DepartmentStaff), a campaign over the school 2026-01-01 … 2030-12-31 with a
 * mobilization phase ending PLAN_DEADLINE, a list with an open item owned by 宣传部 and one owned
 * by b11, a task led by 宣传部, and b11's secretary project with one milestone due 2026-03-01.
 */
export async function ensureProjectRecords(t: Minimal): Promise<ReturnType<typeof projectIds>> {
  const db = adminDb();
  const ids = projectIds(t);
  const tenantId = t.tenantId;
  if (await db.campaign.findFirst({ where: { tenantId, id: ids.campaign }, select: { id: true } }))
    return ids;
  await db.department.create({
    data: { tenantId, id: ids.department, code: "XCB", name: "宣传部" },
  });
  await db.user.create({
    data: {
      tenantId,
      id: ids.staffUser,
      username: "deptstaff",
      displayName: "宣传部 工作人员",
      passwordHash: "x",
    },
  });
  await db.departmentStaff.create({
    data: {
      tenantId,
      id: ids.staffLink,
      departmentId: ids.department,
      userId: ids.staffUser,
      createdById: t.users.admin!,
    },
  });
  await db.campaign.create({
    data: {
      tenantId,
      id: ids.campaign,
      name: "两在两同",
      templateCode: "liang-zai-liang-tong",
      startDate: new Date("2026-01-01T00:00:00Z"),
      endDate: new Date("2030-12-31T00:00:00Z"),
      rootOrgId: t.orgs.school!.id,
      definition: {
        id: ids.campaign,
        startDate: "2026-01-01",
        endDate: "2030-12-31",
        phases: [
          { id: "implementation", name: "实施", startDate: "2027-01-01", endDate: "2030-12-31" },
          { id: "mobilization", name: "动员部署", startDate: "2026-01-01", endDate: PLAN_DEADLINE },
        ],
        quotas: [],
      },
    },
  });
  await db.practicalMattersList.create({
    data: {
      tenantId,
      id: ids.list,
      campaignId: ids.campaign,
      title: "2026年3-4月实事清单",
      periodStart: new Date("2026-03-01T00:00:00Z"),
      periodEnd: new Date("2026-04-30T00:00:00Z"),
      createdById: t.users.admin!,
    },
  });
  await db.practicalMatter.createMany({
    data: [
      {
        tenantId,
        id: ids.deptMatter,
        listId: ids.list,
        title: "更新宣传栏",
        ownerDepartmentId: ids.department,
        dueDate: new Date("2026-04-20T00:00:00Z"),
      },
      {
        tenantId,
        id: ids.orgMatter,
        listId: ids.list,
        title: "整理支部档案",
        ownerOrgId: t.orgs.b11!.id,
        dueDate: new Date("2026-04-20T00:00:00Z"),
      },
    ],
  });
  await db.campaignTask.create({
    data: {
      tenantId,
      id: ids.task,
      campaignId: ids.campaign,
      title: "典型宣传",
      leadDepartmentId: ids.department,
      dueDate: new Date("2026-06-30T00:00:00Z"),
      createdById: t.users.admin!,
    },
  });
  await db.secretaryProject.create({
    data: {
      tenantId,
      id: ids.project,
      campaignId: ids.campaign,
      orgId: t.orgs.b11!.id,
      title: "先锋岗进实验室",
      createdById: t.users.secretary!,
    },
  });
  await db.projectMilestone.create({
    data: {
      tenantId,
      id: ids.milestone,
      projectId: ids.project,
      title: "完成调研",
      dueDate: new Date("2026-03-01T00:00:00Z"),
    },
  });
  return ids;
}

/** Every row of the project area of a tenant, for before/after comparisons. */
export async function snapshotProjectArea(tenantId: string): Promise<string> {
  const db = adminDb();
  const where = { where: { tenantId } };
  return JSON.stringify({
    staff: await db.departmentStaff.findMany({ ...where, orderBy: { id: "asc" } }),
    projects: await db.secretaryProject.findMany({ ...where, orderBy: { id: "asc" } }),
    milestones: await db.projectMilestone.findMany({ ...where, orderBy: { id: "asc" } }),
    plans: await db.implementationPlan.findMany({ ...where, orderBy: { id: "asc" } }),
    matters: await db.practicalMatter.findMany({ ...where, orderBy: { id: "asc" } }),
    updates: await db.taskUpdate.findMany({ ...where, orderBy: { id: "asc" } }),
    evidence: await db.evidence.count(where),
    audit: await db.auditEvent.count(where),
  });
}
