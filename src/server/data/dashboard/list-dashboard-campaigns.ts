import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { campaignReadWhere, isoDay } from "../campaigns/campaign-rules";

export type DashboardCampaignOption = Awaited<ReturnType<typeof listDashboardCampaigns>>[number];

/**
 * Campaigns whose dashboard the actor may open (dashboard.read, and the campaign meets their
 * subtree), active ones first, newest first. FORBIDDEN without dashboard.read.
 */
export async function listDashboardCampaigns(actor: Actor) {
  requirePermission(actor, "dashboard.read");
  const rows = await withTenant(actor.tenantId, (tx) =>
    tx.campaign.findMany({
      where: campaignReadWhere(actor),
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      select: { id: true, name: true, nameEn: true, status: true, startDate: true, endDate: true },
    }),
  );
  const rank = { ACTIVE: 0, DRAFT: 1, CLOSED: 2 } as const;
  return rows
    .map((c) => ({ ...c, startDate: isoDay(c.startDate), endDate: isoDay(c.endDate) }))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}
