import { evaluateInTurns } from "../campaigns/campaign-evaluation";
import { DerivedCache, figureRefreshLimits } from "../derived-cache";
import { trendDates, type DashboardBase } from "./dashboard-base";
import { trendPoint, type DashboardView, type TrendPoint } from "./dashboard-view";

/**
 * The trend of one dashboard view: the share of its subjects met or on track at each month end so
 * far (at most 24 dates), the last point being the base's own date. Every earlier date is one more
 * evaluation of the campaign, so the points are shared between requests and readers through the
 * derived-figures cache, keyed by the view (its focus organizations and filters) and stamped with
 * the snapshot they were computed from: a reader whose view is the same sees the same points, and
 * after a change a large campaign's trend is refreshed in the background like its snapshot.
 *
 * The points are counted over the unnarrowed evaluations: a view holds only subjects inside its
 * focus, which lies inside the reader's scope, and no population results, so narrowing to the
 * reader first would change nothing.
 */
const trends = new DerivedCache<TrendPoint[]>({ size: 32, ...figureRefreshLimits() });

function viewKey(base: DashboardBase, view: DashboardView): string {
  return [
    base.snapshotId.split("|").slice(0, 3).join("|"),
    view.focus
      .map((o) => o.id)
      .sort()
      .join(","),
    view.orgKind ?? "",
    view.memberCategory ?? "",
  ].join("|");
}

export async function dashboardTrendPoints(
  base: DashboardBase,
  view: DashboardView,
): Promise<TrendPoint[]> {
  const read = await trends.get(viewKey(base, view), base.snapshotId, async () => {
    const dates = trendDates(base.campaign.startDate, base.campaign.endDate, base.asOf);
    const earlier = dates.filter((date) => date !== base.asOf);
    const points = new Map<string, TrendPoint>();
    // One pass over the records for all the earlier dates; each evaluation is counted and dropped
    // as it comes, and the event loop gets a turn between its steps.
    for await (const evaluation of evaluateInTurns(base.parsed, earlier, "current")) {
      points.set(evaluation.asOf, trendPoint(evaluation.asOf, evaluation, view));
    }
    return dates.map((date) =>
      date === base.asOf ? trendPoint(date, base.evaluation, view) : points.get(date)!,
    );
  });
  return read.value;
}
