import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { dayOf } from "../tasks/task-status";
import { departmentTaskWhere } from "../tasks/task-rules";
import { staffDepartmentIds } from "./department-staff";

/**
 * The open work of the departments the actor works for: practical-matters items they own and
 * tasks they lead or cooperate on (not yet signed off). Empty for a user linked to no department.
 */
export async function listMyDepartmentWork(actor: Actor, today: string = todayInShanghai()) {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const departments = await staffDepartmentIds(tx, actor);
    if (departments.length === 0) return { departments: [], matters: [], tasks: [] };
    const [names, matters, tasks] = await Promise.all([
      tx.department.findMany({
        where: { tenantId, id: { in: departments } },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { id: true, name: true, nameEn: true },
      }),
      tx.practicalMatter.findMany({
        where: { tenantId, ownerDepartmentId: { in: departments }, closedAt: null },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        take: 200,
        select: {
          id: true,
          title: true,
          dueDate: true,
          list: { select: { id: true, title: true } },
        },
      }),
      tx.campaignTask.findMany({
        where: { tenantId, signedOffAt: null, OR: departmentTaskWhere(departments) },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        take: 200,
        select: { id: true, title: true, dueDate: true, leadDepartmentId: true },
      }),
    ]);
    return {
      departments: names,
      matters: matters.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        list: m.list,
        overdue: dayOf(m.dueDate) < today,
      })),
      tasks: tasks.map((t) => ({
        id: t.id,
        title: t.title,
        dueDate: t.dueDate,
        lead: departments.includes(t.leadDepartmentId),
        overdue: dayOf(t.dueDate) < today,
      })),
    };
  });
}
