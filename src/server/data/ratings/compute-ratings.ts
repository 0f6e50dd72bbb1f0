import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { sharedRatingSet } from "./rating-rules";
import type { RatingSet } from "./rating-types";

export type RatingQuery = { campaignId: string; year: number };

/**
 * The current (computed, unpublished) ratings of a campaign year for every organization
 * (堡垒指数) and member (锋领指数) in the actor's dashboard.read scope, with their breakdowns,
 * the flags and the 两优一先 candidates. NOT_FOUND for a campaign the actor cannot read;
 * VALIDATION for a year outside the campaign. See docs/ratings.md for the method.
 */
export async function computeRatings(
  actor: Actor,
  query: RatingQuery,
): Promise<RatingSet & { stale: boolean }> {
  requirePermission(actor, "dashboard.read");
  return sharedRatingSet(actor, query.campaignId, query.year);
}
