import { DEFAULT_RATING_BANDS, type RatingBand, type ResultStatus } from "@/rules";
import type { StoredDefinition } from "../campaigns/campaign-rules";

/**
 * Star ratings (堡垒指数 for organizations, 锋领指数 for members) of one campaign year, with a
 * breakdown in which every point traces to a quota result, an assessment entry or a veto.
 * docs/ratings.md explains the method; this module holds the shapes and the small pure rules
 * (which years, which as-of date, which settings) every ratings function shares.
 */

export type RatingSubjectKind = "organization" | "member";
export const RATING_SUBJECT_KINDS = ["organization", "member"] as const;

/** One period window of one quota that counts for the year. */
export type WindowTrace = {
  start: string;
  end: string;
  /** The window was over at the as-of date. */
  final: boolean;
  achieved: number;
  /** The window's target (after pro-rating; the minimum of a range; parts of a composite). */
  target: number;
  /** What the window is measured against: the target, or for an open window the pace expected by the as-of date (whole units). */
  countedTarget: number;
  /** min(1, achieved / countedTarget), 0 when the maximum of a range is exceeded. */
  compliance: number;
  status: ResultStatus;
  unit: string;
  /** Counted records (see the per-quota page for them). */
  records: number;
  aboveMax?: true;
};

export type EntryTrace = {
  id: string;
  points: number | null;
  triggered: boolean | null;
  comment: string;
  enteredById: string;
  enteredByName: string;
  /** ISO instant. */
  enteredAt: string;
  /**
   * The round of mass evaluation (群众评议) the points were computed from, when they were not
   * entered by a person; optional so that earlier publications still read.
   */
  sourceHref?: string | null;
};

export type QuotaLine = {
  source: "quota";
  /** The quota id, or "(quotas)" when no quota applied (the pool earns nothing). */
  id: string;
  label: string;
  labelEn: string | null;
  points: number;
  maxPoints: number;
  weight: number;
  totalWeight: number;
  /** Mean compliance over the windows, 0..1. */
  compliance: number;
  windows: WindowTrace[];
  /** The campaign's page of this quota, as of the rating's date, all windows. */
  href: string | null;
};

export type ManualLine = {
  source: "manual";
  id: string;
  label: string;
  points: number;
  maxPoints: number;
  /** The current entry; null while the item has not been assessed (0 points). */
  entry: EntryTrace | null;
};

export type VetoLine = {
  source: "veto";
  id: string;
  label: string;
  /** Negative when the cap lowers the score, else 0. */
  points: number;
  capScore: number;
  binding: boolean;
  entry: EntryTrace | null;
};

export type RatingLine = QuotaLine | ManualLine | VetoLine;

export type SubjectRating = {
  kind: RatingSubjectKind;
  id: string;
  name: string;
  nameEn: string | null;
  /** Organization code or member number. */
  code: string;
  /** The organization itself, or the member's current organization. */
  orgId: string;
  orgName: string;
  /** Path used for scoping: the organization's, or the member's current organization's. */
  path: string;
  /** Organization level; null for members. */
  level: string | null;
  /** A member's branch (nearest BRANCH at or above their organization); null for organizations. */
  branchId: string | null;
  score: number;
  stars: number;
  breakdown: RatingLine[];
};

export type OrgFlag = {
  orgId: string;
  name: string;
  nameEn: string | null;
  level: string;
  path: string;
  score: number;
  stars: number;
};

export type LeaderFlag = {
  memberId: string;
  name: string;
  number: string;
  orgId: string;
  orgName: string;
  orgNameEn: string | null;
  path: string;
  orgScore: number;
  orgStars: number;
  /** Why the member counts as a responsible person of the organization. */
  basis: ("SECRETARY" | "DEPUTY_SECRETARY" | "LEADER_ROLE" | "SECRETARY_ROLE")[];
};

export type MemberCandidate = {
  memberId: string;
  name: string;
  number: string;
  orgName: string;
  path: string;
  score: number;
  stars: number;
  branchId: string;
  branchName: string;
  branchStars: number;
};

export type RatingThresholds = {
  /** 3★ or below is flagged; the leaders of an organization below `eligibleOrgStars` lose the "excellent" grade. */
  flagAtOrBelow: number;
  eligibleOrgStars: number;
  /** 先进基层党组织: organizations (not the school committee) at this band or above. */
  advancedOrgStars: number;
  /** 优秀共产党员 / 优秀党务工作者: members at this band or above, whose branch is at `candidateBranchStars` or above. */
  excellentMemberStars: number;
  candidateBranchStars: number;
};

export const RATING_THRESHOLDS: RatingThresholds = {
  flagAtOrBelow: 3,
  eligibleOrgStars: 4,
  advancedOrgStars: 5,
  excellentMemberStars: 4,
  candidateBranchStars: 4,
};

export type ResolvedRatingSettings = {
  bands: RatingBand[];
  manualItems: { id: string; label: string; maxPoints: number }[];
  vetoItems: { id: string; label: string; capScore: number }[];
  /** True when the campaign has no rating settings and the default scheme applies. */
  isDefault: boolean;
};

export type RatingSet = {
  campaign: { id: string; name: string; nameEn: string | null; rootOrgId: string };
  year: number;
  asOf: string;
  /** ISO instant of the computation. */
  computedAt: string;
  settings: ResolvedRatingSettings;
  thresholds: RatingThresholds;
  organizations: SubjectRating[];
  members: SubjectRating[];
  flags: { lowOrganizations: OrgFlag[]; ineligibleLeaders: LeaderFlag[] };
  candidates: {
    organizations: OrgFlag[];
    members: MemberCandidate[];
    partyWorkers: MemberCandidate[];
  };
};

/** What RatingPublication.snapshot holds. */
export type RatingSnapshot = RatingSet & { format: 1 };

/**
 * The scheme used when a campaign's definition has no `rating` settings: the default bands, one
 * manual item (the superior organization's assessment, 20 points) and one veto (a serious
 * violation caps the score at 59, i.e. 1★). With settings, missing lists mean "none".
 */
export const DEFAULT_RATING_SETTINGS: Omit<ResolvedRatingSettings, "isDefault"> = {
  bands: [...DEFAULT_RATING_BANDS],
  manualItems: [{ id: "superior-assessment", label: "上级党组织综合评价", maxPoints: 20 }],
  vetoItems: [
    { id: "serious-violation", label: "发生严重违纪违法或重大责任事故（一票否决）", capScore: 59 },
  ],
};

export function resolveRatingSettings(definition: StoredDefinition): ResolvedRatingSettings {
  const rating = definition.rating;
  if (!rating) return { ...structuredClone(DEFAULT_RATING_SETTINGS), isDefault: true };
  return {
    bands: rating.bands?.length ? rating.bands.map((b) => ({ ...b })) : [...DEFAULT_RATING_BANDS],
    manualItems: (rating.manualItems ?? []).map((m) => ({
      id: m.id,
      label: m.label,
      maxPoints: m.maxPoints,
    })),
    vetoItems: (rating.vetoItems ?? []).map((v) => ({
      id: v.id,
      label: v.label,
      capScore: v.capScore,
    })),
    isDefault: false,
  };
}

/**
 * The calendar years a campaign can be rated for on `today`: from the year it starts to the year
 * it ends, and not past the current year (a year that has not begun has nothing to rate).
 */
export function ratingYears(
  campaign: { startDate: string; endDate: string },
  today: string,
): number[] {
  if (campaign.startDate > today) return [];
  const first = Number(campaign.startDate.slice(0, 4));
  const last = Math.min(Number(campaign.endDate.slice(0, 4)), Number(today.slice(0, 4)));
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}

/** The as-of date of a year's ratings: 31 December, or the campaign's end, or today, whichever is first. */
export function ratingAsOf(year: number, campaign: { endDate: string }, today: string): string {
  return [`${year}-12-31`, campaign.endDate, today].sort()[0]!;
}

/** The default year to show: the current year when the campaign runs in it, else its last year. */
export function defaultRatingYear(years: readonly number[]): number | null {
  return years[0] ?? null;
}

/** The next band above `stars`: the lowest minimum among bands with more stars. */
export function nextBand(stars: number, bands: readonly RatingBand[]): RatingBand | null {
  const higher = bands
    .filter((b) => b.stars > stars)
    .sort((a, b) => a.minScore - b.minScore || a.stars - b.stars);
  return higher[0] ?? null;
}
