import type { Actor } from "../../authz/actor";
import { can, requirePermission } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { listAssessmentHistory, type AssessmentHistoryEntry } from "./enter-assessment";
import {
  getPublishedRatings,
  listRatingPublications,
  type PublicationInfo,
} from "./get-published-ratings";
import { planOneStar, type RaisePlan } from "./plan-one-star";
import { sharedRatingSet } from "./rating-rules";
import type { RatingSet, RatingSubjectKind, SubjectRating } from "./rating-types";

export type RatingExplanation = {
  set: Omit<RatingSet, "organizations" | "members">;
  rating: SubjectRating;
  /** For a member: their branch's rating in the same set, when it is rated and visible. */
  branch: SubjectRating | null;
  /** The published version shown, or null for the current computation. */
  publication: PublicationInfo | null;
  /** Every published version of the year, newest first. */
  versions: PublicationInfo[];
  /** For an organization's current computation: what would raise it one star. */
  plan: RaisePlan | null;
  history: AssessmentHistoryEntry[];
  canAssess: boolean;
};

/**
 * One organization's or member's rating with everything behind it: the breakdown (computed now,
 * or from a published version), the "one star more" plan for an organization, every assessment
 * entry of the year including superseded ones, and whether the actor may assess it.
 * NOT_FOUND when the subject is outside the actor's scope or not rated in that year.
 */
export async function getRatingExplanation(
  actor: Actor,
  query: {
    campaignId: string;
    year: number;
    subjectKind: RatingSubjectKind;
    subjectId: string;
    version?: number | null;
  },
): Promise<RatingExplanation> {
  requirePermission(actor, "dashboard.read");
  let set: RatingSet;
  let publication: PublicationInfo | null = null;
  let versions: PublicationInfo[];
  if (query.version) {
    const published = await getPublishedRatings(actor, {
      campaignId: query.campaignId,
      year: query.year,
      version: query.version,
    });
    if (!published.set) throw notFound("发布版本");
    set = published.set;
    publication = published.publication;
    versions = published.versions;
  } else {
    versions = await listRatingPublications(actor, {
      campaignId: query.campaignId,
      year: query.year,
    });
    set = await sharedRatingSet(actor, query.campaignId, query.year);
  }
  const list = query.subjectKind === "organization" ? set.organizations : set.members;
  const rating = list.find((s) => s.id === query.subjectId);
  if (!rating)
    throw notFound(query.subjectKind === "organization" ? "组织的评定结果" : "党员的评定结果");
  const branch = rating.branchId
    ? (set.organizations.find((o) => o.id === rating.branchId) ?? null)
    : null;
  const history = await withTenant(actor.tenantId, (tx) =>
    listAssessmentHistory(tx, actor, {
      campaignId: set.campaign.id,
      year: query.year,
      subjectKind: query.subjectKind,
      subjectId: rating.id,
    }),
  );
  const { organizations: _o, members: _m, ...rest } = set;
  void _o;
  void _m;
  return {
    set: rest,
    rating,
    branch,
    publication,
    versions,
    plan:
      !publication && query.subjectKind === "organization"
        ? planOneStar(rating, set.settings.bands)
        : null,
    history,
    canAssess: !publication && can(actor, "rating.assess", rating.path),
  };
}
