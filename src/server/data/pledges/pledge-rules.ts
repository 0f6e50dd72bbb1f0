import type { OrgLevel } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { can, scopeRoots } from "../../authz/scope";
import { notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";

import { UUID } from "../self-reports/self-report-rules";

/**
 * Who may do what with a pledge (承诺):
 * - 亮诺: a pledge is public to its organization: every member of that branch sees it, and so does
 *   anyone holding pledge.evaluate over the organization. Nobody else (not found).
 * - 践诺: the owner posts progress and withdraws unevaluated items. The owner of a member's pledge
 *   is that member; of an organization's pledge, whoever holds pledge.evaluate at that organization
 *   itself (its secretary or administrator) or made it.
 * - 评诺: a member's pledge is evaluated by pledge.evaluate over its organization — never by the
 *   member; an organization's pledge by a superior (pledge.evaluate strictly above it), never by
 *   its owners.
 * - Comments: the branch's members (the owner too) and the evaluators.
 */
export type PledgeAccess = {
  canView: boolean;
  isOwner: boolean;
  canComment: boolean;
  canEvaluate: boolean;
};

/** The viewer's own branch: the organization of their member record, or its branch when that is a party group. */
export type Viewer = { memberId: string | null; branchId: string | null };

type OrgLike = { id: string; level: OrgLevel; parentId: string | null };

/** The organization a member's pledge is made to: their branch (a party group's parent branch). */
export function branchOf(org: OrgLike): string {
  return org.level === "GROUP" && org.parentId ? org.parentId : org.id;
}

export async function loadViewer(tx: TenantTx, actor: Actor): Promise<Viewer> {
  if (!actor.memberId) return { memberId: null, branchId: null };
  const member = await tx.member.findFirst({
    where: { tenantId: actor.tenantId, id: actor.memberId },
    select: { leftAt: true, org: { select: { id: true, level: true, parentId: true } } },
  });
  if (!member || member.leftAt) return { memberId: actor.memberId, branchId: null };
  return { memberId: actor.memberId, branchId: branchOf(member.org) };
}

/** True when the actor holds pledge.evaluate strictly above the organization at `path`. */
export function isSuperiorOf(actor: Actor, path: string): boolean {
  return scopeRoots(actor, "pledge.evaluate").some((root) => path.startsWith(root + "/"));
}

/** True when the actor holds pledge.evaluate at the organization at `path` itself. */
function holdsEvaluateAt(actor: Actor, path: string): boolean {
  return actor.assignments.some(
    (a) => a.orgPath === path && can({ ...actor, assignments: [a] }, "pledge.evaluate"),
  );
}

export function pledgeAccess(
  actor: Actor,
  viewer: Viewer,
  pledge: { memberId: string | null; orgId: string; createdById: string; org: { path: string } },
): PledgeAccess {
  const inBranch = viewer.branchId !== null && viewer.branchId === pledge.orgId;
  const evaluatesOrg = can(actor, "pledge.evaluate", pledge.org.path);
  if (pledge.memberId !== null) {
    const isOwner = viewer.memberId !== null && viewer.memberId === pledge.memberId;
    const canView = inBranch || evaluatesOrg || isOwner;
    return {
      canView,
      isOwner,
      canComment: canView && (inBranch || evaluatesOrg),
      canEvaluate: evaluatesOrg && !isOwner,
    };
  }
  const isOwner =
    evaluatesOrg &&
    (holdsEvaluateAt(actor, pledge.org.path) || pledge.createdById === actor.userId);
  const canView = inBranch || evaluatesOrg;
  return {
    canView,
    isOwner,
    canComment: canView,
    canEvaluate: !isOwner && isSuperiorOf(actor, pledge.org.path),
  };
}

const pledgeForAccess = {
  id: true,
  memberId: true,
  orgId: true,
  createdById: true,
  version: true,
  org: { select: { path: true } },
} as const;

/** A pledge the actor may see, with their rights over it; NOT_FOUND otherwise (also for a malformed id). */
export async function findVisiblePledgeOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound("承诺");
  const pledge = await tx.pledge.findFirst({
    where: { tenantId: actor.tenantId, id },
    select: pledgeForAccess,
  });
  if (!pledge) throw notFound("承诺");
  const access = pledgeAccess(actor, await loadViewer(tx, actor), pledge);
  if (!access.canView) throw notFound("承诺");
  return { pledge, access };
}

/** A pledge item the actor may see (through its pledge), with the pledge and the actor's rights. */
export async function findVisibleItemOrThrow(tx: TenantTx, actor: Actor, itemId: string) {
  if (!UUID.test(itemId)) throw notFound("承诺事项");
  const item = await tx.pledgeItem.findFirst({
    where: { tenantId: actor.tenantId, id: itemId },
    select: {
      id: true,
      pledgeId: true,
      text: true,
      verdict: true,
      verdictComment: true,
      withdrawnAt: true,
      version: true,
      pledge: { select: pledgeForAccess },
    },
  });
  if (!item) throw notFound("承诺事项");
  const access = pledgeAccess(actor, await loadViewer(tx, actor), item.pledge);
  if (!access.canView) throw notFound("承诺事项");
  return { item, access };
}
