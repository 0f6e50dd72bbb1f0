import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { can, scopeRoots } from "../../authz/scope";
import { notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { dayOf } from "../tasks/task-status";
import { taskCampaignWhere, UUID } from "../tasks/task-rules";

/**
 * Secretary projects (书记项目) the actor may read: the campaign is readable (task.read) and the
 * branch lies in the actor's task.read subtree (a secretary sees their own branch's project, the
 * organization department its whole subtree).
 */
export function projectReadWhere(actor: Actor): Prisma.SecretaryProjectWhereInput {
  const roots = scopeRoots(actor, "task.read");
  if (roots.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return { tenantId: actor.tenantId, campaign: taskCampaignWhere(actor) };
}

const projectInclude = {
  campaign: { select: { id: true, name: true, startDate: true, endDate: true, status: true } },
  milestones: { orderBy: [{ dueDate: "asc" }, { sortOrder: "asc" }] },
} satisfies Prisma.SecretaryProjectInclude;

export type ProjectRow = Prisma.SecretaryProjectGetPayload<{ include: typeof projectInclude }> & {
  org: { id: string; name: string; nameEn: string | null; path: string };
};

/** Loads a project the actor may read, or NOT_FOUND (also for another tenant's or a bad id). */
export async function findProjectOrThrow(
  tx: TenantTx,
  actor: Actor,
  id: string,
): Promise<ProjectRow> {
  if (!UUID.test(id)) throw notFound("书记项目");
  const project = await tx.secretaryProject.findFirst({
    where: { AND: [projectReadWhere(actor), { id }] },
    include: projectInclude,
  });
  if (!project) throw notFound("书记项目");
  const org = await tx.organization.findFirst({
    where: { tenantId: actor.tenantId, id: project.orgId },
    select: { id: true, name: true, nameEn: true, path: true },
  });
  if (!org || !can(actor, "task.read", org.path)) throw notFound("书记项目");
  return { ...project, org };
}

/** The branch's secretary (task.update over the branch) or the organization department. */
export function managesProject(actor: Actor, orgPath: string): boolean {
  return can(actor, "task.update", orgPath);
}

/** A milestone past its date and not done makes the project late. */
export function isMilestoneLate(m: { dueDate: Date; status: string }, today: string): boolean {
  return m.status !== "DONE" && dayOf(m.dueDate) < today;
}
