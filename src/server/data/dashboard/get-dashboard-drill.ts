import type { ResultStatus } from "@/rules";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import { notFound } from "../../errors";
import { loadDashboardBase } from "./dashboard-base";
import type { DashboardQuery } from "./dashboard-query";
import {
  buildRollup,
  emptyCell,
  quotaInfos,
  resolveView,
  sortSubjectRows,
  toSubjectRow,
  viewResults,
  visiblePath,
  type Cell,
  type RollupNode,
  type SubjectRow,
} from "./dashboard-view";

export type DrillParams = {
  /** The organization whose subtree is listed; default the first focus root. */
  node?: string;
  /** One quota; without it, the node's figures for every quota. */
  quotaId?: string;
  status?: ResultStatus;
  page: number;
  pageSize?: number;
};

export type DashboardDrill = Awaited<ReturnType<typeof getDashboardDrill>>;

/**
 * Drill-down behind a dashboard figure: one organization's subtree (within the filters), its
 * figures per quota, the organizations directly below it, and — for one quota — the subjects
 * themselves, worst first, a page at a time, each with the count of records behind its result.
 * NOT_FOUND for an organization or quota the actor cannot see in this campaign.
 */
export async function getDashboardDrill(actor: Actor, query: DashboardQuery, params: DrillParams) {
  const base = await loadDashboardBase(actor, query.campaignId, query.asOf);
  const outer = resolveView(base, query);
  const nodeOrg = params.node ? base.orgs.get(params.node) : outer.focus[0];
  if (!nodeOrg || !visiblePath(base, nodeOrg.path)) throw notFound("组织");
  const quotas = quotaInfos(base).filter((q) => !q.population);
  const quota = params.quotaId ? quotas.find((q) => q.id === params.quotaId) : undefined;
  if (params.quotaId && !quota) throw notFound("指标");

  const view = resolveView(base, { ...query, orgIds: [nodeOrg.id] });
  const ids = quotas.map((q) => q.id);
  const rollup = buildRollup(base, view, ids);
  const node = rollup[0];
  const children: RollupNode[] = node
    ? node.childIds.map((id) => rollup.find((n) => n.id === id)!)
    : [];
  const cellOf = (n: RollupNode | undefined): Cell =>
    n ? (quota ? n.quotas[quota.id]! : n.overall) : emptyCell();

  // The path from the outer focus (or the actor's scope) down to the node, for the breadcrumb.
  const trail = nodeOrg.path
    .split("/")
    .map((id) => base.orgs.get(id))
    .filter(
      (o): o is NonNullable<typeof o> =>
        !!o &&
        visiblePath(base, o.path) &&
        outer.focus.some((f) => isWithinSubtree(o.path, f.path) || isWithinSubtree(f.path, o.path)),
    )
    .map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn }));

  let subjects: SubjectRow[] = [];
  const counts: Record<ResultStatus, number> = {
    met: 0,
    onTrack: 0,
    atRisk: 0,
    behind: 0,
    notApplicable: 0,
  };
  if (quota) {
    const all = viewResults(base.evaluation, view)
      .filter(({ result }) => result.quotaId === quota.id)
      .map(({ result }) => toSubjectRow(base, result));
    for (const r of all) counts[r.status]++;
    subjects = sortSubjectRows(params.status ? all.filter((r) => r.status === params.status) : all);
  }
  const pageSize = params.pageSize ?? 50;
  const total = subjects.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, params.page), pageCount);

  return {
    campaign: base.campaign,
    node: {
      id: nodeOrg.id,
      name: nodeOrg.name,
      nameEn: nodeOrg.nameEn,
      level: nodeOrg.level,
      cell: cellOf(node),
    },
    trail,
    quota: quota ?? null,
    quotas,
    /** The node's figures per quota (the overview when no quota is chosen). */
    quotaCells: quotas.map((q) => ({ quota: q, cell: node?.quotas[q.id] ?? emptyCell() })),
    children: children.map((c) => ({
      id: c.id,
      name: c.name,
      nameEn: c.nameEn,
      level: c.level,
      closed: c.closed,
      cell: cellOf(c),
    })),
    counts,
    subjects: subjects.slice((page - 1) * pageSize, page * pageSize),
    total,
    page,
    pageCount,
    pageSize,
  };
}
