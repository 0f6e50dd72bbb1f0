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
  EvaluateCampaignInput,
  Metric,
  PartTarget,
  QuotaInput,
  QuotaResult,
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

interface CompiledSpec extends MeasureSpec {
  slots: Int32Array;
  /** Indexed by sub-type id; null when the filter accepts any sub-type. */
  subTypeOk: Uint8Array | null;
}

interface SubjectRef {
  kind: "organization" | "member";
  index: number;
  id: string;
  coverage: Coverage;
  /** Covered for the whole campaign, so the per-record coverage check can be skipped. */
  fullyCovered: boolean;
}

interface Measurement {
  achieved: Float64Array;
  lists: Array<number[] | undefined>;
}

interface WindowFacts {
  window: DayWindow;
  final: boolean;
  coveredDays: number;
  coverage: number;
  elapsedShare: number;
}

interface Context {
  index: RecordIndex;
  asOfDay: number;
  subtrees: number[][] | null;
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

  const phases = new Map<string, { start: number; end: number }>();
  for (const p of campaign.phases ?? []) {
    phases.set(p.id, { start: requireDay(p.startDate, `phase ${p.id}`), end: requireDay(p.endDate, `phase ${p.id}`) + 1 });
  }
  const periodContext: PeriodContext = { campaignStart, campaignEnd, phases };

  const orgIndexById = new Map<string, number>();
  organizations.forEach((o, i) => orgIndexById.set(o.id, i));
  const memberIndexById = new Map<string, number>();
  members.forEach((m, i) => memberIndexById.set(m.id, i));

  const orgTypes = new Set<string>();
  const memberTypes = new Set<string>();
  for (const q of campaign.quotas) {
    const into = q.subject.kind === "organization" ? orgTypes : memberTypes;
    for (const spec of listMeasureSpecs(q)) for (const t of spec.activity.types) into.add(t);
  }

  const index = buildRecordIndex({
    records,
    orgIndexById,
    memberIndexById,
    firstDay: campaignStart,
    lastDay: Math.min(asOfDay, campaignEnd - 1),
    orgTypes,
    memberTypes,
  });
  const needsSubtrees = campaign.quotas.some((q) => q.subject.kind === "organization" && q.options?.includeSubtree);
  const context: Context = { index, asOfDay, subtrees: needsSubtrees ? findSubtrees(organizations) : null };

  const orgRefs: Array<SubjectRef | undefined> = [];
  const memberRefs: Array<SubjectRef | undefined> = [];
  const refOf = (kind: "organization" | "member", i: number): SubjectRef => {
    const cache = kind === "organization" ? orgRefs : memberRefs;
    let ref = cache[i];
    if (!ref) {
      const coverage =
        kind === "organization" ? findOrganizationCoverage(organizations[i]!) : findMemberCoverage(members[i]!);
      const fullyCovered = coverage.length === 2 && coverage[0]! <= campaignStart && coverage[1]! >= campaignEnd;
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
    const measurer = createMeasurer(context, windows, includeSubtree);

    if (quota.composite) {
      const parts = quota.composite.parts.map((p) =>
        compileSpec(index, { metric: p.metric, activity: p.activity, target: p.target, unit: p.unit ?? DEFAULT_UNITS[p.metric] }),
      );
      for (const ref of subjects) {
        const facts = describeWindows(windows, ref, asOfDay, proRate);
        const measurements = parts.map((spec) => measurer(spec, ref));
        const partResults = parts.map((spec, k) =>
          buildResults(context, quota.id, ref, spec, measurements[k]!, facts, proRate, quota.composite!.parts[k]!.id),
        );
        for (let w = 0; w < windows.length; w++) {
          const ofWindow = partResults.map((r) => r[w]!);
          const recordIdx = new Set<number>();
          for (const m of measurements) for (const r of m.lists[w] ?? []) recordIdx.add(r);
          const recordIds = [...recordIdx].sort((a, b) => a - b).map((r) => index.ids[r]!);
          evaluation.results.push(combineComposite(quota.id, ref, ofWindow, facts[w]!, recordIds));
        }
      }
      continue;
    }

    const target = quota.target!;
    const metric = quota.metric!;
    const unit = quota.unit ?? DEFAULT_UNITS[metric];
    if (target.op === "shareOfSubjects") {
      const spec = compileSpec(index, { metric, activity: quota.activity!, target: target.inner, unit });
      evaluation.results.push(
        ...evaluateShare(context, quota.id, subjects, spec, target.share, windows, measurer, proRate),
      );
      continue;
    }
    const spec = compileSpec(index, { metric, activity: quota.activity!, target, unit });
    for (const ref of subjects) {
      const facts = describeWindows(windows, ref, asOfDay, proRate);
      evaluation.results.push(...buildResults(context, quota.id, ref, spec, measurer(spec, ref), facts, proRate));
    }
  }
  return evaluation;
}

function requireDay(value: string, what: string): number {
  const d = parseDayNumber(value);
  if (Number.isNaN(d)) throw new Error(`${what}: not a date: ${value}`);
  return d;
}

function listMeasureSpecs(q: QuotaInput): Array<{ activity: ActivityFilter }> {
  if (q.composite) return q.composite.parts;
  return q.activity ? [{ activity: q.activity }] : [];
}

function compileSpec(index: RecordIndex, spec: MeasureSpec): CompiledSpec {
  const slots = new Int32Array(spec.activity.types.map((t) => index.slotOfType.get(t) ?? -1).filter((s) => s >= 0));
  let subTypeOk: Uint8Array | null = null;
  if (spec.activity.subTypes) {
    subTypeOk = new Uint8Array(index.subTypeIds.size);
    for (const st of spec.activity.subTypes) {
      const id = index.subTypeIds.get(st);
      if (id !== undefined) subTypeOk[id] = 1;
    }
  }
  return { ...spec, slots, subTypeOk };
}

/**
 * Returns a function measuring one subject against one spec over all windows. It walks only the
 * subject's own index groups for the spec's types; each group is in date order, so one forward
 * pass assigns every record to its window.
 */
function createMeasurer(
  context: Context,
  windows: ReadonlyArray<DayWindow>,
  includeSubtree: boolean,
): (spec: CompiledSpec, ref: SubjectRef) => Measurement {
  const { index, subtrees } = context;
  const W = windows.length;
  const wStart = Int32Array.from(windows, (w) => w.start);
  const wEnd = Int32Array.from(windows, (w) => w.end);
  const { day, subType, hours, days, slots: S } = index;

  return (spec, ref) => {
    const achieved = new Float64Array(W);
    const lists: Array<number[] | undefined> = new Array<number[] | undefined>(W);
    const isMember = ref.kind === "member";
    const offsets = isMember ? index.memberOffsets : index.orgOffsets;
    const entries = isMember ? index.memberEntries : index.orgEntries;
    const sources = !isMember && includeSubtree && subtrees ? subtrees[ref.index]! : [ref.index];
    const F = spec.slots.length;
    const kinds = spec.metric === "distinctKinds" ? new Uint8Array(W * F) : null;
    const subTypeOk = spec.subTypeOk;
    const coverage = ref.coverage;
    const checkCoverage = !ref.fullyCovered;
    let unsorted = false;

    for (let s = 0; s < sources.length; s++) {
      const base = sources[s]! * S;
      for (let f = 0; f < F; f++) {
        const key = base + spec.slots[f]!;
        const to = offsets[key + 1]!;
        let w = 0;
        for (let e = offsets[key]!; e < to; e++) {
          const r = entries[e]!;
          const d = day[r]!;
          while (w < W && d >= wEnd[w]!) w++;
          if (w === W) break;
          if (d < wStart[w]!) continue;
          if (subTypeOk !== null) {
            const st = subType[r]!;
            if (st < 0 || subTypeOk[st] !== 1) continue;
          }
          if (checkCoverage && !isCovered(coverage, d)) continue;
          switch (spec.metric) {
            case "count":
              achieved[w]! += 1;
              break;
            case "sumHours":
              achieved[w]! += isMember ? index.memberHours[e]! : hours[r]!;
              break;
            case "sumDays":
              achieved[w]! += days[r]!;
              break;
            case "distinctKinds":
              kinds![w * F + f] = 1;
              break;
          }
          const list = lists[w];
          if (list === undefined) lists[w] = [r];
          else {
            if (list[list.length - 1]! > r) unsorted = true;
            list.push(r);
          }
        }
      }
    }
    if (kinds) {
      for (let w = 0; w < W; w++) {
        let k = 0;
        for (let f = 0; f < F; f++) k += kinds[w * F + f]!;
        achieved[w] = k;
      }
    }
    if (unsorted) {
      for (const list of lists) if (list) list.sort((a, b) => a - b);
    }
    return { achieved, lists };
  };
}

function describeWindows(
  windows: ReadonlyArray<DayWindow>,
  ref: SubjectRef,
  asOfDay: number,
  proRate: boolean,
): WindowFacts[] {
  return windows.map((window) => {
    const final = asOfDay >= window.end;
    const elapsedEnd = Math.min(window.end, asOfDay + 1);
    const coveredDays = ref.fullyCovered
      ? window.end - window.start
      : measureCoveredDays(ref.coverage, window.start, window.end);
    const coverage = coveredDays / (window.naturalEnd - window.naturalStart);
    let elapsedShare: number;
    if (proRate && !ref.fullyCovered) {
      elapsedShare = coveredDays === 0 ? 0 : measureCoveredDays(ref.coverage, window.start, elapsedEnd) / coveredDays;
    } else {
      elapsedShare = (elapsedEnd - window.start) / (window.end - window.start);
    }
    return { window, final, coveredDays, coverage, elapsedShare };
  });
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
    return min === target.min && max === target.max ? text : `${text} (pro-rated from ${target.min} to ${target.max})`;
  }
  const text = `>= ${formatNumber(min)} ${unit}`;
  return min === target.value ? text : `${text} (pro-rated from ${target.value})`;
}

function buildResults(
  context: Context,
  quotaId: string,
  ref: SubjectRef,
  spec: CompiledSpec,
  measurement: Measurement,
  facts: ReadonlyArray<WindowFacts>,
  proRate: boolean,
  partId?: string,
): QuotaResult[] {
  const integral = spec.metric === "count" || spec.metric === "distinctKinds";
  const baseMin = spec.target.op === "between" ? spec.target.min : spec.target.value;
  const baseMax = spec.target.op === "between" ? spec.target.max : null;
  const results: QuotaResult[] = [];
  for (let w = 0; w < facts.length; w++) {
    const f = facts[w]!;
    const factor = proRate ? Math.min(1, f.coverage) : 1;
    const targetValue = scaleTarget(baseMin, factor, integral);
    const targetMax = baseMax === null ? null : Math.max(targetValue, scaleTarget(baseMax, factor, integral));
    const achieved = integral ? measurement.achieved[w]! : roundTo(measurement.achieved[w]!, 4);
    const list = measurement.lists[w];
    const base = {
      quotaId,
      ...(partId === undefined ? {} : { partId }),
      subjectKind: ref.kind as SubjectKind,
      subjectId: ref.id,
      window: toDateWindow(f.window),
      final: f.final,
      achieved,
      target: describeTarget(spec.target, spec.unit, targetValue, targetMax),
      targetValue,
      targetMax,
      unit: spec.unit,
      coverage: roundTo(f.coverage, 4),
      recordIds: list ? list.map((r) => context.index.ids[r]!) : [],
    };
    if (f.coveredDays === 0) {
      results.push({ ...base, status: "notApplicable", expectedByNow: 0, gap: 0, reason: "notCovered" });
      continue;
    }
    const pace = assessPace({
      achieved,
      targetValue,
      targetMax,
      integral,
      final: f.final,
      elapsedShare: f.elapsedShare,
    });
    results.push({ ...base, ...pace });
  }
  return results;
}

function toDateWindow(w: DayWindow): { start: string; end: string } {
  return { start: formatDayNumber(w.start), end: formatDayNumber(w.end - 1) };
}

function combineComposite(
  quotaId: string,
  ref: SubjectRef,
  parts: QuotaResult[],
  facts: WindowFacts,
  recordIds: string[],
): QuotaResult {
  const status = combinePartStatuses(
    parts.map((p) => p.status),
    facts.final,
  );
  const met = parts.filter((p) => p.status === "met").length;
  // Pace in parts: each part contributes the share of its own target expected by now.
  const expected = parts.reduce(
    (sum, p) => sum + (p.targetValue > 0 ? Math.min(1, p.expectedByNow / p.targetValue) : 1),
    0,
  );
  return {
    quotaId,
    subjectKind: ref.kind,
    subjectId: ref.id,
    window: toDateWindow(facts.window),
    final: facts.final,
    achieved: met,
    target: `all ${parts.length} parts met`,
    targetValue: parts.length,
    targetMax: null,
    unit: "parts",
    coverage: roundTo(facts.coverage, 4),
    recordIds,
    status,
    expectedByNow: status === "notApplicable" ? 0 : roundTo(expected, 4),
    gap: parts.filter((p) => p.status === "atRisk" || p.status === "behind").length,
    ...(status === "notApplicable" ? { reason: "notCovered" as const } : {}),
    parts,
  };
}

function evaluateShare(
  context: Context,
  quotaId: string,
  subjects: ReadonlyArray<SubjectRef>,
  spec: CompiledSpec,
  share: number,
  windows: ReadonlyArray<DayWindow>,
  measurer: (spec: CompiledSpec, ref: SubjectRef) => Measurement,
  proRate: boolean,
): QuotaResult[] {
  const W = windows.length;
  const covered = new Int32Array(W);
  const metIds: string[][] = windows.map(() => []);
  const metRecords: number[][] = windows.map(() => []);
  for (const ref of subjects) {
    const facts = describeWindows(windows, ref, context.asOfDay, proRate);
    const m = measurer(spec, ref);
    const results = buildResults(context, quotaId, ref, spec, m, facts, proRate);
    for (let w = 0; w < W; w++) {
      const r = results[w]!;
      if (r.status === "notApplicable") continue;
      covered[w]!++;
      if (r.status === "met") {
        metIds[w]!.push(ref.id);
        for (const idx of m.lists[w] ?? []) metRecords[w]!.push(idx);
      }
    }
  }
  const out: QuotaResult[] = [];
  const unit = "share of subjects";
  const innerText = describeTarget(spec.target, spec.unit, spec.target.op === "between" ? spec.target.min : spec.target.value, null);
  for (let w = 0; w < W; w++) {
    const window = windows[w]!;
    const final = context.asOfDay >= window.end;
    const elapsedEnd = Math.min(window.end, context.asOfDay + 1);
    const elapsedShare = (elapsedEnd - window.start) / (window.end - window.start);
    const subjectsCovered = covered[w]!;
    const subjectsMet = metIds[w]!.length;
    const achieved = subjectsCovered === 0 ? 0 : roundTo(subjectsMet / subjectsCovered, 4);
    const recordIdx = [...new Set(metRecords[w]!)].sort((a, b) => a - b);
    const base = {
      quotaId,
      subjectKind: "population" as const,
      subjectId: "all",
      window: toDateWindow(window),
      final,
      achieved,
      target: `>= ${roundTo(share * 100, 2)}% of subjects with ${innerText}`,
      targetValue: share,
      targetMax: null,
      unit,
      coverage: 1,
      recordIds: recordIdx.map((r) => context.index.ids[r]!),
      share: {
        subjectsCovered,
        subjectsMet,
        subjectsNeeded: Math.ceil(share * subjectsCovered - 1e-9),
        metSubjectIds: metIds[w]!,
      },
    };
    if (subjectsCovered === 0) {
      out.push({ ...base, status: "notApplicable", expectedByNow: 0, gap: 0, reason: "notCovered" });
      continue;
    }
    const pace = assessPace({ achieved, targetValue: share, targetMax: null, integral: false, final, elapsedShare });
    out.push({ ...base, ...pace, gap: roundTo(pace.gap, 4) });
  }
  return out;
}
