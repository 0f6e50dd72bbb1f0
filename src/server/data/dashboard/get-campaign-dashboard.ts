import type { Actor } from "../../authz/actor";
import { loadDashboardBase, type DashboardBase, type DashboardOrg } from "./dashboard-base";
import { dashboardTrendPoints } from "./dashboard-trend";
import type { DashboardQuery } from "./dashboard-query";
import {
  byName,
  buildAtRisk,
  defaultFocus,
  buildRollup,
  populationFigures,
  quotaInfos,
  resolveView,
  viewTotals,
  visiblePath,
  type AtRiskRow,
  type Cell,
  type PopulationFigure,
  type RollupNode,
  type TrendPoint,
} from "./dashboard-view";

export type HeatmapRow = {
  orgId: string;
  name: string;
  nameEn: string | null;
  level: RollupNode["level"];
  /** True for a focus root: the row sums up the rows below it. */
  summary: boolean;
  overall: Cell;
  cells: Record<string, Cell>;
};

export type OrgOption = {
  id: string;
  name: string;
  nameEn: string | null;
  level: DashboardOrg["level"];
  kind: DashboardOrg["kind"];
  depth: number;
};

/** Above this many organizations the picker lists only the top two levels (and what is picked). */
const LARGE_PICKER = 150;

export type CampaignDashboard = ReturnType<typeof buildCampaignDashboard>;

/**
 * The campaign dashboard for one campaign and as-of date, inside the actor's dashboard.read
 * scope and the filters: the roll-up through the organization tree, the heatmap of
 * organizations × quotas, the subjects at risk or behind, and (with `trend`) the share of
 * subjects met or on track at each month end so far. Every figure is a count over the rules
 * engine's results for the current windows (evaluateCampaignForActor's, evaluated once per
 * request). FORBIDDEN without dashboard.read; NOT_FOUND for a campaign the actor cannot read.
 */
export async function getCampaignDashboard(
  actor: Actor,
  query: DashboardQuery,
  options: { trend?: boolean } = {},
): Promise<CampaignDashboard> {
  const base = await loadDashboardBase(actor, query.campaignId, query.asOf);
  const trend =
    options.trend === false ? [] : await dashboardTrendPoints(base, resolveView(base, query));
  return { ...builtDashboard(base, query), figures: base.figures, trend };
}

/**
 * Dashboards built so far from each shared evaluation (a snapshot narrowed to one reader scope),
 * by reader scope and query: the same view of unchanged figures is built once, not per request
 * (on a large university the roll-up, heatmap and at-risk list take a few hundred milliseconds).
 */
const builtOf = new WeakMap<object, Map<string, CampaignDashboard>>();
const BUILT_PER_EVALUATION = 64;

function builtDashboard(base: DashboardBase, query: DashboardQuery): CampaignDashboard {
  const key = JSON.stringify([
    [...base.scopeRoots].sort(),
    query.campaignId,
    query.asOf,
    query.orgIds,
    query.orgKind,
    query.memberCategory,
  ]);
  let byKey = builtOf.get(base.evaluation);
  if (!byKey) builtOf.set(base.evaluation, (byKey = new Map()));
  let built = byKey.get(key);
  if (!built) {
    built = buildCampaignDashboard(base, query);
    byKey.set(key, built);
    if (byKey.size > BUILT_PER_EVALUATION) byKey.delete(byKey.keys().next().value!);
  }
  return built;
}

/**
 * The monthly trend of the dashboard of `query` alone: for pages that stream it after the rest
 * (the base is shared through the request cache, so the campaign is still loaded once).
 */
export async function getDashboardTrend(
  actor: Actor,
  query: DashboardQuery,
): Promise<TrendPoint[]> {
  const base = await loadDashboardBase(actor, query.campaignId, query.asOf);
  // Let the page's first part go out before this CPU-bound work starts.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return dashboardTrendPoints(base, resolveView(base, query));
}

/** getCampaignDashboard's figures from a loaded base (with the trend's points, if wanted). */
export function buildCampaignDashboard(
  base: DashboardBase,
  query: DashboardQuery,
  options: { trend?: TrendPoint[] } = {},
) {
  const view = resolveView(base, query);
  const quotas = quotaInfos(base);
  const gridQuotas = quotas.filter((q) => !q.population);
  const gridIds = gridQuotas.map((q) => q.id);
  const rollup = buildRollup(base, view, gridIds);
  const byId = new Map(rollup.map((n) => [n.id, n]));

  const heatmap: HeatmapRow[] = [];
  for (const f of view.focus) {
    const root = byId.get(f.id);
    if (!root) continue;
    for (const n of [root, ...root.childIds.map((id) => byId.get(id)!)]) {
      heatmap.push({
        orgId: n.id,
        name: n.name,
        nameEn: n.nameEn,
        level: n.level,
        summary: n === root,
        overall: n.overall,
        cells: n.quotas,
      });
    }
  }

  const trend = options.trend ?? [];

  // The organization picker: open organizations the actor reads inside the campaign, in tree order.
  const orgOptions: OrgOption[] = [];
  const open = [...base.orgs.values()].filter(
    (o) =>
      visiblePath(base, o.path) &&
      o.level !== "GROUP" &&
      o.validFrom <= query.asOf &&
      (o.validTo === null || o.validTo > query.asOf),
  );
  const children = new Map<string | null, DashboardOrg[]>();
  const openIds = new Set(open.map((o) => o.id));
  for (const o of open) {
    const parent = o.parentId && openIds.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || byName(a.name, b.name),
    );
    for (const o of list) {
      orgOptions.push({
        id: o.id,
        name: o.name,
        nameEn: o.nameEn,
        level: o.level,
        kind: o.kind,
        depth,
      });
      visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  // A large tree lists the top two levels (each stands for its subtree) and whatever is picked;
  // a branch is reached through the roll-up's links. A thousand check boxes made every dashboard
  // page a megabyte.
  const pickedIds = new Set(view.defaultFocus ? [] : view.focus.map((o) => o.id));
  const orgOptionsTrimmed = orgOptions.length > LARGE_PICKER;
  const shownOptions = orgOptionsTrimmed
    ? orgOptions.filter((o) => o.depth <= 1 || pickedIds.has(o.id))
    : orgOptions;

  const atRisk: AtRiskRow[] = buildAtRisk(base, view);
  const totals = viewTotals(base.evaluation, view, gridIds);
  const population: PopulationFigure[] = populationFigures(base, view);

  return {
    campaign: base.campaign,
    phases: base.definition.phases ?? [],
    query: {
      ...query,
      // Only the organizations that were understood stay in the query (and in links built from it).
      orgIds: view.defaultFocus ? [] : view.focus.map((o) => o.id),
    },
    seesWholeCampaign: base.seesWholeCampaign,
    /** The actor's own part of the campaign (what they see with no organization picked). */
    scope: defaultFocus(base).map((o) => ({
      id: o.id,
      name: o.name,
      nameEn: o.nameEn,
      level: o.level,
    })),
    focus: view.focus.map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn, level: o.level })),
    defaultFocus: view.defaultFocus,
    quotas,
    gridQuotas,
    /** Grid quotas with subjects in this view (the heatmap's columns): a leader's view has no school-level ones. */
    visibleQuotas: gridQuotas.filter((q) => {
      const c = totals.quotas[q.id];
      return !!c && c.subjects + c.notApplicable > 0;
    }),
    totals,
    rollup,
    heatmap,
    atRisk,
    trend,
    population,
    orgOptions: shownOptions,
    /** True when the picker lists only the top two levels of a large tree. */
    orgOptionsTrimmed,
    /** When the figures were computed and whether the data has changed since. */
    figures: base.figures,
    /** True when the as-of date lies before the campaign's start: nothing is evaluated yet. */
    notStarted: query.asOf < base.campaign.startDate,
  };
}
