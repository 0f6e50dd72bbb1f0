import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { deriveTaskStatus, type TaskStatus } from "./task-status";
import { taskCampaignWhere } from "./task-rules";

export type TaskListRow = Awaited<ReturnType<typeof listTasks>>["tasks"][number];

/**
 * Tasks of the campaigns the actor may read, with their derived status as of today in Shanghai
 * (an overdue task shows as overdue without anyone editing it). Optional filters: campaign, status.
 */
export async function listTasks(
  actor: Actor,
  filter: { campaignId?: string; status?: TaskStatus } = {},
  today: string = todayInShanghai(),
) {
  return withTenant(actor.tenantId, async (tx) => {
    const campaignWhere = taskCampaignWhere(actor);
    const [rows, departments, campaigns] = await Promise.all([
      tx.campaignTask.findMany({
        where: {
          tenantId: actor.tenantId,
          campaign: campaignWhere,
          ...(filter.campaignId && /^[0-9a-f-]{36}$/i.test(filter.campaignId)
            ? { campaignId: filter.campaignId }
            : {}),
        },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        include: {
          campaign: { select: { id: true, name: true } },
          departments: { where: { removedAt: null }, select: { departmentId: true } },
          _count: { select: { updates: true, orgs: true } },
        },
      }),
      tx.department.findMany({
        where: { tenantId: actor.tenantId },
        select: { id: true, name: true, nameEn: true },
      }),
      tx.campaign.findMany({
        where: campaignWhere,
        select: { id: true, name: true, templateCode: true },
        orderBy: { startDate: "desc" },
      }),
    ]);
    const deptName = new Map(departments.map((d) => [d.id, d]));
    const tasks = rows
      .map((t) => ({
        id: t.id,
        title: t.title,
        campaign: t.campaign,
        dueDate: t.dueDate,
        lead: deptName.get(t.leadDepartmentId) ?? null,
        cooperating: t.departments.map((d) => deptName.get(d.departmentId)).filter((d) => !!d),
        orgCount: t._count.orgs,
        updateCount: t._count.updates,
        status: deriveTaskStatus(
          { dueDate: t.dueDate, signedOffAt: t.signedOffAt, updateCount: t._count.updates },
          today,
        ),
      }))
      .filter((t) => !filter.status || t.status === filter.status);
    return { tasks, campaigns };
  });
}
