import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { can, scopeRoots } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { campaignReadWhere } from "../campaigns/campaign-rules";
import { staffDepartmentIds } from "../departments/department-staff";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A VALIDATION error shown beside one field. */
export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

/** Tasks (and lists, projects, plans) the actor may read: those of campaigns they may read. */
export function taskCampaignWhere(actor: Actor): Prisma.CampaignWhereInput {
  if (scopeRoots(actor, "task.read").length === 0)
    return { tenantId: actor.tenantId, id: { in: [] } };
  return campaignReadWhere(actor);
}

const taskInclude = {
  campaign: {
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      rootOrg: { select: { path: true } },
    },
  },
  departments: { where: { removedAt: null }, select: { departmentId: true } },
  orgs: { where: { removedAt: null }, select: { orgId: true } },
  _count: { select: { updates: true } },
} satisfies Prisma.CampaignTaskInclude;

export type TaskRow = Prisma.CampaignTaskGetPayload<{ include: typeof taskInclude }>;

export async function findTaskOrThrow(tx: TenantTx, actor: Actor, id: string): Promise<TaskRow> {
  if (!UUID.test(id)) throw notFound("任务");
  // Readable through the campaign (task.read), or as staff of the lead or a cooperating department.
  const departments = await staffDepartmentIds(tx, actor);
  const task = await tx.campaignTask.findFirst({
    where: {
      tenantId: actor.tenantId,
      id,
      OR: [
        { campaign: taskCampaignWhere(actor) },
        ...(departments.length > 0 ? departmentTaskWhere(departments) : []),
      ],
    },
    include: taskInclude,
  });
  if (!task) throw notFound("任务");
  return task;
}

/** The organization department manages a task: task.manage over the campaign's root. */
export function managesCampaign(actor: Actor, rootPath: string): boolean {
  return can(actor, "task.manage", rootPath);
}

/** Tasks led by, or with the cooperation of, one of `departmentIds`. */
export function departmentTaskWhere(departmentIds: string[]): Prisma.CampaignTaskWhereInput[] {
  return [
    { leadDepartmentId: { in: departmentIds } },
    { departments: { some: { departmentId: { in: departmentIds }, removedAt: null } } },
  ];
}

/**
 * Who may post progress: the organization department; the staff of the lead or a cooperating
 * department (DepartmentStaff); and users holding task.update over one of the task's assigned
 * organizations (a branch secretary for their branch).
 */
export async function mayUpdateTask(tx: TenantTx, actor: Actor, task: TaskRow): Promise<boolean> {
  if (managesCampaign(actor, task.campaign.rootOrg.path)) return true;
  const departments = await staffDepartmentIds(tx, actor);
  if (
    departments.includes(task.leadDepartmentId) ||
    task.departments.some((d) => departments.includes(d.departmentId))
  )
    return true;
  if (!can(actor, "task.update") || task.orgs.length === 0) return false;
  const orgs = await tx.organization.findMany({
    where: { tenantId: actor.tenantId, id: { in: task.orgs.map((o) => o.orgId) } },
    select: { path: true },
  });
  return orgs.some((o) => can(actor, "task.update", o.path));
}
