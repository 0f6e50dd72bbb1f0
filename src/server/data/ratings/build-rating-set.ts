import { compareZh } from "@/lib/collator";
import {
  computeRating,
  type CampaignEvaluation,
  type QuotaResult,
  type RatingQuotaResult,
} from "@/rules";
import { AppError } from "../../errors";
import { yieldTurn } from "../derived-cache";
import type { StoredDefinition } from "../campaigns/campaign-rules";
import {
  RATING_THRESHOLDS,
  type EntryTrace,
  type LeaderFlag,
  type MemberCandidate,
  type OrgFlag,
  type RatingLine,
  type RatingSet,
  type RatingSubjectKind,
  type ResolvedRatingSettings,
  type SubjectRating,
  type WindowTrace,
} from "./rating-types";

/** An organization of the campaign's subtree, as the builder needs it. */
export type OrgInfo = {
  id: string;
  name: string;
  nameEn: string | null;
  code: string;
  level: string;
  path: string;
};
/** A member covered by the campaign, with their current organization. */
export type MemberInfo = {
  id: string;
  name: string;
  number: string;
  orgId: string;
  orgPath: string;
  positions: string[];
  leftAt: string | null;
};
/** The current (not superseded) assessment entry of one subject and item. */
export type ActiveEntry = {
  id: string;
  subjectKind: string;
  subjectId: string;
  itemId: string;
  kind: "MANUAL" | "VETO";
  points: number | null;
  triggered: boolean | null;
  comment: string;
  enteredById: string;
  enteredByName: string;
  enteredAt: string;
  /** The closed mass-evaluation round the points come from, if any. */
  sourceRoundId?: string | null;
};
/** An active LEADER or SECRETARY role held by a user linked to a member, over one organization. */
export type RoleHolder = { memberId: string; role: "LEADER" | "SECRETARY"; orgId: string };

export type BuildRatingSetInput = {
  campaign: { id: string; name: string; nameEn: string | null; rootOrgId: string };
  definition: StoredDefinition;
  settings: ResolvedRatingSettings;
  year: number;
  asOf: string;
  evaluation: CampaignEvaluation;
  organizations: OrgInfo[];
  members: MemberInfo[];
  entries: ActiveEntry[];
  roleHolders: RoleHolder[];
  computedAt: Date;
};

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The leader positions that make a member a responsible person of their own organization. */
const RESPONSIBLE_POSITIONS = ["SECRETARY", "DEPUTY_SECRETARY"] as const;

/** Which quota results count for the year: windows that overlap it, of organizations and members, whole quotas only. */
export function resultsOfYear(evaluation: CampaignEvaluation, year: number): QuotaResult[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return evaluation.results.filter(
    (r) =>
      !r.partId &&
      r.subjectKind !== "population" &&
      r.status !== "notApplicable" &&
      r.window.end >= first &&
      r.window.start <= last,
  );
}

/**
 * What one window is measured against. A met or finished window: its target. A window still open
 * at the as-of date: the pace expected by then in whole units (achieved + the engine's gap), so
 * a year rated on 31 December, or a current year rated today, asks only for what was due.
 */
export function windowTrace(r: QuotaResult): WindowTrace {
  const aboveMax = r.reason === "aboveMax";
  const countedTarget =
    r.status === "met" || r.final || aboveMax ? r.targetValue : round(r.achieved + r.gap, 4);
  const rated = aboveMax ? 0 : r.achieved;
  const compliance = countedTarget > 0 ? Math.min(1, Math.max(0, rated / countedTarget)) : 1;
  return {
    start: r.window.start,
    end: r.window.end,
    final: r.final,
    achieved: r.achieved,
    target: r.targetValue,
    countedTarget,
    compliance,
    status: r.status,
    unit: r.unit,
    records: r.recordIds.length,
    ...(aboveMax ? { aboveMax: true as const } : {}),
  };
}

/** The quota page that shows a line's windows and their records. */
export function quotaHref(campaignId: string, quotaId: string, asOf: string): string {
  return `/campaigns/${campaignId}/quotas/${encodeURIComponent(quotaId)}?asOf=${asOf}&windows=all`;
}

type RateInput = {
  campaignId: string;
  asOf: string;
  settings: ResolvedRatingSettings;
  quotas: ReadonlyMap<string, { name: string; nameEn: string | null; weight: number }>;
  windows: ReadonlyMap<string, WindowTrace[]>;
  entries: ReadonlyMap<string, ActiveEntry>;
};

/**
 * One subject's score with computeRating (src/rules) and a breakdown enriched with what each
 * line stands on: the windows of a quota, the entry of an assessment item or a veto.
 */
export function rateSubject(input: RateInput): {
  score: number;
  stars: number;
  breakdown: RatingLine[];
} {
  const quotaResults: RatingQuotaResult[] = [];
  for (const [quotaId, traces] of input.windows) {
    const quota = input.quotas.get(quotaId);
    for (const w of traces) {
      quotaResults.push({
        quotaId,
        label: quota?.name ?? quotaId,
        weight: quota?.weight ?? 1,
        status: w.status,
        achieved: w.aboveMax ? 0 : w.achieved,
        targetValue: w.countedTarget,
      });
    }
  }
  const manualEntry = (id: string) => {
    const e = input.entries.get(id);
    return e && e.kind === "MANUAL" && e.points !== null ? e : null;
  };
  const vetoEntry = (id: string) => {
    const e = input.entries.get(id);
    return e && e.kind === "VETO" && e.triggered !== null ? e : null;
  };
  let rating;
  try {
    rating = computeRating({
      quotaResults,
      manualItems: input.settings.manualItems.map((m) => ({
        ...m,
        points: manualEntry(m.id)?.points ?? 0,
      })),
      vetoItems: input.settings.vetoItems.map((v) => ({
        ...v,
        triggered: vetoEntry(v.id)?.triggered ?? false,
      })),
      bands: input.settings.bands,
    });
  } catch (error) {
    if (error instanceof RangeError)
      throw new AppError("VALIDATION", `活动的星级评定设置无效：${error.message}`);
    throw error;
  }
  const totalWeight = [...input.windows.keys()].reduce(
    (s, id) => s + (input.quotas.get(id)?.weight ?? 1),
    0,
  );
  const breakdown: RatingLine[] = rating.breakdown.map((line) => {
    if (line.source === "quota") {
      const traces = input.windows.get(line.id) ?? [];
      const quota = input.quotas.get(line.id);
      const compliance = traces.length
        ? traces.reduce((s, w) => s + w.compliance, 0) / traces.length
        : 0;
      return {
        source: "quota",
        id: line.id,
        label: quota?.name ?? line.label,
        labelEn: quota?.nameEn ?? null,
        points: line.points,
        maxPoints: line.maxPoints,
        weight: quota?.weight ?? 0,
        totalWeight,
        compliance,
        windows: traces,
        href: quota ? quotaHref(input.campaignId, line.id, input.asOf) : null,
      };
    }
    if (line.source === "manual") {
      const e = manualEntry(line.id);
      return {
        source: "manual",
        id: line.id,
        label: line.label,
        points: line.points,
        maxPoints: line.maxPoints,
        entry: e ? entryTrace(e) : null,
      };
    }
    const item = input.settings.vetoItems.find((v) => v.id === line.id);
    const e = vetoEntry(line.id);
    return {
      source: "veto",
      id: line.id,
      label: line.label,
      points: line.points,
      capScore: item?.capScore ?? 100,
      binding: line.points < 0,
      entry: e ? entryTrace(e) : null,
    };
  });
  return { score: rating.score, stars: rating.stars, breakdown };
}

function entryTrace(e: ActiveEntry): EntryTrace {
  return {
    id: e.id,
    points: e.points,
    triggered: e.triggered,
    comment: e.comment,
    enteredById: e.enteredById,
    enteredByName: e.enteredByName,
    enteredAt: e.enteredAt,
    sourceHref: e.sourceRoundId ? `/opinions/${e.sourceRoundId}` : null,
  };
}

const subjectKey = (kind: RatingSubjectKind, id: string) => `${kind}\u0000${id}`;

/**
 * Every rated organization and member of the campaign for the year, with the flags and the
 * 两优一先 candidates (docs/ratings.md). A subject is rated when a quota applies to it in the
 * year's windows or when it has an assessment entry for the year.
 */
/** Members rated between two turns of the event loop (see yieldTurn). */
const MEMBERS_PER_TURN = 2_000;

export async function buildRatingSet(input: BuildRatingSetInput): Promise<RatingSet> {
  const { campaign, definition, settings, year, asOf } = input;
  const quotas = new Map(
    definition.quotas.map(
      (q) =>
        [q.id, { name: q.name, nameEn: q.nameEn ?? null, weight: q.options?.weight ?? 1 }] as const,
    ),
  );

  // Windows per subject and quota, in window order.
  const windows = new Map<string, Map<string, WindowTrace[]>>();
  // ISO dates compare as plain strings (a collator per comparison cost half a second here).
  const sorted = resultsOfYear(input.evaluation, year).sort((a, b) =>
    a.window.start < b.window.start ? -1 : a.window.start > b.window.start ? 1 : 0,
  );
  let sinceWindowTurn = 0;
  for (const r of sorted) {
    if (++sinceWindowTurn === 10 * MEMBERS_PER_TURN) {
      sinceWindowTurn = 0;
      await yieldTurn();
    }
    const key = subjectKey(r.subjectKind as RatingSubjectKind, r.subjectId);
    let byQuota = windows.get(key);
    if (!byQuota) windows.set(key, (byQuota = new Map()));
    let list = byQuota.get(r.quotaId);
    if (!list) byQuota.set(r.quotaId, (list = []));
    list.push(windowTrace(r));
  }
  // Quotas in the order of the definition, so every breakdown lists them alike.
  const quotaOrder = new Map(definition.quotas.map((q, i) => [q.id, i]));
  for (const [key, byQuota] of windows) {
    windows.set(
      key,
      new Map(
        [...byQuota].sort((a, b) => (quotaOrder.get(a[0]) ?? 0) - (quotaOrder.get(b[0]) ?? 0)),
      ),
    );
  }

  await yieldTurn();

  const manualIds = new Set(settings.manualItems.map((m) => m.id));
  const vetoIds = new Set(settings.vetoItems.map((v) => v.id));
  const entries = new Map<string, Map<string, ActiveEntry>>();
  for (const e of input.entries) {
    if (e.kind === "MANUAL" ? !manualIds.has(e.itemId) : !vetoIds.has(e.itemId)) continue; // an item no longer in the settings
    const key = subjectKey(e.subjectKind as RatingSubjectKind, e.subjectId);
    let byItem = entries.get(key);
    if (!byItem) entries.set(key, (byItem = new Map()));
    const seen = byItem.get(e.itemId);
    if (!seen || seen.enteredAt < e.enteredAt) byItem.set(e.itemId, e);
  }

  const orgById = new Map(input.organizations.map((o) => [o.id, o]));
  const rate = (kind: RatingSubjectKind, id: string) => {
    const key = subjectKey(kind, id);
    const w = windows.get(key);
    const e = entries.get(key);
    if (!w && !e) return null;
    return rateSubject({
      campaignId: campaign.id,
      asOf,
      settings,
      quotas,
      windows: w ?? new Map(),
      entries: e ?? new Map(),
    });
  };

  const organizations: SubjectRating[] = [];
  for (const o of input.organizations) {
    const r = rate("organization", o.id);
    if (!r) continue;
    organizations.push({
      kind: "organization",
      id: o.id,
      name: o.name,
      nameEn: o.nameEn,
      code: o.code,
      orgId: o.id,
      orgName: o.name,
      path: o.path,
      level: o.level,
      branchId: null,
      ...r,
    });
  }
  organizations.sort(
    (a, b) =>
      a.path.split("/").length - b.path.split("/").length ||
      compareZh(a.name, b.name) ||
      a.id.localeCompare(b.id),
  );
  const orgRating = new Map(organizations.map((o) => [o.id, o]));

  /** The member's branch: the nearest organization at level BRANCH on their organization's path. */
  const branchOf = (orgPath: string): OrgInfo | null => {
    const ids = orgPath.split("/");
    for (let i = ids.length - 1; i >= 0; i--) {
      const org = orgById.get(ids[i]!);
      if (org?.level === "BRANCH") return org;
    }
    return null;
  };

  const members: SubjectRating[] = [];
  let sinceTurn = 0;
  for (const m of input.members) {
    if (++sinceTurn === MEMBERS_PER_TURN) {
      sinceTurn = 0;
      await yieldTurn();
    }
    const r = rate("member", m.id);
    if (!r) continue;
    const org = orgById.get(m.orgId);
    members.push({
      kind: "member",
      id: m.id,
      name: m.name,
      nameEn: null,
      code: m.number,
      orgId: m.orgId,
      orgName: org?.name ?? "",
      path: m.orgPath,
      level: null,
      branchId: branchOf(m.orgPath)?.id ?? null,
      ...r,
    });
  }
  members.sort((a, b) => compareZh(a.name, b.name) || a.code.localeCompare(b.code));

  const t = RATING_THRESHOLDS;
  const orgFlag = (o: SubjectRating): OrgFlag => ({
    orgId: o.id,
    name: o.name,
    nameEn: o.nameEn,
    level: o.level ?? "",
    path: o.path,
    score: o.score,
    stars: o.stars,
  });
  const lowOrganizations = organizations.filter((o) => o.stars <= t.flagAtOrBelow).map(orgFlag);

  const memberInfo = new Map(input.members.map((m) => [m.id, m]));
  // Responsible persons of each organization below the eligible band (docs/ratings.md).
  const ineligible = new Map<string, LeaderFlag>();
  const addLeader = (memberId: string, org: SubjectRating, basis: LeaderFlag["basis"][number]) => {
    const info = memberInfo.get(memberId);
    if (!info || info.leftAt !== null) return;
    const key = `${memberId}\u0000${org.id}`;
    let flag = ineligible.get(key);
    if (!flag) {
      flag = {
        memberId,
        name: info.name,
        number: info.number,
        orgId: org.id,
        orgName: org.name,
        orgNameEn: org.nameEn,
        path: org.path,
        orgScore: org.score,
        orgStars: org.stars,
        basis: [],
      };
      ineligible.set(key, flag);
    }
    if (!flag.basis.includes(basis)) flag.basis.push(basis);
  };
  const below = organizations.filter((o) => o.stars < t.eligibleOrgStars);
  const belowIds = new Set(below.map((o) => o.id));
  for (const m of input.members) {
    if (!belowIds.has(m.orgId)) continue;
    for (const p of RESPONSIBLE_POSITIONS)
      if (m.positions.includes(p)) addLeader(m.id, orgRating.get(m.orgId)!, p);
  }
  for (const h of input.roleHolders) {
    const org = belowIds.has(h.orgId) ? orgRating.get(h.orgId) : undefined;
    if (org) addLeader(h.memberId, org, h.role === "LEADER" ? "LEADER_ROLE" : "SECRETARY_ROLE");
  }
  const ineligibleLeaders = [...ineligible.values()].sort(
    (a, b) =>
      a.orgStars - b.orgStars || compareZh(a.orgName, b.orgName) || compareZh(a.name, b.name),
  );

  const candidateOrganizations = organizations
    .filter((o) => o.level !== "SCHOOL" && o.stars >= t.advancedOrgStars)
    .map(orgFlag);
  const memberCandidate = (m: SubjectRating): MemberCandidate | null => {
    if (m.stars < t.excellentMemberStars || !m.branchId) return null;
    const branch = orgRating.get(m.branchId);
    if (!branch || branch.stars < t.candidateBranchStars) return null;
    return {
      memberId: m.id,
      name: m.name,
      number: m.code,
      orgName: m.orgName,
      path: m.path,
      score: m.score,
      stars: m.stars,
      branchId: branch.id,
      branchName: branch.name,
      branchStars: branch.stars,
    };
  };
  const candidateMembers: MemberCandidate[] = [];
  const partyWorkers: MemberCandidate[] = [];
  for (const m of members) {
    const c = memberCandidate(m);
    if (!c) continue;
    candidateMembers.push(c);
    if (
      memberInfo
        .get(m.id)
        ?.positions.some((p) => (RESPONSIBLE_POSITIONS as readonly string[]).includes(p))
    )
      partyWorkers.push(c);
  }
  const byScore = <T extends { score: number; name: string }>(a: T, b: T) =>
    b.score - a.score || compareZh(a.name, b.name);

  return {
    campaign,
    year,
    asOf,
    computedAt: input.computedAt.toISOString(),
    settings,
    thresholds: { ...t },
    organizations,
    members,
    flags: {
      lowOrganizations: lowOrganizations.sort((a, b) => a.score - b.score),
      ineligibleLeaders,
    },
    candidates: {
      organizations: candidateOrganizations.sort(byScore),
      members: candidateMembers.sort(byScore),
      partyWorkers: partyWorkers.sort(byScore),
    },
  };
}

/**
 * The part of a rating set the reader may see: subjects, flags and candidates whose path lies in
 * their scope. `pathOf` gives the path to judge by (the current one); unknown subjects are dropped.
 */
export function filterRatingSet(
  set: RatingSet,
  inScope: (path: string) => boolean,
  pathOf: {
    organization: (id: string) => string | undefined;
    member: (id: string) => string | undefined;
  } = {
    organization: () => undefined,
    member: () => undefined,
  },
): RatingSet {
  const orgOk = (id: string, fallback: string) => inScope(pathOf.organization(id) ?? fallback);
  const memberOk = (id: string, fallback: string) => inScope(pathOf.member(id) ?? fallback);
  return {
    ...set,
    organizations: set.organizations.filter((o) => orgOk(o.id, o.path)),
    members: set.members.filter((m) => memberOk(m.id, m.path)),
    flags: {
      lowOrganizations: set.flags.lowOrganizations.filter((o) => orgOk(o.orgId, o.path)),
      ineligibleLeaders: set.flags.ineligibleLeaders.filter((l) => orgOk(l.orgId, l.path)),
    },
    candidates: {
      organizations: set.candidates.organizations.filter((o) => orgOk(o.orgId, o.path)),
      members: set.candidates.members.filter((m) => memberOk(m.memberId, m.path)),
      partyWorkers: set.candidates.partyWorkers.filter((m) => memberOk(m.memberId, m.path)),
    },
  };
}
