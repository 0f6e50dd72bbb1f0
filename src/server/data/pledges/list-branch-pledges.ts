import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID } from "../self-reports/self-report-rules";
import { loadViewer, pledgeAccess, type PledgeAccess } from "./pledge-rules";
import { itemCounts, pledgeSummarySelect, type PledgeSummaryRow } from "./pledge-view";

/** The most pledges one wall shows, newest first. */
export const PLEDGE_WALL_LIMIT = 300;

export type BranchPledge = Omit<PledgeSummaryRow, "org"> & {
  org: { id: string; name: string; nameEn: string | null };
  access: PledgeAccess;
  counts: ReturnType<typeof itemCounts>;
};

export type BranchPledgeWall = {
  org: { id: string; name: string; nameEn: string | null; level: string };
  pledges: BranchPledge[];
  /** True when the actor may evaluate pledges of this organization (the secretary's view). */
  evaluates: boolean;
};

/**
 * The pledge wall of one organization (亮诺): every pledge made to it, members' and its own.
 * Visible to the members of that branch and to those holding pledge.evaluate over it; anyone
 * else gets NOT_FOUND, the same as for an organization that does not exist.
 * `onlyAwaiting` keeps the pledges with items still to evaluate.
 */
export async function listBranchPledges(
  actor: Actor,
  orgId: string,
  options: { campaignId?: string | null; onlyAwaiting?: boolean } = {},
): Promise<BranchPledgeWall> {
  if (!UUID.test(orgId)) throw notFound("组织");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const org = await tx.organization.findFirst({
      where: { tenantId, id: orgId },
      select: { id: true, name: true, nameEn: true, level: true, path: true },
    });
    if (!org) throw notFound("组织");
    const viewer = await loadViewer(tx, actor);
    const evaluates = can(actor, "pledge.evaluate", org.path);
    if (viewer.branchId !== org.id && !evaluates) throw notFound("组织");

    const campaignId =
      options.campaignId && UUID.test(options.campaignId) ? options.campaignId : undefined;
    const rows = await tx.pledge.findMany({
      where: {
        tenantId,
        orgId: org.id,
        ...(campaignId ? { campaignId } : {}),
        ...(options.onlyAwaiting ? { items: { some: { verdict: null, withdrawnAt: null } } } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PLEDGE_WALL_LIMIT,
      select: pledgeSummarySelect,
    });
    const pledges = rows.map(({ org: pledgeOrg, ...rest }) => ({
      ...rest,
      org: { id: pledgeOrg.id, name: pledgeOrg.name, nameEn: pledgeOrg.nameEn },
      access: pledgeAccess(actor, viewer, { ...rest, org: pledgeOrg }),
      counts: itemCounts(rest.items),
    }));
    const { path: _path, ...orgView } = org;
    return { org: orgView, pledges, evaluates };
  });
}
