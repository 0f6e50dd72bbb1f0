import { z } from "zod";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import { loadDashboardBase } from "./dashboard-base";
import type { DashboardQuery } from "./dashboard-query";
import { byName, resolveView, type Cell } from "./dashboard-view";
import { buildCampaignDashboard } from "./get-campaign-dashboard";
import { countCampaignOpinions } from "../opinions/opinion-summary";

export type TypeCount = { type: string; approved: number; pending: number; hours: number };
export type RankedOrg = {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
  cell: Cell;
};
export type RatingBandCount = { stars: number; organizations: number; members: number };

export type CampaignSummary = Awaited<ReturnType<typeof getCampaignSummary>>;

/** The part of a published rating snapshot the summary reads; anything else in it is ignored. */
const SnapshotSubject = z.object({ id: z.string(), stars: z.number().int().min(1).max(5) });
const Snapshot = z.object({
  organizations: z.array(z.unknown()).default([]),
  members: z.array(z.unknown()).default([]),
});

const RANKED = 5;

/**
 * The figures of a campaign closing report (seed 003 cites participation, activity counts,
 * opinions collected and results) for the view of `query`, as of its date:
 *   - participation: members of the view on the as-of date who attended or self-reported at
 *     least one counted record (approved, not voided, linked to the campaign, dated from the
 *     campaign's start to the as-of date), out of all of them;
 *   - records by type held by organizations of the view: approved (counted) and waiting for review;
 *   - quota compliance per quota (the dashboard's totals) and the share-of-subjects quotas;
 *   - ratings by star band from the latest published rating of the campaign, if any;
 *   - leading and lagging organizations: the top and bottom 5 branches (or, without branches,
 *     the organizations below the focus) by share of quota results met.
 *   - opinions collected through opinion rounds of the campaign (received, answered,
 *     rectified; see countCampaignOpinions) concerning organizations of the view.
 */
export async function getCampaignSummary(actor: Actor, query: DashboardQuery) {
  const base = await loadDashboardBase(actor, query.campaignId, query.asOf);
  const dashboard = buildCampaignDashboard(base, query);
  const view = resolveView(base, query);
  const focusPaths = view.focus.map((o) => o.path);
  const inFocus = (path: string | undefined) =>
    !!path && focusPaths.some((f) => isWithinSubtree(path, f));
  const asOf = query.asOf;
  const start = base.campaign.startDate;

  // Members of the view on the as-of date.
  const membersInView = new Set<string>();
  for (const m of base.parsed.file.members) {
    if (!view.placeOf({ subjectKind: "member", subjectId: m.id })) continue;
    const current =
      m.joinedAt <= asOf &&
      m.memberships.some((ms) => ms.from <= asOf && (ms.to == null || ms.to > asOf));
    if (current) membersInView.add(m.id);
  }
  const participants = new Set<string>();
  const byType = new Map<string, TypeCount>();
  let approved = 0;
  let pending = 0;
  let returned = 0;
  let voided = 0;
  let hours = 0;
  for (const r of base.parsed.records) {
    const day = r.date.slice(0, 10);
    if (day < start || day > asOf) continue;
    const counted = r.status === "APPROVED" && !r.voidedAt;
    if (counted) {
      for (const id of r.attendeeIds) if (membersInView.has(id)) participants.add(id);
      if (r.selfReportedBy && membersInView.has(r.selfReportedBy))
        participants.add(r.selfReportedBy);
    }
    const holder = base.orgs.get(r.orgId);
    if (!holder || !inFocus(holder.path) || (view.orgKind && holder.kind !== view.orgKind))
      continue;
    let entry = byType.get(r.type);
    if (!entry) byType.set(r.type, (entry = { type: r.type, approved: 0, pending: 0, hours: 0 }));
    if (counted) {
      approved++;
      entry.approved++;
      entry.hours += r.hours ?? 0;
      hours += r.hours ?? 0;
    } else if (r.voidedAt) voided++;
    else if (r.status === "SUBMITTED") {
      pending++;
      entry.pending++;
    } else if (r.status === "RETURNED") returned++;
  }
  const recordsByType = [...byType.values()]
    .filter((t) => t.approved + t.pending > 0)
    .map((t) => ({ ...t, hours: Math.round(t.hours * 100) / 100 }))
    .sort(
      (a, b) => b.approved - a.approved || b.pending - a.pending || a.type.localeCompare(b.type),
    );

  // Leading and lagging organizations.
  const withSubjects = dashboard.rollup.filter((n) => n.overall.subjects > 0);
  const branches = withSubjects.filter((n) => n.level === "BRANCH");
  const pool = branches.length >= 2 ? branches : withSubjects.filter((n) => n.depth === 1);
  const ranked: RankedOrg[] = pool
    .map((n) => ({ id: n.id, name: n.name, nameEn: n.nameEn, level: n.level, cell: n.overall }))
    .sort(
      (a, b) =>
        (b.cell.share ?? 0) - (a.cell.share ?? 0) ||
        b.cell.met - a.cell.met ||
        byName(a.name, b.name),
    );
  const leading = ranked.slice(0, RANKED);
  const lagging = ranked.slice(Math.max(RANKED, ranked.length - RANKED)).reverse();

  // Ratings: the latest published snapshot of the campaign.
  const publication = await withTenant(actor.tenantId, (tx) =>
    tx.ratingPublication.findFirst({
      where: { tenantId: actor.tenantId, campaignId: base.campaign.id },
      orderBy: [{ year: "desc" }, { version: "desc" }],
      select: { year: true, version: true, asOf: true, publishedAt: true, snapshot: true },
    }),
  );
  let ratings: {
    year: number;
    version: number;
    asOf: string;
    publishedAt: string;
    bands: RatingBandCount[];
  } | null = null;
  if (publication) {
    const snapshot = Snapshot.safeParse(publication.snapshot);
    const bands = new Map<number, RatingBandCount>(
      [5, 4, 3, 2, 1].map((s) => [s, { stars: s, organizations: 0, members: 0 }]),
    );
    if (snapshot.success) {
      for (const [kind, list] of [
        ["organization", snapshot.data.organizations],
        ["member", snapshot.data.members],
      ] as const) {
        for (const item of list) {
          const subject = SnapshotSubject.safeParse(item);
          if (!subject.success || !view.placeOf({ subjectKind: kind, subjectId: subject.data.id }))
            continue;
          const band = bands.get(subject.data.stars)!;
          if (kind === "organization") band.organizations++;
          else band.members++;
        }
      }
    }
    ratings = {
      year: publication.year,
      version: publication.version,
      asOf: isoDay(publication.asOf),
      publishedAt: publication.publishedAt.toISOString(),
      bands: [...bands.values()],
    };
  }

  const opinions = await withTenant(actor.tenantId, (tx) =>
    countCampaignOpinions(tx, actor.tenantId, base.campaign, focusPaths, asOf),
  );

  return {
    dashboard,
    opinions,
    participation: {
      members: membersInView.size,
      participants: participants.size,
      share: membersInView.size > 0 ? participants.size / membersInView.size : null,
    },
    activity: { approved, pending, returned, voided, hours: Math.round(hours * 100) / 100 },
    recordsByType,
    ratings,
    leading,
    lagging,
    rankedCount: ranked.length,
    rankedLevel: branches.length >= 2 ? ("BRANCH" as const) : ("CHILD" as const),
  };
}
