import type { Actor } from "../../authz/actor";
import { can, requirePermission } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { campaignReadWhere, storedDefinition } from "./campaign-rules";

export type CampaignListItem = Awaited<ReturnType<typeof listCampaigns>>[number];

/**
 * Campaigns whose covered subtree intersects the actor's campaign.read scope, newest first, with
 * what the list shows: dates, status, covered organization, number of quotas and phases.
 */
export async function listCampaigns(actor: Actor) {
  requirePermission(actor, "campaign.read");
  return withTenant(actor.tenantId, async (tx) => {
    const rows = await tx.campaign.findMany({
      where: campaignReadWhere(actor),
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        name: true,
        nameEn: true,
        templateCode: true,
        startDate: true,
        endDate: true,
        status: true,
        definition: true,
        rootOrg: { select: { id: true, name: true, nameEn: true, path: true } },
      },
    });
    return rows.map(({ definition, rootOrg, ...row }) => {
      const def = storedDefinition(definition);
      return {
        ...row,
        rootOrg: { id: rootOrg.id, name: rootOrg.name, nameEn: rootOrg.nameEn },
        quotaCount: def.quotas.length,
        phaseCount: def.phases?.length ?? 0,
        canManage: can(actor, "campaign.manage", rootOrg.path),
      };
    });
  });
}
