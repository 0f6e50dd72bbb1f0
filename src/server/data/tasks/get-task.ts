import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow, isoDay } from "../campaigns/campaign-rules";
import { deriveTaskStatus } from "./task-status";
import { findTaskOrThrow, managesCampaign, mayUpdateTask } from "./task-rules";

/** One task with its departments, organizations, updates (with evidence) and the actor's rights. */
export async function getTask(actor: Actor, id: string, today: string = todayInShanghai()) {
  return withTenant(actor.tenantId, async (tx) => {
    const task = await findTaskOrThrow(tx, actor, id);
    const tenantId = actor.tenantId;
    const [departments, orgs, updates] = await Promise.all([
      tx.department.findMany({
        where: {
          tenantId,
          id: { in: [task.leadDepartmentId, ...task.departments.map((d) => d.departmentId)] },
        },
        select: { id: true, name: true, nameEn: true },
      }),
      tx.organization.findMany({
        where: { tenantId, id: { in: task.orgs.map((o) => o.orgId) } },
        select: { id: true, name: true, nameEn: true },
      }),
      tx.taskUpdate.findMany({
        where: { tenantId, taskId: task.id },
        orderBy: { createdAt: "desc" },
      }),
    ]);
    const evidence = await tx.evidence.findMany({
      where: { tenantId, id: { in: updates.flatMap((u) => u.evidenceIds) } },
      select: { id: true, originalName: true, mimeType: true, sizeBytes: true, withdrawnAt: true },
    });
    const users = await tx.user.findMany({
      where: { tenantId, id: { in: [...new Set(updates.map((u) => u.createdById))] } },
      select: { id: true, displayName: true },
    });
    const evidenceById = new Map(evidence.map((e) => [e.id, e]));
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const deptById = new Map(departments.map((d) => [d.id, d]));
    return {
      id: task.id,
      version: task.version,
      title: task.title,
      description: task.description,
      campaign: { id: task.campaign.id, name: task.campaign.name },
      dueDate: task.dueDate,
      signedOffAt: task.signedOffAt,
      status: deriveTaskStatus(
        { dueDate: task.dueDate, signedOffAt: task.signedOffAt, updateCount: task._count.updates },
        today,
      ),
      lead: deptById.get(task.leadDepartmentId) ?? null,
      cooperating: task.departments.map((d) => deptById.get(d.departmentId)).filter((d) => !!d),
      orgs,
      updates: updates.map((u) => ({
        id: u.id,
        text: u.text,
        percent: u.percent,
        createdAt: u.createdAt,
        author: userName.get(u.createdById) ?? "",
        evidence: u.evidenceIds.map((eid) => evidenceById.get(eid)).filter((e) => !!e),
      })),
      canManage: managesCampaign(actor, task.campaign.rootOrg.path),
      canUpdate: !task.signedOffAt && (await mayUpdateTask(tx, actor, task)),
    };
  });
}

/** Options for the new-task form: departments and the campaign's covered organizations. */
export async function getTaskFormOptions(actor: Actor, campaignId: string) {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, campaignId);
    const root = campaign.rootOrg.path;
    const [departments, orgs] = await Promise.all([
      tx.department.findMany({
        where: { tenantId: actor.tenantId, isActive: true },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { id: true, name: true, nameEn: true },
      }),
      tx.organization.findMany({
        where: {
          tenantId: actor.tenantId,
          validTo: null,
          OR: [{ path: root }, { path: { startsWith: root + "/" } }],
        },
        orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
        select: { id: true, name: true, nameEn: true, level: true },
        take: 500,
      }),
    ]);
    return {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        startDate: isoDay(campaign.startDate),
        endDate: isoDay(campaign.endDate),
        templateCode: campaign.templateCode,
      },
      canManage: managesCampaign(actor, root),
      departments,
      orgs,
    };
  });
}
