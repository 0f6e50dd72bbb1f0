import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { dayOf } from "../tasks/task-status";
import { taskCampaignWhere } from "../tasks/task-rules";
import { findListOrThrow, findMatterOrThrow, mayCloseMatter } from "./matter-rules";

/** The lists of the campaigns the actor may read, newest first, with open/closed counts. */
export async function listMattersLists(actor: Actor) {
  return withTenant(actor.tenantId, async (tx) => {
    const lists = await tx.practicalMattersList.findMany({
      where: { tenantId: actor.tenantId, campaign: taskCampaignWhere(actor) },
      orderBy: [{ periodStart: "desc" }],
      include: {
        campaign: { select: { id: true, name: true } },
        items: { select: { closedAt: true } },
      },
    });
    const campaigns = await tx.campaign.findMany({
      where: taskCampaignWhere(actor),
      select: { id: true, name: true, rootOrg: { select: { path: true } } },
    });
    return {
      lists: lists.map((l) => ({
        id: l.id,
        title: l.title,
        campaign: l.campaign,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        total: l.items.length,
        open: l.items.filter((i) => !i.closedAt).length,
      })),
      manageableCampaigns: campaigns
        .filter((c) => can(actor, "task.manage", c.rootOrg.path))
        .map((c) => ({ id: c.id, name: c.name })),
    };
  });
}

function ownerNames(depts: { id: string; name: string }[], orgs: { id: string; name: string }[]) {
  const d = new Map(depts.map((x) => [x.id, x.name]));
  const o = new Map(orgs.map((x) => [x.id, x.name]));
  return (m: { ownerDepartmentId: string | null; ownerOrgId: string | null }) =>
    (m.ownerDepartmentId
      ? d.get(m.ownerDepartmentId)
      : m.ownerOrgId
        ? o.get(m.ownerOrgId)
        : null) ?? "";
}

/** One list with its items (owner, deadline, overdue, carried over) and the form options. */
export async function getMattersList(actor: Actor, id: string, today: string = todayInShanghai()) {
  return withTenant(actor.tenantId, async (tx) => {
    const list = await findListOrThrow(tx, actor, id);
    const tenantId = actor.tenantId;
    const root = list.campaign.rootOrg.path;
    const [items, departments, orgs] = await Promise.all([
      tx.practicalMatter.findMany({
        where: { tenantId, listId: list.id },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      }),
      tx.department.findMany({
        where: { tenantId },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { id: true, name: true },
      }),
      tx.organization.findMany({
        where: {
          tenantId,
          validTo: null,
          OR: [{ path: root }, { path: { startsWith: root + "/" } }],
        },
        orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
        select: { id: true, name: true },
        take: 500,
      }),
    ]);
    const owner = ownerNames(departments, orgs);
    return {
      id: list.id,
      title: list.title,
      campaign: { id: list.campaign.id, name: list.campaign.name },
      periodStart: list.periodStart,
      periodEnd: list.periodEnd,
      canManage: can(actor, "task.manage", root),
      departments,
      orgs,
      items: items.map((m) => ({
        id: m.id,
        title: m.title,
        owner: owner(m),
        dueDate: m.dueDate,
        closedAt: m.closedAt,
        carried: m.carriedFromId !== null,
        overdue: !m.closedAt && dayOf(m.dueDate) < today,
      })),
    };
  });
}

/** One item, with its evidence and whether the actor may close it. */
export async function getMatter(actor: Actor, id: string, today: string = todayInShanghai()) {
  return withTenant(actor.tenantId, async (tx) => {
    const m = await findMatterOrThrow(tx, actor, id);
    const tenantId = actor.tenantId;
    const [dept, org, evidence] = await Promise.all([
      m.ownerDepartmentId
        ? tx.department.findFirst({
            where: { tenantId, id: m.ownerDepartmentId },
            select: { id: true, name: true },
          })
        : null,
      m.ownerOrgId
        ? tx.organization.findFirst({
            where: { tenantId, id: m.ownerOrgId },
            select: { id: true, name: true },
          })
        : null,
      tx.evidence.findMany({
        where: { tenantId, id: { in: m.evidenceIds } },
        select: { id: true, originalName: true, sizeBytes: true },
      }),
    ]);
    return {
      id: m.id,
      version: m.version,
      title: m.title,
      list: { id: m.list.id, title: m.list.title },
      owner: dept?.name ?? org?.name ?? "",
      dueDate: m.dueDate,
      closedAt: m.closedAt,
      closingNote: m.closingNote,
      carried: m.carriedFromId !== null,
      overdue: !m.closedAt && dayOf(m.dueDate) < today,
      evidence,
      canClose: !m.closedAt && (await mayCloseMatter(tx, actor, m)),
    };
  });
}
