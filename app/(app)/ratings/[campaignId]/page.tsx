import { notFound, redirect } from "next/navigation";
import { requirePagePermission } from "@/server/auth/get-actor";
import { getRatingCampaign } from "@/server/data/ratings/get-rating-context";
import { defaultRatingYear } from "@/server/data/ratings/rating-types";
import { orNotFound, ratingHref } from "../_components/load-view";

/** A campaign's ratings open on its current (or last) year. */
export default async function CampaignRatingsPage({
  params,
}: {
  params: Promise<{ campaignId: string }>;
}) {
  const { campaignId } = await params;
  const actor = await requirePagePermission("dashboard.read");
  const campaign = await orNotFound(getRatingCampaign(actor, campaignId));
  const year = defaultRatingYear(campaign.years);
  if (year === null) notFound();
  redirect(ratingHref(campaign.id, year));
}
