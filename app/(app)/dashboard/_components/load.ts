import { notFound } from "next/navigation";
import { todayInShanghai } from "@/lib/format";
import { requirePagePermission } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import {
  DashboardSearch,
  toDashboardQuery,
  type DashboardQuery,
} from "@/server/data/dashboard/dashboard-query";
import { listDashboardCampaigns } from "@/server/data/dashboard/list-dashboard-campaigns";

/**
 * What every dashboard page starts with: the actor (404 without dashboard.read: a member gets
 * nothing here), the campaigns they may open, and the filters from the URL with the defaults
 * filled in (the first active campaign, today). `query` is null when there is no campaign.
 */
export async function loadDashboardContext(raw: Record<string, string | string[] | undefined>) {
  const actor = await requirePagePermission("dashboard.read");
  const campaigns = await listDashboardCampaigns(actor);
  const search = DashboardSearch.parse(raw);
  const campaignId =
    search.campaignId && campaigns.some((c) => c.id === search.campaignId)
      ? search.campaignId
      : campaigns[0]?.id;
  if (search.campaignId && campaignId !== search.campaignId) notFound();
  const query: DashboardQuery | null = campaignId
    ? toDashboardQuery(search, campaignId, todayInShanghai())
    : null;
  return { actor, campaigns, query, raw };
}

/** Runs a data function, turning NOT_FOUND into the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
