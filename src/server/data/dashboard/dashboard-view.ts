import type { MemberCategory, OrgKind, OrgLevel } from "@/generated/prisma/enums";
import type { CampaignEvaluation, QuotaResult, ResultStatus } from "@/rules";
import { isWithinSubtree } from "../../authz/scope";
import type { DashboardBase, DashboardOrg } from "./dashboard-base";
import type { DashboardQuery } from "./dashboard-query";

/**
 * The dashboard's arithmetic over the rules engine's results: which subjects a view holds
 * (focus subtrees and filters), and counts of statuses per organization and quota. No quota
 * logic: every status, achieved value and gap is the engine's.
 */

/** Counts of one set of subject results. `subjects` leaves out the not applicable ones. */
export type Cell = {
  subjects: number;
  met: number;
  onTrack: number;
  atRisk: number;
  behind: number;
  notApplicable: number;
  /** met / subjects; null without applicable subjects. */
  share: number | null;
};

export const emptyCell = (): Cell => ({
  subjects: 0,
  met: 0,
  onTrack: 0,
  atRisk: 0,
  behind: 0,
  notApplicable: 0,
  share: null,
});

export function addToCell(cell: Cell, status: ResultStatus): void {
  cell[status]++;
  if (status !== "notApplicable") cell.subjects++;
}

export function finishCell(cell: Cell): Cell {
  cell.share = cell.subjects > 0 ? cell.met / cell.subjects : null;
  return cell;
}

export type DashboardQuotaInfo = {
  id: string;
  name: string;
  nameEn: string | null;
  subjectKind: "organization" | "member";
  /** A share-of-subjects quota: judged for the population only, shown apart. */
  population: boolean;
  composite: boolean;
  unit: string | null;
  /** The current window (from the results), when any subject has one. */
  window: { start: string; end: string } | null;
};

export function quotaInfos(base: DashboardBase): DashboardQuotaInfo[] {
  const windows = new Map<string, { start: string; end: string }>();
  for (const r of base.evaluation.results)
    if (!r.partId && !windows.has(r.quotaId)) windows.set(r.quotaId, r.window);
  return base.definition.quotas.map((q) => ({
    id: q.id,
    name: q.name,
    nameEn: q.nameEn ?? null,
    subjectKind: q.subject.kind,
    population: q.target?.op === "shareOfSubjects",
    composite: !!q.composite,
    unit: q.unit ?? null,
    window: windows.get(q.id) ?? null,
  }));
}

/** The view's subtrees and filters, resolved against the base. */
export type DashboardView = {
  /** Focus roots (organizations), outermost only, in tree order. */
  focus: DashboardOrg[];
  /** True when the focus is the actor's default (no organization picked). */
  defaultFocus: boolean;
  orgKind: OrgKind | null;
  memberCategory: MemberCategory | null;
  /** The path that places a subject in the tree, when the subject belongs to the view. */
  placeOf: (r: Pick<QuotaResult, "subjectKind" | "subjectId">) => string | null;
};

/** One collator for every name sort (localeCompare with a locale builds a new one on each call). */
export const byName = new Intl.Collator("zh-CN").compare;
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byTreeOrder = (a: DashboardOrg, b: DashboardOrg) =>
  a.depth - b.depth || a.sortOrder - b.sortOrder || byName(a.name, b.name) || byCode(a.id, b.id);

/** True when the actor reads dashboards of `path`. */
export function visiblePath(base: DashboardBase, path: string): boolean {
  return base.scopeRoots.some((root) => isWithinSubtree(path, root));
}

/** The actor's part of the campaign: the campaign root when they read all of it, else their own roots inside it. */
export function defaultFocus(base: DashboardBase): DashboardOrg[] {
  const out: DashboardOrg[] = [];
  const root = base.orgs.get(base.campaign.rootOrgId);
  if (base.seesWholeCampaign && root) return [root];
  for (const path of base.scopeRoots) {
    if (!isWithinSubtree(path, base.campaign.rootPath)) continue;
    const org = base.orgs.get(path.slice(path.lastIndexOf("/") + 1));
    if (org) out.push(org);
  }
  return out.sort(byTreeOrder);
}

export function resolveView(
  base: DashboardBase,
  query: Pick<DashboardQuery, "orgIds" | "orgKind" | "memberCategory">,
): DashboardView {
  const picked = query.orgIds
    .map((id) => base.orgs.get(id))
    .filter((o): o is DashboardOrg => !!o && visiblePath(base, o.path))
    .sort(byTreeOrder);
  const outermost: DashboardOrg[] = [];
  for (const org of picked)
    if (!outermost.some((kept) => isWithinSubtree(org.path, kept.path))) outermost.push(org);
  const focus = outermost.length ? outermost : defaultFocus(base);
  const focusPaths = focus.map((o) => o.path);
  const inFocus = (path: string) => focusPaths.some((f) => isWithinSubtree(path, f));
  const { orgKind, memberCategory } = query;

  const findPlace = (r: Pick<QuotaResult, "subjectKind" | "subjectId">): string | null => {
    if (r.subjectKind === "organization") {
      if (memberCategory) return null;
      const org = base.orgs.get(r.subjectId);
      if (!org || !inFocus(org.path)) return null;
      if (orgKind && org.kind !== orgKind) return null;
      return org.path;
    }
    if (r.subjectKind === "member") {
      const member = base.members.get(r.subjectId);
      if (!member || !member.orgPath || !inFocus(member.orgPath)) return null;
      if (memberCategory && member.category !== memberCategory) return null;
      if (orgKind && base.orgs.get(member.orgId)?.kind !== orgKind) return null;
      return member.orgPath;
    }
    return null;
  };
  // A subject has a result per quota (and window): its place is looked up once.
  const orgPlaces = new Map<string, string | null>();
  const memberPlaces = new Map<string, string | null>();
  const placeOf = (r: Pick<QuotaResult, "subjectKind" | "subjectId">): string | null => {
    const places =
      r.subjectKind === "organization"
        ? orgPlaces
        : r.subjectKind === "member"
          ? memberPlaces
          : null;
    if (places === null) return null;
    let place = places.get(r.subjectId);
    if (place === undefined) places.set(r.subjectId, (place = findPlace(r)));
    return place;
  };
  return { focus, defaultFocus: outermost.length === 0, orgKind, memberCategory, placeOf };
}

/** viewResults already listed, per view and evaluation (a dashboard reads them several times). */
const listedResults = new WeakMap<
  DashboardView,
  WeakMap<CampaignEvaluation, { result: QuotaResult; path: string }[]>
>();

/**
 * Top-level results (no composite parts, no population results) of the subjects in the view.
 * The list is kept for the view and evaluation: do not change it.
 */
export function viewResults(
  evaluation: CampaignEvaluation,
  view: DashboardView,
): ReadonlyArray<{ result: QuotaResult; path: string }> {
  let byEvaluation = listedResults.get(view);
  if (!byEvaluation) listedResults.set(view, (byEvaluation = new WeakMap()));
  const listed = byEvaluation.get(evaluation);
  if (listed) return listed;
  const out: { result: QuotaResult; path: string }[] = [];
  for (const r of evaluation.results) {
    if (r.partId || r.subjectKind === "population") continue;
    const path = view.placeOf(r);
    if (path) out.push({ result: r, path });
  }
  byEvaluation.set(evaluation, out);
  return out;
}

export type RollupNode = {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  code: string;
  level: OrgLevel;
  kind: OrgKind;
  /** Depth below its focus root (0 for a focus root). */
  depth: number;
  closed: boolean;
  childIds: string[];
  overall: Cell;
  quotas: Record<string, Cell>;
};

/**
 * The roll-up through the tree: for every organization of the focus subtrees, the counts of its
 * subtree's subjects per quota (organization subjects in the subtree, member subjects whose
 * current organization is in it) and over all quotas. Nodes come in tree order (depth first).
 * Organizations closed by the as-of date appear only while some subject under them counts.
 */
export function buildRollup(
  base: DashboardBase,
  view: DashboardView,
  quotaIds: readonly string[],
): RollupNode[] {
  const focusPaths = view.focus.map((o) => o.path);
  const nodes = new Map<string, RollupNode>();
  const candidates = [...base.orgs.values()]
    .filter((o) => focusPaths.some((f) => isWithinSubtree(o.path, f)))
    .sort(byTreeOrder);
  for (const o of candidates) {
    const focusRoot = view.focus.find((f) => isWithinSubtree(o.path, f.path))!;
    nodes.set(o.id, {
      id: o.id,
      parentId: o.parentId,
      name: o.name,
      nameEn: o.nameEn,
      code: o.code,
      level: o.level,
      kind: o.kind,
      depth: o.depth - focusRoot.depth,
      closed: o.validTo !== null && o.validTo <= base.asOf,
      childIds: [],
      overall: emptyCell(),
      quotas: Object.fromEntries(quotaIds.map((id) => [id, emptyCell()])),
    });
  }
  // The roll-up nodes on each path, found once per path rather than once per result.
  const nodesOnPath = new Map<string, RollupNode[]>();
  for (const { result, path } of viewResults(base.evaluation, view)) {
    let onPath = nodesOnPath.get(path);
    if (!onPath) {
      onPath = [];
      for (const id of path.split("/")) {
        const node = nodes.get(id);
        if (node) onPath.push(node);
      }
      nodesOnPath.set(path, onPath);
    }
    for (const node of onPath) {
      const cell = node.quotas[result.quotaId];
      if (!cell) continue;
      addToCell(cell, result.status);
      addToCell(node.overall, result.status);
    }
  }
  const filtered = view.orgKind !== null || view.memberCategory !== null;
  const keep = (n: RollupNode) => {
    if (n.depth === 0) return true;
    const opened = base.orgs.get(n.id)!.validFrom <= base.asOf;
    if (!opened || n.closed) return n.overall.subjects > 0;
    return !filtered || n.overall.subjects + n.overall.notApplicable > 0;
  };
  const kept = new Map([...nodes].filter(([, n]) => keep(n)));
  // Children lists and a depth-first order.
  for (const n of kept.values()) {
    finishCell(n.overall);
    for (const c of Object.values(n.quotas)) finishCell(c);
    if (n.depth > 0 && n.parentId && kept.has(n.parentId))
      kept.get(n.parentId)!.childIds.push(n.id);
  }
  const ordered: RollupNode[] = [];
  const visit = (n: RollupNode) => {
    ordered.push(n);
    for (const id of n.childIds) visit(kept.get(id)!);
  };
  for (const f of view.focus) {
    const n = kept.get(f.id);
    if (n) visit(n);
  }
  return ordered;
}

/** Totals over the whole view, per quota and overall (the focus roots' cells added up). */
export function viewTotals(
  evaluation: CampaignEvaluation,
  view: DashboardView,
  quotaIds: readonly string[],
): { overall: Cell; quotas: Record<string, Cell> } {
  const overall = emptyCell();
  const quotas: Record<string, Cell> = Object.fromEntries(quotaIds.map((id) => [id, emptyCell()]));
  for (const { result } of viewResults(evaluation, view)) {
    const cell = quotas[result.quotaId];
    if (!cell) continue;
    addToCell(cell, result.status);
    addToCell(overall, result.status);
  }
  finishCell(overall);
  for (const c of Object.values(quotas)) finishCell(c);
  return { overall, quotas };
}

/** One subject's result for one quota, with names: a row of the at-risk list and of the drill-down. */
export type SubjectRow = {
  quotaId: string;
  subjectKind: "organization" | "member";
  subjectId: string;
  subjectName: string;
  /** Member number or organization code. */
  subjectCode: string;
  /** The member's current organization, or the organization itself. */
  orgId: string;
  orgName: string;
  status: ResultStatus;
  window: { start: string; end: string };
  final: boolean;
  achieved: number;
  targetValue: number;
  targetMax: number | null;
  expectedByNow: number;
  gap: number;
  unit: string;
  reason: QuotaResult["reason"] | null;
  /** Composite quotas: parts met and parts in all. */
  parts: { met: number; total: number } | null;
  recordCount: number;
};

export const SEVERITY: Record<ResultStatus, number> = {
  behind: 0,
  atRisk: 1,
  onTrack: 2,
  met: 3,
  notApplicable: 4,
};

export type AtRiskRow = SubjectRow & { status: "atRisk" | "behind" };

/** A subject's result as a row (names from the base). */
export function toSubjectRow(base: DashboardBase, r: QuotaResult): SubjectRow {
  const isOrg = r.subjectKind === "organization";
  const org = isOrg ? base.orgs.get(r.subjectId) : undefined;
  const member = isOrg ? undefined : base.members.get(r.subjectId);
  const memberOrg = member ? base.orgs.get(member.orgId) : undefined;
  return {
    quotaId: r.quotaId,
    subjectKind: isOrg ? "organization" : "member",
    subjectId: r.subjectId,
    subjectName: org?.name ?? member?.name ?? r.subjectId,
    subjectCode: org?.code ?? member?.number ?? "",
    orgId: org?.id ?? member?.orgId ?? "",
    orgName: org?.name ?? memberOrg?.name ?? "",
    status: r.status,
    window: r.window,
    final: r.final,
    achieved: r.achieved,
    targetValue: r.targetValue,
    targetMax: r.targetMax,
    expectedByNow: r.expectedByNow,
    gap: r.gap,
    unit: r.unit,
    reason: r.reason ?? null,
    parts: r.parts
      ? { met: r.parts.filter((p) => p.status === "met").length, total: r.parts.length }
      : null,
    recordCount: r.recordIds.length,
  };
}

/** Subjects behind pace or at risk, worst first: behind before at risk, then the largest gap for the target. */
export function buildAtRisk(base: DashboardBase, view: DashboardView): AtRiskRow[] {
  const rows = viewResults(base.evaluation, view)
    .filter(({ result }) => result.status === "atRisk" || result.status === "behind")
    .map(({ result }) => toSubjectRow(base, result) as AtRiskRow);
  return sortSubjectRows(rows);
}

/** Worst first: by status (behind, at risk, on track, met, not applicable), then the gap for the target, then the name. */
export function sortSubjectRows<T extends SubjectRow>(rows: T[]): T[] {
  const weight = (r: SubjectRow) => (r.targetValue > 0 ? r.gap / r.targetValue : r.gap);
  return rows.sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      weight(b) - weight(a) ||
      byName(a.subjectName, b.subjectName) ||
      byCode(a.subjectId, b.subjectId) ||
      byCode(a.quotaId, b.quotaId),
  );
}

export type TrendPoint = {
  date: string;
  subjects: number;
  met: number;
  onTrack: number;
  atRisk: number;
  behind: number;
  /** met / subjects. */
  metShare: number | null;
  /** (met + on track) / subjects. */
  metOrOnTrackShare: number | null;
};

export function trendPoint(
  date: string,
  evaluation: CampaignEvaluation,
  view: DashboardView,
): TrendPoint {
  // viewTotals' overall cell over every quota, without listing the results: a trend counts
  // a dozen evaluations of the whole campaign once each.
  const overall = emptyCell();
  for (const r of evaluation.results) {
    if (r.partId || r.subjectKind === "population") continue;
    if (view.placeOf(r)) addToCell(overall, r.status);
  }
  finishCell(overall);
  return {
    date,
    subjects: overall.subjects,
    met: overall.met,
    onTrack: overall.onTrack,
    atRisk: overall.atRisk,
    behind: overall.behind,
    metShare: overall.share,
    metOrOnTrackShare:
      overall.subjects > 0 ? (overall.met + overall.onTrack) / overall.subjects : null,
  };
}

export type PopulationFigure = {
  quotaId: string;
  status: ResultStatus;
  window: { start: string; end: string };
  /** Share of covered subjects meeting the inner target (0–1). */
  achieved: number;
  share: number;
  subjectsCovered: number;
  subjectsMet: number;
  subjectsNeeded: number;
};

/** Share-of-subjects quotas are judged over the whole campaign: shown only to those who read all of it, unfiltered. */
export function populationFigures(base: DashboardBase, view: DashboardView): PopulationFigure[] {
  const whole =
    base.seesWholeCampaign &&
    view.focus.length === 1 &&
    view.focus[0]!.id === base.campaign.rootOrgId &&
    !view.orgKind &&
    !view.memberCategory;
  if (!whole) return [];
  return base.evaluation.results
    .filter((r) => r.subjectKind === "population" && !r.partId)
    .map((r) => ({
      quotaId: r.quotaId,
      status: r.status,
      window: r.window,
      achieved: r.achieved,
      share: r.targetValue,
      subjectsCovered: r.share?.subjectsCovered ?? 0,
      subjectsMet: r.share?.subjectsMet ?? 0,
      subjectsNeeded: r.share?.subjectsNeeded ?? 0,
    }));
}
