import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { findCoveringCampaignIds, UUID } from "../self-reports/self-report-rules";
import { loadViewer } from "./pledge-rules";

export type PledgeCampaignOption = { id: string; name: string; nameEn: string | null };

/**
 * The ACTIVE campaigns a new pledge can belong to: those covering the actor's branch today, or
 * `orgId` when the actor pledges for an organization they hold pledge.evaluate over.
 */
export async function listPledgeCampaigns(
  actor: Actor,
  orgId?: string | null,
): Promise<PledgeCampaignOption[]> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    let path: string | null = null;
    if (orgId) {
      if (!UUID.test(orgId)) return [];
      const org = await tx.organization.findFirst({
        where: { tenantId, id: orgId },
        select: { path: true },
      });
      if (org && can(actor, "pledge.evaluate", org.path)) path = org.path;
    } else {
      const viewer = await loadViewer(tx, actor);
      if (viewer.branchId) {
        const org = await tx.organization.findFirst({
          where: { tenantId, id: viewer.branchId },
          select: { path: true },
        });
        path = org?.path ?? null;
      }
    }
    if (!path) return [];
    const ids = await findCoveringCampaignIds(tx, tenantId, path, todayInShanghai());
    if (ids.length === 0) return [];
    return tx.campaign.findMany({
      where: { tenantId, id: { in: ids } },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      select: { id: true, name: true, nameEn: true },
    });
  });
}
