import { cache } from "react";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/server/auth/get-actor";
import type { Actor } from "@/server/authz/actor";
import { isAppError } from "@/server/errors";
import { computeRatings } from "@/server/data/ratings/compute-ratings";
import {
  getPublishedRatings,
  listRatingPublications,
  type PublicationInfo,
} from "@/server/data/ratings/get-published-ratings";
import { getRatingCampaign, type RatingCampaign } from "@/server/data/ratings/get-rating-context";
import type { RatingSet } from "@/server/data/ratings/rating-types";

/** NOT_FOUND (and a malformed id) become the 404 page; anything else goes to error.tsx. */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION"))
      notFound();
    throw error;
  });
}

/** A positive whole number from a search parameter, else null. */
export function positiveInt(value: string | string[] | undefined): number | null {
  const s = Array.isArray(value) ? value[0] : value;
  if (!s || !/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/** The campaign of a ratings page and the year of its path (404 when not one of its years). */
export const loadRatingCampaign = cache(
  async (
    campaignId: string,
    yearParam: string,
  ): Promise<{ actor: Actor; campaign: RatingCampaign; year: number }> => {
    const actor = await requirePagePermission("dashboard.read");
    const campaign = await orNotFound(getRatingCampaign(actor, campaignId));
    const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    if (!campaign.years.includes(year)) notFound();
    return { actor, campaign, year };
  },
);

export type RatingView = {
  actor: Actor;
  campaign: RatingCampaign;
  year: number;
  /** The computed ratings, or the published version asked for. */
  set: RatingSet;
  /** The version shown; null for the current computation. */
  publication: PublicationInfo | null;
  versions: PublicationInfo[];
  /** When the current computation was made and whether the data has changed since; null for a publication. */
  figures: { computedAt: string; stale: boolean } | null;
};

/** What a ratings table page shows: the current computation, or a published version (?version=N). */
export const loadRatingView = cache(
  async (campaignId: string, yearParam: string, version: number | null): Promise<RatingView> => {
    const { actor, campaign, year } = await loadRatingCampaign(campaignId, yearParam);
    if (version) {
      const published = await orNotFound(getPublishedRatings(actor, { campaignId, year, version }));
      if (!published.set) notFound();
      return {
        actor,
        campaign,
        year,
        set: published.set,
        publication: published.publication,
        versions: published.versions,
        figures: null,
      };
    }
    const [set, versions] = await Promise.all([
      orNotFound(computeRatings(actor, { campaignId, year })),
      listRatingPublications(actor, { campaignId, year }),
    ]);
    return {
      actor,
      campaign,
      year,
      set,
      publication: null,
      versions,
      figures: { computedAt: set.computedAt, stale: set.stale },
    };
  },
);

/** "/ratings/<campaign>/<year><path>" with `version` kept when set. */
export function ratingHref(
  campaignId: string,
  year: number,
  path = "",
  params: Record<string, string | number | null | undefined> = {},
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return `/ratings/${campaignId}/${year}${path}${s ? `?${s}` : ""}`;
}
