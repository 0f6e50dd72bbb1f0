import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, requirePermission } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import {
  campaignReadWhere,
  findCampaignOrThrow,
  isoDay,
  storedDefinition,
} from "../campaigns/campaign-rules";
import { campaignRatingYears } from "./rating-rules";
import { ratingAsOf, resolveRatingSettings } from "./rating-types";

/** Campaigns whose ratings the actor may read, newest first, with the years they can be rated for. */
export async function listRatingCampaigns(actor: Actor) {
  requirePermission(actor, "dashboard.read");
  const today = todayInShanghai();
  return withTenant(actor.tenantId, async (tx) => {
    const rows = await tx.campaign.findMany({
      where: campaignReadWhere(actor),
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        name: true,
        nameEn: true,
        startDate: true,
        endDate: true,
        status: true,
        rootOrg: { select: { name: true, nameEn: true } },
      },
    });
    const published = rows.length
      ? await tx.ratingPublication.groupBy({
          by: ["campaignId", "year"],
          where: { tenantId: actor.tenantId, campaignId: { in: rows.map((r) => r.id) } },
          _max: { version: true },
        })
      : [];
    return rows.map((r) => ({
      ...r,
      years: campaignRatingYears(r, today),
      published: published
        .filter((p) => p.campaignId === r.id)
        .map((p) => ({ year: p.year, version: p._max.version ?? 0 })),
    }));
  });
}

/** What every ratings page of one campaign needs besides the ratings: names, years, settings and the actor's rights. */
export async function getRatingCampaign(actor: Actor, campaignId: string) {
  requirePermission(actor, "dashboard.read");
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, campaignId);
    const settings = resolveRatingSettings(storedDefinition(campaign.definition));
    const today = todayInShanghai();
    const years = campaignRatingYears(campaign, today);
    return {
      id: campaign.id,
      name: campaign.name,
      nameEn: campaign.nameEn,
      startDate: isoDay(campaign.startDate),
      endDate: isoDay(campaign.endDate),
      rootOrg: {
        id: campaign.rootOrg.id,
        name: campaign.rootOrg.name,
        nameEn: campaign.rootOrg.nameEn,
      },
      years,
      /** The as-of date of each year's computed ratings. */
      asOfByYear: Object.fromEntries(
        years.map((y) => [y, ratingAsOf(y, { endDate: isoDay(campaign.endDate) }, today)]),
      ) as Record<number, string>,
      settings,
      canAssess: can(actor, "rating.assess"),
      canPublish: can(actor, "rating.publish", campaign.rootOrg.path),
    };
  });
}

export type RatingCampaign = Awaited<ReturnType<typeof getRatingCampaign>>;
