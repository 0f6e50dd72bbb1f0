import type { Actor } from "../../authz/actor";
import { notFound } from "../../errors";
import { computeRatings } from "./compute-ratings";
import { planOneStar, type RaisePlan } from "./plan-one-star";
import type { SubjectRating } from "./rating-types";

/**
 * For one organization in the actor's scope: the points missing to the next band and the
 * cheapest quota gaps that would close them (planOneStar), from its current computed rating.
 * NOT_FOUND for an organization outside the scope or not rated in that year.
 */
export async function whatWouldRaiseOneStar(
  actor: Actor,
  query: { campaignId: string; year: number; orgId: string },
): Promise<{ rating: SubjectRating; plan: RaisePlan }> {
  const set = await computeRatings(actor, { campaignId: query.campaignId, year: query.year });
  const rating = set.organizations.find((o) => o.id === query.orgId);
  if (!rating) throw notFound("组织的评定结果");
  return { rating, plan: planOneStar(rating, set.settings.bands) };
}
