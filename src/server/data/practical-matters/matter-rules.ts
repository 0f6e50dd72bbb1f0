import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { staffDepartmentIds } from "../departments/department-staff";
import { taskCampaignWhere, UUID } from "../tasks/task-rules";

const listInclude = {
  campaign: {
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      rootOrg: { select: { path: true } },
    },
  },
} satisfies Prisma.PracticalMattersListInclude;

export async function findListOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound("实事清单");
  const list = await tx.practicalMattersList.findFirst({
    where: { tenantId: actor.tenantId, id, campaign: taskCampaignWhere(actor) },
    include: listInclude,
  });
  if (!list) throw notFound("实事清单");
  return list;
}

export async function findMatterOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound("实事");
  // Readable through the campaign (task.read), or as staff of the owning department.
  const departments = await staffDepartmentIds(tx, actor);
  const matter = await tx.practicalMatter.findFirst({
    where: {
      tenantId: actor.tenantId,
      id,
      OR: [
        { list: { campaign: taskCampaignWhere(actor) } },
        ...(departments.length > 0 ? [{ ownerDepartmentId: { in: departments } }] : []),
      ],
    },
    include: { list: { include: listInclude } },
  });
  if (!matter) throw notFound("实事");
  return matter;
}

/**
 * Who may close an item (对账销号): the organization department (task.manage over the campaign);
 * for a department-owned item, the users linked to that department (DepartmentStaff); for an
 * item owned by an organization, users holding task.update over that organization.
 */
export async function mayCloseMatter(
  tx: TenantTx,
  actor: Actor,
  matter: {
    ownerOrgId: string | null;
    ownerDepartmentId: string | null;
    list: { campaign: { rootOrg: { path: string } } };
  },
): Promise<boolean> {
  if (can(actor, "task.manage", matter.list.campaign.rootOrg.path)) return true;
  if (matter.ownerDepartmentId)
    return (await staffDepartmentIds(tx, actor)).includes(matter.ownerDepartmentId);
  if (!matter.ownerOrgId) return false;
  const org = await tx.organization.findFirst({
    where: { tenantId: actor.tenantId, id: matter.ownerOrgId },
    select: { path: true },
  });
  return !!org && can(actor, "task.update", org.path);
}
