import { formatDayNumber, parseDayNumber } from "./day-numbers";
import { assessPace, combinePartStatuses, roundTo } from "./pace";
import { listPeriodWindows, type DayWindow, type PeriodContext } from "./periods";
import { buildRecordIndex, type RecordIndex } from "./record-index";
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

/**
 * A spec compiled against the record index, with scratch buffers reused for every subject: one
 * evaluation measures tens of thousands of subjects, and fresh arrays per subject would keep the
 * garbage collector busy for longer than the measuring itself.
 */
interface CompiledSpec extends MeasureSpec {
  /** Position of each type slot in the spec's filter, -1 when the spec does not ask for it. */
  slotPosition: Int8Array;
  typeCount: number;
  /** Indexed by sub-type id; null when the filter accepts any sub-type. */
  subTypeOk: Uint8Array | null;
  integral: boolean;
  /** Readable target when not pro-rated. */
  plainTarget: string;
  achieved: Float64Array;
  /**
   * Counted records of the last measured subject as packed (day, record) keys (see DAY_KEY), grouped by window:
   * flat[segStart[w] .. segStart[w+1]), each group in date order.
   */
  flat: Float64Array;
  segStart: Int32Array;
  cursor: Int32Array;
  kinds: Uint8Array | null;
  scratchWindow: Int32Array;
  scratchKey: Float64Array;
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

interface Context {
  index: RecordIndex;
  asOfDay: number;
  subtrees: number[][] | null;
  /** Reused buffer for merging the records of composite parts. */
  unionScratch: Float64Array;
}

/**
 * Evaluates every quota for every subject it covers and every period window that has begun by
 * asOf. Only APPROVED, non-voided records dated inside the campaign and on or before asOf count.
 * Pure: the as-of date is the only notion of "now".
 */
export function evaluateCampaign(input: EvaluateCampaignInput): CampaignEvaluation {
  const { campaign, organizations, members, records, asOf } = input;
  const campaignStart = requireDay(campaign.startDate, "campaign.startDate");
  const campaignEnd = requireDay(campaign.endDate, "campaign.endDate") + 1;
  const asOfDay = requireDay(asOf, "asOf");
  const evaluation: CampaignEvaluation = { campaignId: campaign.id, asOf, results: [] };
  if (asOfDay < campaignStart) return evaluation;
  const results = evaluation.results;

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

  const orgTypes = new Set<string>();
  const memberTypes = new Set<string>();
  const needs = { hours: false, days: false, subTypes: false };
  for (const q of campaign.quotas) {
    const into = q.subject.kind === "organization" ? orgTypes : memberTypes;
    for (const spec of listMeasures(q)) {
      for (const t of spec.activity.types) into.add(t);
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
    lastDay: Math.min(asOfDay, campaignEnd - 1),
    orgTypes,
    memberTypes,
    needs,
  });
  const needsSubtrees = campaign.quotas.some(
    (q) => q.subject.kind === "organization" && q.options?.includeSubtree,
  );
  const context: Context = {
    index,
    asOfDay,
    subtrees: needsSubtrees ? findSubtrees(organizations) : null,
    unionScratch: new Float64Array(256),
  };

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

  for (const quota of campaign.quotas) {
    let windows = listPeriodWindows(quota.period, periodContext, asOfDay);
    if (input.windows === "current" && windows.length > 1) windows = windows.slice(-1);
    if (windows.length === 0) continue;
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
    const measure = (spec: CompiledSpec, ref: SubjectRef): void =>
      measureSubject(context, qw, includeSubtree, spec, ref);

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
          windows.length,
        ),
      );
      for (const ref of subjects) {
        const facts = ref.fullyCovered
          ? qw.plainFacts
          : describeSubjectWindows(qw, ref, asOfDay, proRate);
        const partResults = parts.map((spec, k) => {
          measure(spec, ref);
          return buildResults(context, quota.id, partIds[k], ref, spec, qw, facts, proRate);
        });
        for (let w = 0; w < windows.length; w++) {
          results.push(
            combineComposite(
              quota.id,
              ref,
              partResults.map((r) => r[w]!),
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
        windows.length,
      );
      for (const r of evaluateShare(
        context,
        quota.id,
        subjects,
        spec,
        target.share,
        qw,
        measure,
        proRate,
      ))
        results.push(r);
      continue;
    }
    const spec = compileSpec(
      index,
      { metric, activity: quota.activity!, target, unit },
      windows.length,
    );
    for (const ref of subjects) {
      const facts = ref.fullyCovered
        ? qw.plainFacts
        : describeSubjectWindows(qw, ref, asOfDay, proRate);
      measure(spec, ref);
      for (const r of buildResults(context, quota.id, undefined, ref, spec, qw, facts, proRate))
        results.push(r);
    }
  }
  return evaluation;
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
  const slotPosition = new Int8Array(index.slots).fill(-1);
  let typeCount = 0;
  for (const t of spec.activity.types) {
    const slot = index.slotOfType.get(t);
    if (slot !== undefined && slotPosition[slot] === -1) slotPosition[slot] = typeCount++;
  }
  let subTypeOk: Uint8Array | null = null;
  if (spec.activity.subTypes) {
    subTypeOk = new Uint8Array(index.subTypeIds.size);
    for (const st of spec.activity.subTypes) {
      const id = index.subTypeIds.get(st);
      if (id !== undefined) subTypeOk[id] = 1;
    }
  }
  const integral = spec.metric === "count" || spec.metric === "distinctKinds";
  const min = spec.target.op === "between" ? spec.target.min : spec.target.value;
  const max = spec.target.op === "between" ? spec.target.max : null;
  return {
    ...spec,
    slotPosition,
    typeCount,
    subTypeOk,
    integral,
    plainTarget: describeTarget(spec.target, spec.unit, min, max),
    achieved: new Float64Array(windowCount),
    flat: new Float64Array(64),
    segStart: new Int32Array(windowCount + 1),
    cursor: new Int32Array(windowCount),
    kinds: spec.metric === "distinctKinds" ? new Uint8Array(windowCount * typeCount) : null,
    scratchWindow: new Int32Array(64),
    scratchKey: new Float64Array(64),
  };
}

function describeQuotaWindows(
  windows: DayWindow[],
  asOfDay: number,
  campaignStart: number,
  campaignEnd: number,
): QuotaWindows {
  const windowOfDay = new Int32Array(Math.max(0, campaignEnd - campaignStart)).fill(-1);
  windows.forEach((w, i) => windowOfDay.fill(i, w.start - campaignStart, w.end - campaignStart));
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
 * It walks only the subject's own index groups for the spec's types; each group is in date order,
 * so one forward pass assigns every record to its window.
 */
function measureSubject(
  context: Context,
  qw: QuotaWindows,
  includeSubtree: boolean,
  spec: CompiledSpec,
  ref: SubjectRef,
): void {
  const { index, subtrees } = context;
  const { windowOfDay, firstDay } = qw;
  const W = qw.windows.length;
  const { subType, hours, days } = index;
  const achieved = spec.achieved;
  achieved.fill(0);
  const isMember = ref.kind === "member";
  const start = isMember ? index.memberStart : index.orgStart;
  const entries = isMember ? index.memberEntries : index.orgEntries;
  const entryDay = isMember ? index.memberEntryDay : index.orgEntryDay;
  const entrySlot = isMember ? index.memberEntrySlot : index.orgEntrySlot;
  const memberHours = isMember ? index.memberHours : null;
  const sources = !isMember && includeSubtree && subtrees ? subtrees[ref.index]! : null;
  const sourceCount = sources ? sources.length : 1;
  const F = spec.typeCount;
  const slotPosition = spec.slotPosition;
  const kinds = spec.kinds;
  if (kinds) kinds.fill(0);
  const subTypeOk = spec.subTypeOk;
  const coverage = ref.coverage;
  const checkCoverage = !ref.fullyCovered;
  const metric = spec.metric;
  let scratchWindow = spec.scratchWindow;
  let scratchKey = spec.scratchKey;
  let counted = 0;

  for (let s = 0; s < sourceCount; s++) {
    const source = sources ? sources[s]! : ref.index;
    const to = start[source + 1]!;
    for (let e = start[source]!; e < to; e++) {
      const f = slotPosition[entrySlot[e]!]!;
      if (f < 0) continue;
      const d = entryDay[e]!;
      const w = windowOfDay[d - firstDay]!;
      if (w < 0) continue;
      const r = entries[e]!;
      if (subTypeOk !== null) {
        const st = subType[r]!;
        if (st < 0 || subTypeOk[st] !== 1) continue;
      }
      if (checkCoverage && !isCovered(coverage, d)) continue;
      if (metric === "count") achieved[w]! += 1;
      else if (metric === "sumHours")
        achieved[w]! += memberHours !== null ? memberHours[e]! : hours[r]!;
      else if (metric === "sumDays") achieved[w]! += days[r]!;
      else kinds![w * F + f] = 1;
      if (counted === scratchWindow.length) {
        scratchWindow = growInt32(scratchWindow);
        scratchKey = growFloat64(scratchKey);
        spec.scratchWindow = scratchWindow;
        spec.scratchKey = scratchKey;
      }
      scratchWindow[counted] = w;
      scratchKey[counted] = (d - firstDay) * DAY_KEY + r;
      counted++;
    }
  }
  if (kinds) {
    for (let w = 0; w < W; w++) {
      let k = 0;
      for (let f = 0; f < F; f++) k += kinds[w * F + f]!;
      achieved[w] = k;
    }
  }

  // Group the counted records by window (stable counting sort).
  const segStart = spec.segStart;
  segStart.fill(0);
  for (let i = 0; i < counted; i++) segStart[scratchWindow[i]! + 1]!++;
  for (let w = 0; w < W; w++) segStart[w + 1]! += segStart[w]!;
  let flat: Float64Array;
  if (W === 1) {
    // One window: the scratch keys already are the grouped keys; swap buffers instead of copying.
    flat = scratchKey;
    spec.scratchKey = spec.flat;
    spec.flat = flat;
  } else {
    if (spec.flat.length < counted)
      spec.flat = new Float64Array(Math.max(counted, spec.flat.length * 2));
    flat = spec.flat;
    const cursor = spec.cursor;
    cursor.set(segStart.subarray(0, W));
    for (let i = 0; i < counted; i++) flat[cursor[scratchWindow[i]!]!++] = scratchKey[i]!;
  }
  // Put each window's records in date order (then input order), so recordIds read as a timeline;
  // already-ordered input (the usual case) costs one comparison per record.
  for (let w = 0; w < W; w++) {
    const from = segStart[w]!;
    const to = segStart[w + 1]!;
    for (let i = from + 1; i < to; i++) {
      if (flat[i - 1]! > flat[i]!) {
        sortKeys(flat, from, to);
        break;
      }
    }
  }
}

/** (day offset, record index) packed into one exactly representable number that sorts by date. */
const DAY_KEY = 2 ** 32;

/** Multiplying by this and flooring gives the day offset; exact, as it is a power of two. */
const INVERSE_DAY_KEY = 2 ** -32;

/** Sorts keys[from..to) ascending; small ranges in place, without allocating a view. */
function sortKeys(keys: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    keys.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = keys[i]!;
    let j = i - 1;
    while (j >= from && keys[j]! > v) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = v;
  }
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function growFloat64(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
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
 * Record ids of date-sorted keys. Records of the same day are ordered by id, so the output does
 * not depend on the order the records were given in.
 */
function toRecordIds(index: RecordIndex, keys: Float64Array, from: number, to: number): string[] {
  const out = new Array<string>(to - from);
  let runStart = from;
  let runDay = -1;
  for (let i = from; i < to; i++) {
    const key = keys[i]!;
    const d = Math.floor(key * INVERSE_DAY_KEY);
    out[i - from] = index.ids[key - d * DAY_KEY]!;
    if (d !== runDay) {
      if (i - runStart > 1) sortRun(out, runStart - from, i - from);
      runStart = i;
      runDay = d;
    }
  }
  if (to - runStart > 1) sortRun(out, runStart - from, to - from);
  return out;
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

// One constructor keeps results on a handful of hidden classes, which keeps building hundreds of
// thousands of them cheap.
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
  const result: QuotaResult = {
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
  // Optional fields only when present: most results have none, and every field costs memory
  // across hundreds of thousands of results.
  if (partId !== undefined) result.partId = partId;
  if (reason !== undefined) result.reason = reason;
  if (parts !== undefined) result.parts = parts;
  if (share !== undefined) result.share = share;
  return result;
}

function buildResults(
  context: Context,
  quotaId: string,
  partId: string | undefined,
  ref: SubjectRef,
  spec: CompiledSpec,
  qw: QuotaWindows,
  facts: ReadonlyArray<WindowFacts>,
  proRate: boolean,
): QuotaResult[] {
  const integral = spec.integral;
  const baseMin = spec.target.op === "between" ? spec.target.min : spec.target.value;
  const baseMax = spec.target.op === "between" ? spec.target.max : null;
  const results = new Array<QuotaResult>(facts.length);
  for (let w = 0; w < facts.length; w++) {
    const f = facts[w]!;
    const factor = proRate ? Math.min(1, f.coverage) : 1;
    let targetValue = baseMin;
    let targetMax = baseMax;
    let target = spec.plainTarget;
    if (factor !== 1) {
      targetValue = scaleTarget(baseMin, factor, integral);
      targetMax =
        baseMax === null ? null : Math.max(targetValue, scaleTarget(baseMax, factor, integral));
      target = describeTarget(spec.target, spec.unit, targetValue, targetMax);
    }
    const raw = spec.achieved[w]!;
    const achieved = integral ? raw : roundTo(raw, 4);
    const recordIds = toRecordIds(
      context.index,
      spec.flat,
      spec.segStart[w]!,
      spec.segStart[w + 1]!,
    );
    if (f.coveredDays === 0) {
      results[w] = makeResult(
        quotaId,
        partId,
        ref.kind,
        ref.id,
        qw.labels[w]!,
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
      continue;
    }
    const pace = assessPace({
      achieved,
      targetValue,
      targetMax,
      unit: 1,
      final: f.final,
      elapsedShare: f.elapsedShare,
    });
    results[w] = makeResult(
      quotaId,
      partId,
      ref.kind,
      ref.id,
      qw.labels[w]!,
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
  return results;
}

/** Record ids counted by any part in window w, in date order. */
function collectUnion(context: Context, parts: ReadonlyArray<CompiledSpec>, w: number): string[] {
  let size = 0;
  for (const p of parts) size += p.segStart[w + 1]! - p.segStart[w]!;
  if (context.unionScratch.length < size) context.unionScratch = new Float64Array(size * 2);
  const all = context.unionScratch;
  let at = 0;
  for (const p of parts) {
    const flat = p.flat;
    for (let i = p.segStart[w]!, end = p.segStart[w + 1]!; i < end; i++) all[at++] = flat[i]!;
  }
  sortKeys(all, 0, size);
  let unique = 0;
  for (let i = 0; i < size; i++) if (i === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i]!;
  return toRecordIds(context.index, all, 0, unique);
}

function combineComposite(
  quotaId: string,
  ref: SubjectRef,
  parts: QuotaResult[],
  window: DateWindow,
  facts: WindowFacts,
  recordIds: string[],
): QuotaResult {
  const status = combinePartStatuses(
    parts.map((p) => p.status),
    facts.final,
  );
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
    `all ${parts.length} parts met`,
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
  measure: (spec: CompiledSpec, ref: SubjectRef) => void,
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
    measure(spec, ref);
    const perSubject = buildResults(context, quotaId, undefined, ref, spec, qw, facts, proRate);
    for (let w = 0; w < W; w++) {
      const r = perSubject[w]!;
      if (r.status === "notApplicable") continue;
      covered[w]!++;
      if (r.status === "met") {
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
    const recordIds = toRecordIds(context.index, recordKeys, 0, recordKeys.length);
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
    const pace = assessPace({
      achieved,
      targetValue: share,
      targetMax: null,
      unit: 0,
      final: plain.final,
      elapsedShare: plain.elapsedShare,
    });
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
