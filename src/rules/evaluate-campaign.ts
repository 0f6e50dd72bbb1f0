import { formatDayNumber, parseDayNumber } from "./day-numbers";
import { assessPaceInto, roundTo, type PaceOutput } from "./pace";
import { listPeriodWindows, type DayWindow, type PeriodContext } from "./periods";
import {
  buildRecordIndex,
  DAY_KEY,
  INVERSE_DAY_KEY,
  type HolderIndex,
  type RecordIndex,
} from "./record-index";
import {
  findMemberCoverage,
  findOrganizationCoverage,
  findSubtrees,
  isCovered,
  matchesMemberSubject,
  matchesOrganizationSubject,
  measureCoveredDays,
  type Coverage,
} from "./subjects";
import type {
  ActivityFilter,
  CampaignEvaluation,
  DateWindow,
  EvaluateCampaignAsOfInput,
  EvaluateCampaignInput,
  Metric,
  PartTarget,
  QuotaInput,
  QuotaResult,
  ResultReason,
  ResultStatus,
  ShareSummary,
  SubjectKind,
} from "./types";

export const DEFAULT_UNITS: Record<Metric, string> = {
  count: "times",
  sumHours: "hours",
  sumDays: "days",
  distinctKinds: "kinds",
};

/** A quota or composite part reduced to what the measuring loop needs. */
interface MeasureSpec {
  metric: Metric;
  activity: ActivityFilter;
  target: PartTarget;
  unit: string;
}

const COUNT = 0;
const SUM_HOURS = 1;
const SUM_DAYS = 2;
const DISTINCT_KINDS = 3;

/**
 * A spec compiled against the record index, with scratch buffers reused for every subject: one
 * evaluation measures tens of thousands of subjects, and fresh arrays per subject would keep the
 * garbage collector busy for longer than the measuring itself.
 */
interface CompiledSpec extends MeasureSpec {
  /** COUNT, SUM_HOURS, SUM_DAYS or DISTINCT_KINDS. */
  metricCode: number;
  /** Position of each type slot in the spec's filter, -1 when the spec does not ask for it. */
  slotPosition: Int16Array;
  /** The slots the spec asks for, in filter order. */
  slotList: Int32Array;
  typeCount: number;
  /**
   * Sums over several types are added in input order across the types' entry groups, as
   * floating-point addition depends on the order (unless every value is a small whole number).
   */
  mergeGroups: boolean;
  /** Scratch for that merge: next and end entry of each slot's group. */
  heads: Int32Array;
  ends: Int32Array;
  /** Indexed by sub-type id; null when the filter accepts any sub-type. */
  subTypeOk: Uint8Array | null;
  integral: boolean;
  /** Target minimum and maximum before pro-rating. */
  baseMin: number;
  baseMax: number | null;
  /** Readable target when not pro-rated. */
  plainTarget: string;
  /** By window: the last pro-rated target and the factor it was scaled by. */
  scaled: Array<{ factor: number; value: number; max: number | null; text: string }>;
  achieved: Float64Array;
  /**
   * Counted records of the last measured subject as packed (day, record) keys (see DAY_KEY), grouped by window:
   * flat[segStart[w] .. segStart[w+1]), each group in date order.
   */
  flat: Float64Array;
  /** Record id of each key in flat. */
  flatIds: string[];
  segStart: Int32Array;
  cursor: Int32Array;
  kinds: Uint8Array | null;
  scratchWindow: Int32Array;
  scratchKey: Float64Array;
  scratchIds: string[];
}

interface SubjectRef {
  kind: "organization" | "member";
  index: number;
  id: string;
  coverage: Coverage;
  /** Covered for the whole campaign, so the per-record coverage check can be skipped. */
  fullyCovered: boolean;
}

interface WindowFacts {
  final: boolean;
  coveredDays: number;
  coverage: number;
  elapsedShare: number;
}

/** Everything about a quota's windows that does not depend on the subject. */
interface QuotaWindows {
  windows: DayWindow[];
  /** Window of each day from the campaign start (-1 outside every window). */
  windowOfDay: Int32Array;
  firstDay: number;
  labels: DateWindow[];
  /** Facts for a subject covered throughout the campaign; shared by most subjects. */
  plainFacts: WindowFacts[];
}

/** State of one measuring pass (one spec, one subject), shared by the scans of its entry groups. */
interface Scan {
  spec: CompiledSpec;
  windowOfDay: Int32Array;
  keys: Float64Array;
  ids: string[];
  /** Slot of each entry when the holder's entries are not grouped by slot. */
  entrySlot: Uint8Array | null;
  /** Hours of each entry when they may differ from the record's (hoursByMember). */
  entryHours: Float64Array | null;
  coverage: Coverage;
  checkCoverage: boolean;
  counted: number;
}

interface Context {
  index: RecordIndex;
  asOfDay: number;
  subtrees: number[][] | null;
  /** Reused buffers for merging the records of composite parts. */
  unionScratch: Float64Array;
  unionIds: string[];
  /** Next entry of each part in that merge. */
  unionHeads: Int32Array;
  /** Reused buffer for short record id lists (see toRecordIds). */
  idScratch: string[];
  /** Reused buffer for the part results of a composite (see toPartList). */
  partScratch: QuotaResult[];
  scan: Scan;
  /** Reused output of assessPaceInto. */
  pace: PaceOutput;
  /** Effective target of the result being built (see resolveTarget). */
  targetValue: number;
  targetMax: number | null;
  target: string;
}

/**
 * Evaluates every quota for every subject it covers and every period window that has begun by
 * asOf. Only APPROVED, non-voided records dated inside the campaign and on or before asOf count.
 * Pure: the as-of date is the only notion of "now".
 */
export function evaluateCampaign(input: EvaluateCampaignInput): CampaignEvaluation {
  const { asOf, ...rest } = input;
  return evaluateCampaignAsOf({ ...rest, asOfDates: [asOf] }).next().value!;
}

/**
 * evaluateCampaign for each of several as-of dates (a trend), in the order given: each evaluation
 * is exactly the one evaluateCampaign returns for that date, but the record index (the pass over
 * every record) is built once, for the latest date, and shared by all of them. Evaluations are
 * made one at a time as the caller iterates, so a caller that keeps only part of each (or a
 * summary) never holds all of them at once.
 */
export function* evaluateCampaignAsOf(
  input: EvaluateCampaignAsOfInput,
): Generator<CampaignEvaluation, void, undefined> {
  for (const step of evaluationSteps(input, Infinity)) if (step !== PAUSE) yield step;
}

/** What evaluateCampaignInSteps yields between two steps of the work. */
export const PAUSE = null;

/**
 * evaluateCampaignAsOf cut into steps, for a caller that must not hold its thread for a whole
 * evaluation (a server computing figures behind other requests): between steps the generator
 * yields PAUSE, and it yields each evaluation as it is finished, in the order of the dates. A step
 * is the record index, or the measuring of at most `subjectsPerStep` subjects (default 2,000) of
 * one quota. Draining it gives exactly what evaluateCampaignAsOf gives.
 */
export function evaluateCampaignInSteps(
  input: EvaluateCampaignAsOfInput & { subjectsPerStep?: number },
): Generator<CampaignEvaluation | typeof PAUSE, void, undefined> {
  const perStep = input.subjectsPerStep ?? 2_000;
  if (!(perStep >= 1)) throw new Error(`subjectsPerStep must be at least 1: ${perStep}`);
  return evaluationSteps(input, perStep);
}

function* evaluationSteps(
  input: EvaluateCampaignAsOfInput,
  subjectsPerStep: number,
): Generator<CampaignEvaluation | typeof PAUSE, void, undefined> {
  const { campaign, organizations, members, records } = input;
  const campaignStart = requireDay(campaign.startDate, "campaign.startDate");
  const campaignEnd = requireDay(campaign.endDate, "campaign.endDate") + 1;
  const dates = input.asOfDates.map((asOf) => ({ asOf, asOfDay: requireDay(asOf, "asOf") }));
  const empty = (asOf: string): CampaignEvaluation => ({
    campaignId: campaign.id,
    asOf,
    results: [],
  });
  let lastAsOfDay = -Infinity;
  for (const { asOfDay } of dates) {
    if (asOfDay >= campaignStart) lastAsOfDay = Math.max(lastAsOfDay, asOfDay);
  }
  if (lastAsOfDay === -Infinity) {
    for (const { asOf } of dates) yield empty(asOf);
    return;
  }

  const phases = new Map<string, { start: number; end: number }>();
  for (const p of campaign.phases ?? []) {
    phases.set(p.id, {
      start: requireDay(p.startDate, `phase ${p.id}`),
      end: requireDay(p.endDate, `phase ${p.id}`) + 1,
    });
  }
  const periodContext: PeriodContext = { campaignStart, campaignEnd, phases };

  const orgIndexById = new Map<string, number>();
  organizations.forEach((o, i) => orgIndexById.set(o.id, i));
  const memberIndexById = new Map<string, number>();
  members.forEach((m, i) => memberIndexById.set(m.id, i));

  // The windows asked for, per date and quota: every window begun by the date, or only the
  // current one; null for a date before the campaign.
  const windowsByDate = dates.map(({ asOfDay }) =>
    asOfDay < campaignStart
      ? null
      : campaign.quotas.map((quota) => {
          const windows = listPeriodWindows(quota.period, periodContext, asOfDay);
          return input.windows === "current" && windows.length > 1 ? windows.slice(-1) : windows;
        }),
  );

  const orgTypes = new Set<string>();
  const memberTypes = new Set<string>();
  // Days each type is read on, so that records no requested window counts stay out of the index.
  const orgDays = new Map<string, DayWindow[]>();
  const memberDays = new Map<string, DayWindow[]>();
  const needs = { hours: false, days: false, subTypes: false };
  for (let qi = 0; qi < campaign.quotas.length; qi++) {
    const q = campaign.quotas[qi]!;
    const isOrg = q.subject.kind === "organization";
    const into = isOrg ? orgTypes : memberTypes;
    const days = isOrg ? orgDays : memberDays;
    for (const spec of listMeasures(q)) {
      for (const t of spec.activity.types) {
        into.add(t);
        let list = days.get(t);
        if (list === undefined) days.set(t, (list = []));
        for (const quotaWindows of windowsByDate) {
          if (quotaWindows !== null) for (const w of quotaWindows[qi]!) list.push(w);
        }
      }
      if (spec.metric === "sumHours") needs.hours = true;
      if (spec.metric === "sumDays") needs.days = true;
      if (spec.activity.subTypes) needs.subTypes = true;
    }
  }

  const index = buildRecordIndex({
    records,
    orgIndexById,
    memberIndexById,
    firstDay: campaignStart,
    lastDay: Math.min(lastAsOfDay, campaignEnd - 1),
    orgTypes,
    memberTypes,
    readDays: { org: orgDays, member: memberDays },
    needs,
  });
  const needsSubtrees = campaign.quotas.some(
    (q) => q.subject.kind === "organization" && q.options?.includeSubtree,
  );
  const subtrees = needsSubtrees ? findSubtrees(organizations) : null;

  const orgRefs: Array<SubjectRef | undefined> = [];
  const memberRefs: Array<SubjectRef | undefined> = [];
  const refOf = (kind: "organization" | "member", i: number): SubjectRef => {
    const cache = kind === "organization" ? orgRefs : memberRefs;
    let ref = cache[i];
    if (!ref) {
      const coverage =
        kind === "organization"
          ? findOrganizationCoverage(organizations[i]!)
          : findMemberCoverage(members[i]!);
      const fullyCovered =
        coverage.length === 2 && coverage[0]! <= campaignStart && coverage[1]! >= campaignEnd;
      const id = kind === "organization" ? organizations[i]!.id : members[i]!.id;
      ref = { kind, index: i, id, coverage, fullyCovered };
      cache[i] = ref;
    }
    return ref;
  };

  const shared: SharedEvaluation = {
    campaign,
    organizations,
    members,
    campaignStart,
    campaignEnd,
    index,
    subtrees,
    refOf,
  };
  if (subjectsPerStep !== Infinity) yield PAUSE;
  for (let i = 0; i < dates.length; i++) {
    const evaluation = empty(dates[i]!.asOf);
    const quotaWindows = windowsByDate[i]!;
    if (quotaWindows !== null)
      yield* evaluateAt(
        shared,
        dates[i]!.asOfDay,
        quotaWindows,
        evaluation.results,
        subjectsPerStep,
      );
    yield evaluation;
  }
}

/** What the evaluations of one campaign at several dates share. */
interface SharedEvaluation {
  campaign: EvaluateCampaignInput["campaign"];
  organizations: EvaluateCampaignInput["organizations"];
  members: EvaluateCampaignInput["members"];
  campaignStart: number;
  campaignEnd: number;
  /** Built for the latest date: records after asOf are excluded by the window tables. */
  index: RecordIndex;
  subtrees: number[][] | null;
  refOf: (kind: "organization" | "member", i: number) => SubjectRef;
}

/**
 * The evaluation at one date, its windows (per quota) given, appended to results; PAUSE after
 * every `subjectsPerStep` subjects measured (never when it is Infinity).
 */
function* evaluateAt(
  shared: SharedEvaluation,
  asOfDay: number,
  quotaWindows: DayWindow[][],
  results: QuotaResult[],
  subjectsPerStep: number,
): Generator<typeof PAUSE, void, undefined> {
  let measured = 0;
  primeResultShapes();
  const { campaign, organizations, members, campaignStart, campaignEnd, index, refOf } = shared;
  const context: Context = {
    index,
    asOfDay,
    subtrees: shared.subtrees,
    unionScratch: new Float64Array(256),
    unionIds: [],
    unionHeads: new Int32Array(8),
    idScratch: ["", "", "", "", "", "", "", ""],
    partScratch: [],
    scan: {
      spec: null!,
      windowOfDay: new Int32Array(0),
      keys: index.member.keys,
      ids: index.member.ids,
      entrySlot: null,
      entryHours: null,
      coverage: [],
      checkCoverage: false,
      counted: 0,
    },
    pace: { status: "met", expectedByNow: 0, gap: 0, reason: undefined },
    targetValue: 0,
    targetMax: null,
    target: "",
  };

  for (let qi = 0; qi < campaign.quotas.length; qi++) {
    const quota = campaign.quotas[qi]!;
    const windows = quotaWindows[qi]!;
    if (windows.length === 0) continue;
    const W = windows.length;
    const qw = describeQuotaWindows(windows, asOfDay, campaignStart, campaignEnd);

    const subjects: SubjectRef[] = [];
    const subject = quota.subject;
    if (subject.kind === "organization") {
      organizations.forEach((o, i) => {
        if (matchesOrganizationSubject(subject, o)) subjects.push(refOf("organization", i));
      });
    } else {
      members.forEach((m, i) => {
        if (matchesMemberSubject(subject, m)) subjects.push(refOf("member", i));
      });
    }

    const proRate = quota.options?.proRate ?? false;
    const includeSubtree = quota.options?.includeSubtree ?? false;

    if (quota.composite) {
      const partIds = quota.composite.parts.map((p) => p.id);
      const parts = quota.composite.parts.map((p) =>
        compileSpec(
          index,
          {
            metric: p.metric,
            activity: p.activity,
            target: p.target,
            unit: p.unit ?? DEFAULT_UNITS[p.metric],
          },
          W,
        ),
      );
      const P = parts.length;
      for (const ref of subjects) {
        if (++measured > subjectsPerStep) {
          measured = 1;
          yield PAUSE;
        }
        const facts = ref.fullyCovered
          ? qw.plainFacts
          : describeSubjectWindows(qw, ref, asOfDay, proRate);
        for (let k = 0; k < P; k++) measureSubject(context, qw, includeSubtree, parts[k]!, ref);
        for (let w = 0; w < W; w++) {
          const partScratch = context.partScratch;
          for (let k = 0; k < P; k++) {
            partScratch[k] = buildResult(
              context,
              quota.id,
              partIds[k],
              ref,
              parts[k]!,
              qw.labels[w]!,
              facts[w]!,
              w,
              proRate,
            );
          }
          results.push(
            combineComposite(
              quota.id,
              ref,
              toPartList(partScratch, P),
              qw.labels[w]!,
              facts[w]!,
              collectUnion(context, parts, w),
            ),
          );
        }
      }
      continue;
    }

    const target = quota.target!;
    const metric = quota.metric!;
    const unit = quota.unit ?? DEFAULT_UNITS[metric];
    if (target.op === "shareOfSubjects") {
      const spec = compileSpec(
        index,
        { metric, activity: quota.activity!, target: target.inner, unit },
        W,
      );
      measured += subjects.length;
      for (const r of evaluateShare(
        context,
        quota.id,
        subjects,
        spec,
        target.share,
        qw,
        includeSubtree,
        proRate,
      ))
        results.push(r);
      continue;
    }
    const spec = compileSpec(index, { metric, activity: quota.activity!, target, unit }, W);
    for (const ref of subjects) {
      if (++measured > subjectsPerStep) {
        measured = 1;
        yield PAUSE;
      }
      const facts = ref.fullyCovered
        ? qw.plainFacts
        : describeSubjectWindows(qw, ref, asOfDay, proRate);
      measureSubject(context, qw, includeSubtree, spec, ref);
      for (let w = 0; w < W; w++) {
        results.push(
          buildResult(
            context,
            quota.id,
            undefined,
            ref,
            spec,
            qw.labels[w]!,
            facts[w]!,
            w,
            proRate,
          ),
        );
      }
    }
  }
}

function requireDay(value: string, what: string): number {
  const d = parseDayNumber(value);
  if (Number.isNaN(d)) throw new Error(`${what}: not a date: ${value}`);
  return d;
}

function listMeasures(q: QuotaInput): Array<{ metric?: Metric; activity: ActivityFilter }> {
  if (q.composite) return q.composite.parts;
  return q.activity ? [{ metric: q.metric, activity: q.activity }] : [];
}

function compileSpec(index: RecordIndex, spec: MeasureSpec, windowCount: number): CompiledSpec {
  const slotPosition = new Int16Array(index.slots).fill(-1);
  const slotList: number[] = [];
  for (const t of spec.activity.types) {
    const slot = index.slotOfType.get(t);
    if (slot !== undefined && slotPosition[slot] === -1) {
      slotPosition[slot] = slotList.length;
      slotList.push(slot);
    }
  }
  const typeCount = slotList.length;
  let subTypeOk: Uint8Array | null = null;
  if (spec.activity.subTypes) {
    subTypeOk = new Uint8Array(index.subTypeIds.size);
    for (const st of spec.activity.subTypes) {
      const id = index.subTypeIds.get(st);
      if (id !== undefined) subTypeOk[id] = 1;
    }
  }
  const metricCode =
    spec.metric === "count"
      ? COUNT
      : spec.metric === "sumHours"
        ? SUM_HOURS
        : spec.metric === "sumDays"
          ? SUM_DAYS
          : DISTINCT_KINDS;
  const integral = spec.metric === "count" || spec.metric === "distinctKinds";
  const min = spec.target.op === "between" ? spec.target.min : spec.target.value;
  const max = spec.target.op === "between" ? spec.target.max : null;
  return {
    metric: spec.metric,
    activity: spec.activity,
    target: spec.target,
    unit: spec.unit,
    metricCode,
    slotPosition,
    slotList: Int32Array.from(slotList),
    typeCount,
    // Whole numbers add up to the same sum in any order, so their groups need no merging.
    mergeGroups:
      ((metricCode === SUM_HOURS && !index.hoursIntegral) ||
        (metricCode === SUM_DAYS && !index.daysIntegral)) &&
      typeCount > 1,
    heads: new Int32Array(typeCount),
    ends: new Int32Array(typeCount),
    subTypeOk,
    integral,
    baseMin: min,
    baseMax: max,
    plainTarget: describeTarget(spec.target, spec.unit, min, max),
    scaled: Array.from({ length: windowCount }, () => ({
      factor: NaN,
      value: 0,
      max: null,
      text: "",
    })),
    achieved: new Float64Array(windowCount),
    flat: new Float64Array(64),
    flatIds: [],
    segStart: new Int32Array(windowCount + 1),
    cursor: new Int32Array(windowCount),
    kinds: metricCode === DISTINCT_KINDS ? new Uint8Array(windowCount * typeCount) : null,
    scratchWindow: new Int32Array(64),
    scratchKey: new Float64Array(64),
    scratchIds: [],
  };
}

function describeQuotaWindows(
  windows: DayWindow[],
  asOfDay: number,
  campaignStart: number,
  campaignEnd: number,
): QuotaWindows {
  const windowOfDay = new Int32Array(Math.max(0, campaignEnd - campaignStart)).fill(-1);
  // Days after asOf belong to no window: the record index may have been built for a later date
  // (evaluateCampaignAsOf), and a record dated after asOf never counts.
  windows.forEach((w, i) =>
    windowOfDay.fill(i, w.start - campaignStart, Math.min(w.end, asOfDay + 1) - campaignStart),
  );
  return {
    windows,
    windowOfDay,
    firstDay: campaignStart,
    labels: windows.map((w) => ({
      start: formatDayNumber(w.start),
      end: formatDayNumber(w.end - 1),
    })),
    plainFacts: windows.map((w) => {
      const coveredDays = w.end - w.start;
      return {
        final: asOfDay >= w.end,
        coveredDays,
        coverage: roundTo(coveredDays / (w.naturalEnd - w.naturalStart), 4),
        elapsedShare: (Math.min(w.end, asOfDay + 1) - w.start) / coveredDays,
      };
    }),
  };
}

/** Window facts for a subject not covered for the whole campaign (joined late, left, re-organized). */
function describeSubjectWindows(
  qw: QuotaWindows,
  ref: SubjectRef,
  asOfDay: number,
  proRate: boolean,
): WindowFacts[] {
  return qw.windows.map((w, i) => {
    const plain = qw.plainFacts[i]!;
    const coveredDays = measureCoveredDays(ref.coverage, w.start, w.end);
    const elapsedShare =
      proRate && coveredDays > 0
        ? measureCoveredDays(ref.coverage, w.start, Math.min(w.end, asOfDay + 1)) / coveredDays
        : plain.elapsedShare;
    return {
      final: plain.final,
      coveredDays,
      coverage: roundTo(coveredDays / (w.naturalEnd - w.naturalStart), 4),
      elapsedShare,
    };
  });
}

/**
 * Measures one subject against one spec over all of the quota's windows, into the spec's buffers.
 * It reads only the subject's own entries of the spec's types (one group per type, or the
 * subject's whole group filtered by type when the index is not split by type); the day → window
 * table assigns every entry to its window.
 */
function measureSubject(
  context: Context,
  qw: QuotaWindows,
  includeSubtree: boolean,
  spec: CompiledSpec,
  ref: SubjectRef,
): void {
  const { index, subtrees } = context;
  const W = qw.windows.length;
  // Small buffers are cleared by plain loops: a builtin call per subject costs more than the work.
  const achieved = spec.achieved;
  for (let w = 0; w < W; w++) achieved[w] = 0;
  const isMember = ref.kind === "member";
  const holder: HolderIndex = isMember ? index.member : index.org;
  const sources = !isMember && includeSubtree && subtrees ? subtrees[ref.index]! : null;
  const sourceCount = sources ? sources.length : 1;
  const kinds = spec.kinds;
  if (kinds) for (let i = 0; i < kinds.length; i++) kinds[i] = 0;

  const scan = context.scan;
  scan.spec = spec;
  scan.windowOfDay = qw.windowOfDay;
  scan.keys = holder.keys;
  scan.ids = holder.ids;
  scan.entrySlot = holder.slot;
  scan.entryHours = holder.hours;
  scan.coverage = ref.coverage;
  scan.checkCoverage = !ref.fullyCovered;
  scan.counted = 0;
  const groups = holder.groups;
  const start = holder.start;
  const slotList = spec.slotList;
  const slotPosition = spec.slotPosition;

  for (let s = 0; s < sourceCount; s++) {
    const source = sources ? sources[s]! : ref.index;
    if (groups === 1) {
      scanEntries(index, scan, start[source]!, start[source + 1]!, -1);
    } else if (spec.mergeGroups) {
      scanMerged(index, scan, start, source * groups);
    } else {
      const base = source * groups;
      for (let i = 0; i < slotList.length; i++) {
        const g = base + slotList[i]!;
        const from = start[g]!;
        const to = start[g + 1]!;
        if (from < to) scanEntries(index, scan, from, to, slotPosition[slotList[i]!]!);
      }
    }
  }
  const counted = scan.counted;
  const scratchWindow = spec.scratchWindow;
  const scratchKey = spec.scratchKey;
  const scratchIds = spec.scratchIds;
  if (kinds) {
    const F = spec.typeCount;
    for (let w = 0; w < W; w++) {
      let k = 0;
      for (let f = 0; f < F; f++) k += kinds[w * F + f]!;
      achieved[w] = k;
    }
  }

  // Group the counted records by window (stable counting sort).
  const segStart = spec.segStart;
  let flat: Float64Array;
  let flatIds: string[];
  if (W === 1) {
    // One window: the scratch keys already are the grouped keys; swap buffers instead of copying.
    segStart[0] = 0;
    segStart[1] = counted;
    flat = scratchKey;
    flatIds = scratchIds;
    spec.scratchKey = spec.flat;
    spec.scratchIds = spec.flatIds;
    spec.flat = flat;
    spec.flatIds = flatIds;
  } else {
    for (let w = 0; w <= W; w++) segStart[w] = 0;
    for (let i = 0; i < counted; i++) segStart[scratchWindow[i]! + 1]!++;
    for (let w = 0; w < W; w++) segStart[w + 1]! += segStart[w]!;
    if (spec.flat.length < counted)
      spec.flat = new Float64Array(Math.max(counted, spec.flat.length * 2));
    flat = spec.flat;
    flatIds = spec.flatIds;
    // Filled up to counted first, so that the scattered writes below never leave holes.
    while (flatIds.length < counted) flatIds.push("");
    const cursor = spec.cursor;
    for (let w = 0; w < W; w++) cursor[w] = segStart[w]!;
    for (let i = 0; i < counted; i++) {
      const at = cursor[scratchWindow[i]!]!++;
      flat[at] = scratchKey[i]!;
      flatIds[at] = scratchIds[i]!;
    }
  }
  // Put each window's records in date order (then input order), so recordIds read as a timeline;
  // already-ordered input costs one comparison per record.
  for (let w = 0; w < W; w++) {
    const from = segStart[w]!;
    const to = segStart[w + 1]!;
    for (let i = from + 1; i < to; i++) {
      if (flat[i - 1]! > flat[i]!) {
        sortEntries(flat, flatIds, from, to, index.ids);
        break;
      }
    }
  }
}

/**
 * Counts entries [from, to) of the scanned holder. position is the filter position of their type
 * when the group holds one type, -1 to look each entry's type up.
 */
function scanEntries(
  index: RecordIndex,
  scan: Scan,
  from: number,
  to: number,
  position: number,
): void {
  const spec = scan.spec;
  const { keys, ids, entrySlot, entryHours, windowOfDay, coverage, checkCoverage } = scan;
  const { subType, hours, days, firstDay } = index;
  const achieved = spec.achieved;
  const slotPosition = spec.slotPosition;
  const subTypeOk = spec.subTypeOk;
  const metric = spec.metricCode;
  const kinds = spec.kinds;
  const F = spec.typeCount;
  let scratchWindow = spec.scratchWindow;
  let scratchKey = spec.scratchKey;
  const scratchIds = spec.scratchIds;
  let counted = scan.counted;
  for (let e = from; e < to; e++) {
    let f = position;
    if (f < 0) {
      f = slotPosition[entrySlot![e]!]!;
      if (f < 0) continue;
    }
    const key = keys[e]!;
    const offset = Math.floor(key * INVERSE_DAY_KEY);
    const w = windowOfDay[offset]!;
    if (w < 0) continue;
    const r = key - offset * DAY_KEY;
    if (subTypeOk !== null) {
      const st = subType[r]!;
      if (st < 0 || subTypeOk[st] !== 1) continue;
    }
    if (checkCoverage && !isCovered(coverage, offset + firstDay)) continue;
    if (metric === COUNT) achieved[w]! += 1;
    else if (metric === SUM_HOURS) achieved[w]! += entryHours !== null ? entryHours[e]! : hours[r]!;
    else if (metric === SUM_DAYS) achieved[w]! += days[r]!;
    else kinds![w * F + f] = 1;
    if (counted === scratchWindow.length || counted === scratchKey.length) {
      // The two buffers can differ in length, as measureSubject swaps scratchKey with flat.
      const size = Math.max(scratchWindow.length, scratchKey.length) * 2;
      scratchWindow = grow(scratchWindow, new Int32Array(size));
      scratchKey = grow(scratchKey, new Float64Array(size));
      spec.scratchWindow = scratchWindow;
      spec.scratchKey = scratchKey;
    }
    scratchWindow[counted] = w;
    scratchKey[counted] = key;
    // Appends or overwrites: counted never passes the list's length.
    scratchIds[counted] = ids[e]!;
    counted++;
  }
  scan.counted = counted;
}

/** Record index of a packed key. */
function recordOf(key: number): number {
  return key - Math.floor(key * INVERSE_DAY_KEY) * DAY_KEY;
}

/** Scans the groups of the spec's types for one holder in input order, merging them by record. */
function scanMerged(index: RecordIndex, scan: Scan, start: Int32Array, base: number): void {
  const spec = scan.spec;
  const { slotList, slotPosition, heads, ends } = spec;
  const keys = scan.keys;
  const m = slotList.length;
  for (let i = 0; i < m; i++) {
    heads[i] = start[base + slotList[i]!]!;
    ends[i] = start[base + slotList[i]! + 1]!;
  }
  for (;;) {
    // The group whose next record comes first, and the first record of any other group: the
    // group's entries up to that one are scanned as one run.
    let best = -1;
    let bestRecord = Infinity;
    let nextRecord = Infinity;
    for (let i = 0; i < m; i++) {
      const e = heads[i]!;
      if (e === ends[i]!) continue;
      const r = recordOf(keys[e]!);
      if (r < bestRecord) {
        nextRecord = bestRecord;
        bestRecord = r;
        best = i;
      } else if (r < nextRecord) {
        nextRecord = r;
      }
    }
    if (best < 0) return;
    const from = heads[best]!;
    const end = ends[best]!;
    let to = from + 1;
    while (to < end && recordOf(keys[to]!) < nextRecord) to++;
    heads[best] = to;
    scanEntries(index, scan, from, to, slotPosition[slotList[best]!]!);
  }
}

/**
 * Sorts keys[from..to) ascending together with the ids beside them; small ranges by insertion in
 * place, larger ones by the typed-array sort, after which their ids are looked up by record.
 */
function sortEntries(
  keys: Float64Array,
  ids: string[],
  from: number,
  to: number,
  idsByRecord: string[],
): void {
  if (to - from > 32) {
    keys.subarray(from, to).sort();
    for (let i = from; i < to; i++) {
      const key = keys[i]!;
      ids[i] = idsByRecord[key - Math.floor(key * INVERSE_DAY_KEY) * DAY_KEY]!;
    }
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = keys[i]!;
    const id = ids[i]!;
    let j = i - 1;
    while (j >= from && keys[j]! > v) {
      keys[j + 1] = keys[j]!;
      ids[j + 1] = ids[j]!;
      j--;
    }
    keys[j + 1] = v;
    ids[j + 1] = id;
  }
}

/** Copies a into the larger b and returns b. */
function grow<T extends Int32Array | Float64Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

function scaleTarget(value: number, factor: number, integral: boolean): number {
  const scaled = value * factor;
  // Counts are rounded to whole sessions; a fraction of a session cannot be asked of anyone.
  return integral ? Math.round(scaled) : roundTo(scaled, 2);
}

function formatNumber(n: number): string {
  return String(roundTo(n, 2));
}

function describeTarget(target: PartTarget, unit: string, min: number, max: number | null): string {
  if (target.op === "between") {
    const text = `${formatNumber(min)} to ${formatNumber(max ?? min)} ${unit}`;
    return min === target.min && max === target.max
      ? text
      : `${text} (pro-rated from ${target.min} to ${target.max})`;
  }
  const text = `>= ${formatNumber(min)} ${unit}`;
  return min === target.value ? text : `${text} (pro-rated from ${target.value})`;
}

/**
 * Record ids of date-sorted keys: ids[from..to) when the ids beside the keys are at hand, else
 * looked up by record. Records of the same day are ordered by id, so the output does not depend
 * on the order the records were given in.
 */
function toRecordIds(
  context: Context,
  keys: Float64Array,
  ids: string[] | null,
  from: number,
  to: number,
): string[] {
  const n = to - from;
  if (n > 8) {
    const out = new Array<string>(n);
    writeRecordIds(context.index.ids, keys, ids, from, to, out);
    return out;
  }
  // Most lists are short, and those are built by array literals: V8 learns that what a literal
  // allocates survives and then allocates it in the old generation directly, while arrays made by
  // new Array(n) are allocated young and copied out by every minor collection — for half a million
  // lists that copying cost more than building them.
  const s = context.idScratch;
  writeRecordIds(context.index.ids, keys, ids, from, to, s);
  switch (n) {
    case 0:
      return [];
    case 1:
      return [s[0]!];
    case 2:
      return [s[0]!, s[1]!];
    case 3:
      return [s[0]!, s[1]!, s[2]!];
    case 4:
      return [s[0]!, s[1]!, s[2]!, s[3]!];
    case 5:
      return [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!];
    case 6:
      return [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!];
    case 7:
      return [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!, s[6]!];
    default:
      return [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!, s[6]!, s[7]!];
  }
}

/**
 * The first n part results as a new list. Composites have a handful of parts, and a list built by
 * an array literal is allocated where V8 has learnt that such lists survive (see toRecordIds).
 */
function toPartList(s: QuotaResult[], n: number): QuotaResult[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [s[0]!];
    case 2:
      return [s[0]!, s[1]!];
    case 3:
      return [s[0]!, s[1]!, s[2]!];
    case 4:
      return [s[0]!, s[1]!, s[2]!, s[3]!];
    case 5:
      return [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!];
    case 6:
      return [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!];
    default:
      return s.slice(0, n);
  }
}

/** Writes the ids of keys[from..to) to out[0..], same-day runs sorted by id. */
function writeRecordIds(
  idsByRecord: string[],
  keys: Float64Array,
  ids: string[] | null,
  from: number,
  to: number,
  out: string[],
): void {
  let runStart = from;
  let runDay = -1;
  for (let i = from; i < to; i++) {
    const key = keys[i]!;
    const d = Math.floor(key * INVERSE_DAY_KEY);
    out[i - from] = ids !== null ? ids[i]! : idsByRecord[key - d * DAY_KEY]!;
    if (d !== runDay) {
      if (i - runStart > 1) sortRun(out, runStart - from, i - from);
      runStart = i;
      runDay = d;
    }
  }
  if (to - runStart > 1) sortRun(out, runStart - from, to - from);
}

/** Insertion sort of ids[from..to) in place; same-day runs are short. */
function sortRun(ids: string[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = ids[i]!;
    let j = i - 1;
    while (j >= from && ids[j]! > v) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = v;
  }
}

// Results are built by a few constructors, one per combination of optional fields that occurs in
// bulk, so that each has all its fields in the object itself (adding a field to a finished object
// would allocate a separate property store) and results stay on a handful of hidden classes.
// Optional fields are only present when set, in the order partId, reason, parts, share.
function makeResult(
  quotaId: string,
  partId: string | undefined,
  subjectKind: SubjectKind,
  subjectId: string,
  window: DateWindow,
  final: boolean,
  achieved: number,
  target: string,
  targetValue: number,
  targetMax: number | null,
  unit: string,
  coverage: number,
  recordIds: string[],
  status: ResultStatus,
  expectedByNow: number,
  gap: number,
  reason: ResultReason | undefined,
  parts: QuotaResult[] | undefined,
  share: ShareSummary | undefined,
): QuotaResult {
  if (reason === undefined && share === undefined) {
    if (parts === undefined) {
      if (partId === undefined) {
        return plainResult(
          quotaId,
          subjectKind,
          subjectId,
          window,
          final,
          achieved,
          target,
          targetValue,
          targetMax,
          unit,
          coverage,
          recordIds,
          status,
          expectedByNow,
          gap,
        );
      }
      return partResult(
        quotaId,
        subjectKind,
        subjectId,
        window,
        final,
        achieved,
        target,
        targetValue,
        targetMax,
        unit,
        coverage,
        recordIds,
        status,
        expectedByNow,
        gap,
        partId,
      );
    }
    if (partId === undefined) {
      return compositeResult(
        quotaId,
        subjectKind,
        subjectId,
        window,
        final,
        achieved,
        target,
        targetValue,
        targetMax,
        unit,
        coverage,
        recordIds,
        status,
        expectedByNow,
        gap,
        parts,
      );
    }
  }
  if (reason !== undefined && share === undefined && parts === undefined) {
    // Windows a subject is not covered in (members who joined late): a fifth shape, so that the
    // reason is not added to a finished object (which allocates a separate property store).
    if (partId === undefined) {
      return reasonResult(
        quotaId,
        subjectKind,
        subjectId,
        window,
        final,
        achieved,
        target,
        targetValue,
        targetMax,
        unit,
        coverage,
        recordIds,
        status,
        expectedByNow,
        gap,
        reason,
      );
    }
    return partReasonResult(
      quotaId,
      subjectKind,
      subjectId,
      window,
      final,
      achieved,
      target,
      targetValue,
      targetMax,
      unit,
      coverage,
      recordIds,
      status,
      expectedByNow,
      gap,
      partId,
      reason,
    );
  }
  const result: QuotaResult = plainResult(
    quotaId,
    subjectKind,
    subjectId,
    window,
    final,
    achieved,
    target,
    targetValue,
    targetMax,
    unit,
    coverage,
    recordIds,
    status,
    expectedByNow,
    gap,
  );
  if (partId !== undefined) result.partId = partId;
  if (reason !== undefined) result.reason = reason;
  if (parts !== undefined) result.parts = parts;
  if (share !== undefined) result.share = share;
  return result;
}

function plainResult(
  quotaId: string,
  subjectKind: SubjectKind,
  subjectId: string,
  window: DateWindow,
  final: boolean,
  achieved: number,
  target: string,
  targetValue: number,
  targetMax: number | null,
  unit: string,
  coverage: number,
  recordIds: string[],
  status: ResultStatus,
  expectedByNow: number,
  gap: number,
): QuotaResult {
  return {
    quotaId,
    subjectKind,
    subjectId,
    window,
    final,
    achieved,
    target,
    targetValue,
    targetMax,
    unit,
    coverage,
    recordIds,
    status,
    expectedByNow,
    gap,
  };
}

function partResult(
  quotaId: string,
  subjectKind: SubjectKind,
  subjectId: string,
  window: DateWindow,
  final: boolean,
  achieved: number,
  target: string,
  targetValue: number,
  targetMax: number | null,
  unit: string,
  coverage: number,
  recordIds: string[],
  status: ResultStatus,
  expectedByNow: number,
  gap: number,
  partId: string,
): QuotaResult {
  return {
    quotaId,
    subjectKind,
    subjectId,
    window,
    final,
    achieved,
    target,
    targetValue,
    targetMax,
    unit,
    coverage,
    recordIds,
    status,
    expectedByNow,
    gap,
    partId,
  };
}

function reasonResult(
  quotaId: string,
  subjectKind: SubjectKind,
  subjectId: string,
  window: DateWindow,
  final: boolean,
  achieved: number,
  target: string,
  targetValue: number,
  targetMax: number | null,
  unit: string,
  coverage: number,
  recordIds: string[],
  status: ResultStatus,
  expectedByNow: number,
  gap: number,
  reason: ResultReason,
): QuotaResult {
  return {
    quotaId,
    subjectKind,
    subjectId,
    window,
    final,
    achieved,
    target,
    targetValue,
    targetMax,
    unit,
    coverage,
    recordIds,
    status,
    expectedByNow,
    gap,
    reason,
  };
}

function partReasonResult(
  quotaId: string,
  subjectKind: SubjectKind,
  subjectId: string,
  window: DateWindow,
  final: boolean,
  achieved: number,
  target: string,
  targetValue: number,
  targetMax: number | null,
  unit: string,
  coverage: number,
  recordIds: string[],
  status: ResultStatus,
  expectedByNow: number,
  gap: number,
  partId: string,
  reason: ResultReason,
): QuotaResult {
  return {
    quotaId,
    subjectKind,
    subjectId,
    window,
    final,
    achieved,
    target,
    targetValue,
    targetMax,
    unit,
    coverage,
    recordIds,
    status,
    expectedByNow,
    gap,
    partId,
    reason,
  };
}

function compositeResult(
  quotaId: string,
  subjectKind: SubjectKind,
  subjectId: string,
  window: DateWindow,
  final: boolean,
  achieved: number,
  target: string,
  targetValue: number,
  targetMax: number | null,
  unit: string,
  coverage: number,
  recordIds: string[],
  status: ResultStatus,
  expectedByNow: number,
  gap: number,
  parts: QuotaResult[],
): QuotaResult {
  return {
    quotaId,
    subjectKind,
    subjectId,
    window,
    final,
    achieved,
    target,
    targetValue,
    targetMax,
    unit,
    coverage,
    recordIds,
    status,
    expectedByNow,
    gap,
    parts,
  };
}

/**
 * Sets context.targetValue, targetMax and target: the spec's target in window w, pro-rated by the
 * window's coverage when asked.
 */
function resolveTarget(
  context: Context,
  spec: CompiledSpec,
  facts: WindowFacts,
  w: number,
  proRate: boolean,
): void {
  const factor = proRate ? Math.min(1, facts.coverage) : 1;
  if (factor === 1) {
    context.targetValue = spec.baseMin;
    context.targetMax = spec.baseMax;
    context.target = spec.plainTarget;
    return;
  }
  // Subjects covered alike share a window's factor (e.g. a window clipped by the campaign dates),
  // so the last pro-rated target of each window is kept rather than formatted again for each.
  const scaled = spec.scaled[w]!;
  if (scaled.factor !== factor) {
    const integral = spec.integral;
    scaled.factor = factor;
    scaled.value = scaleTarget(spec.baseMin, factor, integral);
    scaled.max =
      spec.baseMax === null
        ? null
        : Math.max(scaled.value, scaleTarget(spec.baseMax, factor, integral));
    scaled.text = describeTarget(spec.target, spec.unit, scaled.value, scaled.max);
  }
  context.targetValue = scaled.value;
  context.targetMax = scaled.max;
  context.target = scaled.text;
}

/** The measured value of window w as reported. */
function achievedOf(spec: CompiledSpec, w: number): number {
  const raw = spec.achieved[w]!;
  return spec.integral ? raw : roundTo(raw, 4);
}

/** Result of the last measured subject in window w. */
function buildResult(
  context: Context,
  quotaId: string,
  partId: string | undefined,
  ref: SubjectRef,
  spec: CompiledSpec,
  label: DateWindow,
  f: WindowFacts,
  w: number,
  proRate: boolean,
): QuotaResult {
  resolveTarget(context, spec, f, w, proRate);
  const { targetValue, targetMax, target } = context;
  const achieved = achievedOf(spec, w);
  const recordIds = toRecordIds(
    context,
    spec.flat,
    spec.flatIds,
    spec.segStart[w]!,
    spec.segStart[w + 1]!,
  );
  if (f.coveredDays === 0) {
    return makeResult(
      quotaId,
      partId,
      ref.kind,
      ref.id,
      label,
      f.final,
      achieved,
      target,
      targetValue,
      targetMax,
      spec.unit,
      f.coverage,
      recordIds,
      "notApplicable",
      0,
      0,
      "notCovered",
      undefined,
      undefined,
    );
  }
  const pace = context.pace;
  assessPaceInto(pace, achieved, targetValue, targetMax, 1, f.final, f.elapsedShare);
  return makeResult(
    quotaId,
    partId,
    ref.kind,
    ref.id,
    label,
    f.final,
    achieved,
    target,
    targetValue,
    targetMax,
    spec.unit,
    f.coverage,
    recordIds,
    pace.status,
    pace.expectedByNow,
    pace.gap,
    pace.reason,
    undefined,
    undefined,
  );
}

/** Status of the last measured subject in window w, as buildResult would report it. */
function statusOf(
  context: Context,
  spec: CompiledSpec,
  f: WindowFacts,
  w: number,
  proRate: boolean,
): ResultStatus {
  if (f.coveredDays === 0) return "notApplicable";
  resolveTarget(context, spec, f, w, proRate);
  const pace = context.pace;
  assessPaceInto(
    pace,
    achievedOf(spec, w),
    context.targetValue,
    context.targetMax,
    1,
    f.final,
    f.elapsedShare,
  );
  return pace.status;
}

/**
 * Record ids counted by any part in window w, in date order. Each part's records of the window are
 * already in key order (date, then record), and a record counted by several parts has the same key
 * in each, so the union is a merge of the parts' lists that keeps one of equal keys.
 */
function collectUnion(context: Context, parts: ReadonlyArray<CompiledSpec>, w: number): string[] {
  const P = parts.length;
  let size = 0;
  for (let k = 0; k < P; k++) size += parts[k]!.segStart[w + 1]! - parts[k]!.segStart[w]!;
  if (context.unionScratch.length < size) context.unionScratch = new Float64Array(size * 2);
  if (context.unionHeads.length < P) context.unionHeads = new Int32Array(P * 2);
  const all = context.unionScratch;
  const allIds = context.unionIds;
  const heads = context.unionHeads;
  for (let k = 0; k < P; k++) heads[k] = parts[k]!.segStart[w]!;
  let unique = 0;
  for (;;) {
    let best = -1;
    let bestKey = Infinity;
    for (let k = 0; k < P; k++) {
      const part = parts[k]!;
      const e = heads[k]!;
      if (e < part.segStart[w + 1]! && part.flat[e]! < bestKey) {
        bestKey = part.flat[e]!;
        best = k;
      }
    }
    if (best < 0) break;
    const part = parts[best]!;
    const e = heads[best]!;
    heads[best] = e + 1;
    if (unique > 0 && all[unique - 1] === bestKey) continue;
    all[unique] = bestKey;
    allIds[unique++] = part.flatIds[e]!; // appends or overwrites, as unique never passes the length
  }
  return toRecordIds(context, all, allIds, 0, unique);
}

const STATUS_SEVERITY: Record<ResultStatus, number> = {
  notApplicable: -1,
  met: 0,
  onTrack: 1,
  atRisk: 2,
  behind: 3,
};

/**
 * Status of a composite ("all of") in one window: met when every part is met; otherwise the
 * worst part status, counting a met part as on track; a finished window that is not met is behind.
 * (combinePartStatuses in pace.ts, over the part results without collecting their statuses.)
 */
function combineStatuses(parts: ReadonlyArray<QuotaResult>, final: boolean): ResultStatus {
  if (parts.length === 0) return "notApplicable";
  let allMet = true;
  for (const p of parts) {
    if (p.status === "notApplicable") return "notApplicable";
    if (p.status !== "met") allMet = false;
  }
  if (allMet) return "met";
  if (final) return "behind";
  let worst: ResultStatus = "onTrack";
  for (const p of parts) if (STATUS_SEVERITY[p.status] > STATUS_SEVERITY[worst]) worst = p.status;
  return worst;
}

/** Target texts of composites by part count, made once rather than for every result. */
const ALL_PARTS_MET: string[] = [];

function allPartsMet(count: number): string {
  return (ALL_PARTS_MET[count] ??= `all ${count} parts met`);
}

function combineComposite(
  quotaId: string,
  ref: SubjectRef,
  parts: QuotaResult[],
  window: DateWindow,
  facts: WindowFacts,
  recordIds: string[],
): QuotaResult {
  const status = combineStatuses(parts, facts.final);
  let met = 0;
  let expected = 0;
  let lagging = 0;
  for (const p of parts) {
    if (p.status === "met") met++;
    if (p.status === "atRisk" || p.status === "behind") lagging++;
    // Pace in parts: each part contributes the share of its own target expected by now.
    expected += p.targetValue > 0 ? Math.min(1, p.expectedByNow / p.targetValue) : 1;
  }
  const notApplicable = status === "notApplicable";
  return makeResult(
    quotaId,
    undefined,
    ref.kind,
    ref.id,
    window,
    facts.final,
    met,
    allPartsMet(parts.length),
    parts.length,
    null,
    "parts",
    facts.coverage,
    recordIds,
    status,
    notApplicable ? 0 : roundTo(expected, 4),
    notApplicable ? 0 : lagging,
    notApplicable ? "notCovered" : undefined,
    parts,
    undefined,
  );
}

function evaluateShare(
  context: Context,
  quotaId: string,
  subjects: ReadonlyArray<SubjectRef>,
  spec: CompiledSpec,
  share: number,
  qw: QuotaWindows,
  includeSubtree: boolean,
  proRate: boolean,
): QuotaResult[] {
  const W = qw.windows.length;
  const covered = new Int32Array(W);
  const metIds: string[][] = qw.windows.map(() => []);
  const metRecords: number[][] = qw.windows.map(() => []);
  for (const ref of subjects) {
    const facts = ref.fullyCovered
      ? qw.plainFacts
      : describeSubjectWindows(qw, ref, context.asOfDay, proRate);
    measureSubject(context, qw, includeSubtree, spec, ref);
    for (let w = 0; w < W; w++) {
      const status = statusOf(context, spec, facts[w]!, w, proRate);
      if (status === "notApplicable") continue;
      covered[w]!++;
      if (status === "met") {
        metIds[w]!.push(ref.id);
        for (let i = spec.segStart[w]!; i < spec.segStart[w + 1]!; i++)
          metRecords[w]!.push(spec.flat[i]!);
      }
    }
  }
  const out: QuotaResult[] = [];
  const target = `>= ${roundTo(share * 100, 2)}% of subjects with ${spec.plainTarget}`;
  for (let w = 0; w < W; w++) {
    const plain = qw.plainFacts[w]!;
    const subjectsCovered = covered[w]!;
    const subjectsMet = metIds[w]!.length;
    const achieved = subjectsCovered === 0 ? 0 : roundTo(subjectsMet / subjectsCovered, 4);
    const recordKeys = Float64Array.from(new Set(metRecords[w]!)).sort();
    const recordIds = toRecordIds(context, recordKeys, null, 0, recordKeys.length);
    const summary: ShareSummary = {
      subjectsCovered,
      subjectsMet,
      subjectsNeeded: Math.ceil(share * subjectsCovered - 1e-9),
      metSubjectIds: metIds[w]!,
    };
    if (subjectsCovered === 0) {
      out.push(
        makeResult(
          quotaId,
          undefined,
          "population",
          "all",
          qw.labels[w]!,
          plain.final,
          achieved,
          target,
          share,
          null,
          "share of subjects",
          1,
          recordIds,
          "notApplicable",
          0,
          0,
          "notCovered",
          undefined,
          summary,
        ),
      );
      continue;
    }
    const pace = context.pace;
    assessPaceInto(pace, achieved, share, null, 0, plain.final, plain.elapsedShare);
    out.push(
      makeResult(
        quotaId,
        undefined,
        "population",
        "all",
        qw.labels[w]!,
        plain.final,
        achieved,
        target,
        share,
        null,
        "share of subjects",
        1,
        recordIds,
        pace.status,
        pace.expectedByNow,
        roundTo(pace.gap, 4),
        pace.reason,
        undefined,
        summary,
      ),
    );
  }
  return out;
}

/**
 * V8 keeps a field that has only ever held numbers as a separate 16-byte box per object ("double"
 * representation), even for 0 or 1; across half a million results that is millions of extra
 * allocations for the garbage collector. One result of each shape built with null in its numeric
 * fields widens those fields to hold any value, and whole numbers are then stored in the object
 * itself: about a fifth less memory for the results of the benchmark. It is done per evaluation,
 * as V8 may drop the widened hidden classes once no object uses them. Values are unaffected; on an
 * engine without this behaviour it only builds five objects for nothing.
 */
function primeResultShapes(): void {
  const wide = null as unknown as number;
  const base: Parameters<typeof plainResult> = [
    "",
    "member",
    "",
    { start: "", end: "" },
    false,
    wide,
    "",
    wide,
    wide,
    "",
    wide,
    [],
    "met",
    wide,
    wide,
  ];
  plainResult(...base);
  partResult(...base, "");
  compositeResult(...base, []);
  reasonResult(...base, "notCovered");
  partReasonResult(...base, "", "notCovered");
}
