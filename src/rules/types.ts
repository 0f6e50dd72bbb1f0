import { z } from "zod";

// Enum strings mirror the database enums one to one, so rows can be passed through unchanged.
export const ORG_LEVELS = ["SCHOOL", "COLLEGE", "BRANCH", "GROUP"] as const;
export const ORG_KINDS = ["TEACHER", "STUDENT", "RETIRED", "MIXED", "ADMIN"] as const;
export const MEMBER_STATUSES = ["FULL", "PROBATIONARY"] as const;
export const MEMBER_CATEGORIES = ["TEACHER", "STAFF", "STUDENT", "RETIRED"] as const;
export const CADRE_LEVELS = ["SCHOOL_LEADER", "MIDDLE_CADRE", "NONE"] as const;
export const RECORD_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;

// Positions stay an open string list on the member (tenants invent roles); these are the ones the
// templates rely on.
export const MEMBER_POSITIONS = [
  "SECRETARY",
  "COMMITTEE_MEMBER",
  "COUNSELOR",
  "PROFESSOR",
  "POLITICAL_WORKER",
  "COLLEGE_LEADER",
  "COURSE_TEACHER",
] as const;

export const ACTIVITY_TYPES = [
  "BRANCH_GENERAL_MEETING",
  "COMMITTEE_MEETING",
  "GROUP_MEETING",
  "PARTY_LECTURE",
  "CONCENTRATED_STUDY",
  "CENTRAL_GROUP_STUDY",
  "THEME_PARTY_DAY",
  "VOLUNTEER_SERVICE",
  "VOLUNTARY_LABOUR",
  "PAIRING",
  "TRAINING",
  "LECTURE_GIVEN",
  "CLASS_VISIT",
  "GRASSROOTS_CONTACT",
  "RESEARCH_TOPIC",
  "RESEARCH_REPORT",
  "ACADEMIC_REPORT",
  "UNDERGRAD_COURSE",
  "ONLINE_COMMENTARY",
  "DORM_PATROL",
  "SOCIAL_PRACTICE",
  "PRACTICE_BASE",
  "EXPERIENCE_EXCHANGE",
  "WORK_REPORT",
  "STUDENT_TALK",
  "PROJECT_TEAM",
  "COURSE_IDEOLOGY_PROJECT",
  "ROTATION_TRAINING",
  "DEMOCRATIC_LIFE_MEETING",
  "SECRETARY_PROJECT",
  "IMPLEMENTATION_PLAN",
  "PRACTICAL_MATTERS_LIST",
  "PLEDGE",
  "OTHER",
] as const;

// Sub-types are free strings on a record; these are the ones the templates filter on.
export const ACTIVITY_SUB_TYPES = {
  THEME_PARTY_DAY: ["VOLUNTEER", "SOCIAL_PRACTICE", "INNOVATION", "DELIBERATION", "CO_BUILDING"],
  PAIRING: ["STUDENT_IN_DIFFICULTY", "FRESHMAN_DORM"],
  RESEARCH_REPORT: ["HOT_ISSUE"],
} as const;

export const METRICS = ["count", "sumHours", "sumDays", "distinctKinds"] as const;

export const PERIOD_KINDS = [
  "week",
  "halfMonth",
  "month",
  "nMonths",
  "semester",
  "academicYear",
  "calendarYear",
  "halfYear",
  "nYears",
  "campaign",
  "phase",
] as const;

export const RESULT_STATUSES = ["met", "onTrack", "atRisk", "behind", "notApplicable"] as const;

export const OrgLevel = z.enum(ORG_LEVELS);
export type OrgLevel = z.infer<typeof OrgLevel>;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;
export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;
export const MemberCategory = z.enum(MEMBER_CATEGORIES);
export type MemberCategory = z.infer<typeof MemberCategory>;
export const CadreLevel = z.enum(CADRE_LEVELS);
export type CadreLevel = z.infer<typeof CadreLevel>;
export const RecordStatus = z.enum(RECORD_STATUSES);
export type RecordStatus = z.infer<typeof RecordStatus>;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;
export const ResultStatus = z.enum(RESULT_STATUSES);
export type ResultStatus = z.infer<typeof ResultStatus>;

/** Calendar date in Asia/Shanghai, e.g. 2026-09-01. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

// Datetimes must carry an offset or Z unless they are meant as Shanghai wall-clock time.
const ISO_DATE_OR_DATETIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const IsoDateOrDateTime = z
  .string()
  .regex(ISO_DATE_OR_DATETIME, "expected YYYY-MM-DD or an ISO datetime")
  .refine((s) => IsoDate.safeParse(s.slice(0, 10)).success, "not a calendar date");
export type IsoDateOrDateTime = z.infer<typeof IsoDateOrDateTime>;

export const ActivityFilter = z.object({
  types: z.array(ActivityType).min(1, "at least one activity type"),
  /** When given, a record must also carry one of these sub-types (e.g. THEME_PARTY_DAY + VOLUNTEER). */
  subTypes: z.array(z.string().min(1)).min(1).optional(),
});
export type ActivityFilter = z.infer<typeof ActivityFilter>;

export const OrganizationSubject = z.object({
  kind: z.literal("organization"),
  levels: z.array(OrgLevel).min(1).optional(),
  orgKinds: z.array(OrgKind).min(1).optional(),
});
export type OrganizationSubject = z.infer<typeof OrganizationSubject>;

export const MemberSubject = z.object({
  kind: z.literal("member"),
  categories: z.array(MemberCategory).min(1).optional(),
  cadreLevels: z.array(CadreLevel).min(1).optional(),
  positions: z.array(z.string().min(1)).min(1).optional(),
  statuses: z.array(MemberStatus).min(1).optional(),
  /**
   * How the given filters combine. "all" (default): a member must pass every filter.
   * "any": passing one is enough — needed for "each school and college leader" (row 19), where
   * school leaders are a cadre level and college leaders a position.
   */
  match: z.enum(["all", "any"]).optional(),
});
export type MemberSubject = z.infer<typeof MemberSubject>;

export const Subject = z.discriminatedUnion("kind", [OrganizationSubject, MemberSubject]);
export type Subject = z.infer<typeof Subject>;

export const Period = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("week") }),
  z.object({ kind: z.literal("halfMonth") }),
  z.object({ kind: z.literal("month") }),
  z.object({
    kind: z.literal("nMonths"),
    // Only divisors of 12, so every window starts in the same months each year (Jan, Mar, May ...).
    months: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6)]),
  }),
  z.object({ kind: z.literal("semester") }),
  z.object({ kind: z.literal("academicYear") }),
  z.object({ kind: z.literal("calendarYear") }),
  z.object({ kind: z.literal("halfYear") }),
  z.object({ kind: z.literal("nYears"), years: z.number().int().min(1).max(20) }),
  z.object({ kind: z.literal("campaign") }),
  z.object({ kind: z.literal("phase"), phaseId: z.string().min(1) }),
]);
export type Period = z.infer<typeof Period>;
export type PeriodKind = Period["kind"];

const nonNegative = z.number().finite().nonnegative("must not be negative");

export const AtLeastTarget = z.object({ op: z.literal("atLeast"), value: nonNegative });
export type AtLeastTarget = z.infer<typeof AtLeastTarget>;

export const BetweenTarget = z
  .object({ op: z.literal("between"), min: nonNegative, max: nonNegative })
  .refine((t) => t.min <= t.max, { message: "min must not exceed max", path: ["max"] });
export type BetweenTarget = z.infer<typeof BetweenTarget>;

export const ShareOfSubjectsTarget = z.object({
  op: z.literal("shareOfSubjects"),
  share: z.number().gt(0, "share must be above 0").max(1, "share must be at most 1"),
  inner: AtLeastTarget,
});
export type ShareOfSubjectsTarget = z.infer<typeof ShareOfSubjectsTarget>;

export const Target = z.discriminatedUnion("op", [
  AtLeastTarget,
  BetweenTarget,
  ShareOfSubjectsTarget,
]);
export type Target = z.infer<typeof Target>;

export const PartTarget = z.discriminatedUnion("op", [AtLeastTarget, BetweenTarget]);
export type PartTarget = z.infer<typeof PartTarget>;

export const QuotaOptions = z.object({
  /** Scale the target by the share of the period the subject was covered (late joiners, short campaigns). */
  proRate: z.boolean().default(false),
  /** Weight of this quota in the star rating. */
  weight: z.number().finite().nonnegative().default(1),
  /** Organization subjects: also count records held by organizations below it in the tree. */
  includeSubtree: z.boolean().default(false),
});
export type QuotaOptions = z.infer<typeof QuotaOptions>;

/** One condition of a composite quota; it shares the parent's subject, period and options. */
export const QuotaPart = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  metric: Metric,
  activity: ActivityFilter,
  target: PartTarget,
  unit: z.string().optional(),
});
export type QuotaPart = z.infer<typeof QuotaPart>;

export const Composite = z.object({
  kind: z.literal("all"),
  parts: z.array(QuotaPart).min(1, "a composite needs at least one part"),
});
export type Composite = z.infer<typeof Composite>;

export const Quota = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    /** Where the quota comes from, e.g. "domain row 25; seed 002 §12". */
    ref: z.string().optional(),
    subject: Subject,
    period: Period,
    metric: Metric.optional(),
    activity: ActivityFilter.optional(),
    target: Target.optional(),
    composite: Composite.optional(),
    /** Display unit for messages such as "behind by 2 sessions"; defaults from the metric. */
    unit: z.string().optional(),
    options: QuotaOptions.default({ proRate: false, weight: 1, includeSubtree: false }),
  })
  .superRefine((q, ctx) => {
    if (q.composite) {
      for (const key of ["metric", "activity", "target"] as const) {
        if (q[key] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "a composite quota sets this per part",
          });
        }
      }
      return;
    }
    for (const key of ["metric", "activity", "target"] as const) {
      if (q[key] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "required unless composite is given",
        });
      }
    }
  });
export type Quota = z.infer<typeof Quota>;
export type QuotaInput = z.input<typeof Quota>;

export const Phase = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** The phase's theme (e.g. 004's three periods each have one); shown, not evaluated. */
  theme: z.string().optional(),
  startDate: IsoDate,
  endDate: IsoDate,
});
export type Phase = z.infer<typeof Phase>;

export const RatingBand = z.object({
  stars: z.number().int().min(1).max(5),
  minScore: z.number().min(0).max(100),
});
export type RatingBand = z.infer<typeof RatingBand>;

export const ManualItem = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  points: z.number().finite(),
  maxPoints: z.number().finite().nonnegative(),
});
export type ManualItem = z.infer<typeof ManualItem>;

export const VetoItem = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  triggered: z.boolean(),
  capScore: z.number().min(0).max(100),
});
export type VetoItem = z.infer<typeof VetoItem>;

/** Rating settings stored with a campaign; manual points and veto triggers are filled in per subject. */
export const RatingSettings = z.object({
  bands: z.array(RatingBand).min(1).optional(),
  manualItems: z
    .array(
      z.object({
        id: z.string().min(1),
        label: z.string().min(1),
        maxPoints: z.number().nonnegative(),
      }),
    )
    .optional(),
  vetoItems: z
    .array(
      z.object({
        id: z.string().min(1),
        label: z.string().min(1),
        capScore: z.number().min(0).max(100),
      }),
    )
    .optional(),
});
export type RatingSettings = z.infer<typeof RatingSettings>;

export const CampaignDefinition = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  nameEn: z.string().optional(),
  /** First day of the campaign (inclusive). */
  startDate: IsoDate,
  /** Last day of the campaign (inclusive). */
  endDate: IsoDate,
  phases: z.array(Phase).optional(),
  quotas: z.array(Quota),
  rating: RatingSettings.optional(),
});
export type CampaignDefinition = z.infer<typeof CampaignDefinition>;
export type CampaignDefinitionInput = z.input<typeof CampaignDefinition>;

export const Organization = z.object({
  id: z.string().min(1),
  level: OrgLevel,
  kind: OrgKind,
  /** Materialized path of ids from the root, ending with this organization's id: "root/college/branch". */
  path: z.string().min(1),
  validFrom: IsoDate,
  /** First day the organization no longer exists (exclusive); null while it exists. */
  validTo: IsoDate.nullable().optional(),
});
export type Organization = z.infer<typeof Organization>;

export const Membership = z.object({
  orgId: z.string().min(1),
  from: IsoDate,
  /** First day the member no longer belongs (exclusive), so a transfer closes one and opens the next on the same day. */
  to: IsoDate.nullable().optional(),
});
export type Membership = z.infer<typeof Membership>;

export const Member = z.object({
  id: z.string().min(1),
  status: MemberStatus,
  category: MemberCategory,
  cadreLevel: CadreLevel,
  positions: z.array(z.string()).default([]),
  joinedAt: IsoDate,
  memberships: z.array(Membership).default([]),
});
export type Member = z.infer<typeof Member>;
export type MemberInput = z.input<typeof Member>;

export const ActivityRecord = z.object({
  id: z.string().min(1),
  type: ActivityType,
  subType: z.string().nullable().optional(),
  orgId: z.string().min(1),
  date: IsoDateOrDateTime,
  hours: nonNegative.nullable().optional(),
  days: nonNegative.nullable().optional(),
  status: RecordStatus,
  voidedAt: z.string().nullable().optional(),
  attendeeIds: z.array(z.string()).default([]),
  selfReportedBy: z.string().nullable().optional(),
  /** Per-attendee hours when they differ from the record's hours. */
  hoursByMember: z.record(z.string(), nonNegative).optional(),
});
export type ActivityRecord = z.infer<typeof ActivityRecord>;
export type ActivityRecordInput = z.input<typeof ActivityRecord>;

export const ActivityRecords = z.array(ActivityRecord);
export type ActivityRecords = z.infer<typeof ActivityRecords>;

/** Layout of the CLI's --campaign file: the definition plus the subjects it is evaluated on. */
export const CampaignFile = z.object({
  campaign: CampaignDefinition,
  organizations: z.array(Organization).default([]),
  members: z.array(Member).default([]),
});
export type CampaignFile = z.infer<typeof CampaignFile>;

export interface DateWindow {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export type SubjectKind = "organization" | "member" | "population";

export type ResultReason = "notCovered" | "aboveMax";

export interface ShareSummary {
  subjectsCovered: number;
  subjectsMet: number;
  /** Subjects that must meet the inner target for the share to be reached: ceil(share × covered). */
  subjectsNeeded: number;
  metSubjectIds: string[];
}

export interface QuotaResult {
  quotaId: string;
  /** Set on the part results of a composite quota (quotaId is then the composite's id). */
  partId?: string;
  subjectKind: SubjectKind;
  /** Organization or member id; "all" for a population (shareOfSubjects) result. */
  subjectId: string;
  /** The period window clipped to the campaign. */
  window: DateWindow;
  /** True once asOf is past the window's last day. */
  final: boolean;
  achieved: number;
  /** Readable target, e.g. ">= 10 sessions". */
  target: string;
  /** Effective target after pro-rating (the minimum for "between", the share for population results). */
  targetValue: number;
  targetMax: number | null;
  unit: string;
  status: ResultStatus;
  /** Pace: targetValue × elapsed share of the window. */
  expectedByNow: number;
  /** How far below pace, in units (whole units for counts); 0 when on pace. */
  gap: number;
  /** Share of the natural period the subject was covered, used to scale the target when proRate is on. */
  coverage: number;
  recordIds: string[];
  reason?: ResultReason;
  parts?: QuotaResult[];
  share?: ShareSummary;
}

export interface CampaignEvaluation {
  campaignId: string;
  asOf: string;
  results: QuotaResult[];
}

/** What evaluateCampaign needs of a campaign; a parsed CampaignDefinition satisfies it. */
export interface CampaignForEvaluation {
  id: string;
  startDate: string;
  endDate: string;
  phases?: ReadonlyArray<{ id: string; startDate: string; endDate: string }>;
  quotas: ReadonlyArray<QuotaInput>;
}

export interface EvaluateCampaignInput {
  campaign: CampaignForEvaluation;
  organizations: ReadonlyArray<OrganizationInputLike>;
  members: ReadonlyArray<MemberInputLike>;
  records: ReadonlyArray<RecordInputLike>;
  /** YYYY-MM-DD, Asia/Shanghai. */
  asOf: string;
  /** "all" (default): every window begun by asOf; "current": only the window containing asOf, or the last one. */
  windows?: "all" | "current";
}

/** EvaluateCampaignInput for several as-of dates at once (see evaluateCampaignAsOf). */
export interface EvaluateCampaignAsOfInput extends Omit<EvaluateCampaignInput, "asOf"> {
  /** YYYY-MM-DD, Asia/Shanghai; one evaluation per date, in this order. */
  asOfDates: ReadonlyArray<string>;
}

export interface OrganizationInputLike {
  id: string;
  level: OrgLevel;
  kind: OrgKind;
  path: string;
  validFrom: string;
  validTo?: string | null;
}

export interface MemberInputLike {
  id: string;
  status: MemberStatus;
  category: MemberCategory;
  cadreLevel: CadreLevel;
  positions?: ReadonlyArray<string>;
  joinedAt: string;
  memberships?: ReadonlyArray<{ orgId: string; from: string; to?: string | null }>;
}

export interface RecordInputLike {
  id: string;
  type: string;
  subType?: string | null;
  orgId: string;
  date: string;
  hours?: number | null;
  days?: number | null;
  status: string;
  voidedAt?: string | null;
  attendeeIds?: ReadonlyArray<string>;
  selfReportedBy?: string | null;
  hoursByMember?: Readonly<Record<string, number>>;
}
