import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/authz/actor";
import type { DashboardQuery } from "@/server/data/dashboard/dashboard-query";
import { percent, percentText } from "@/server/data/dashboard/dashboard-text";
import { getDashboardTrend } from "@/server/data/dashboard/get-campaign-dashboard";
import { TrendChart } from "./trend-chart";
import { ScrollRegion } from "./scroll-region";

/**
 * The monthly trend: a line chart and its figures as a table. Rendered inside a Suspense
 * boundary: the campaign is evaluated once per month end, so the rest of the page goes out first.
 */
export async function TrendSection({
  actor,
  query,
  locale,
}: {
  actor: Actor;
  query: DashboardQuery;
  locale: string;
}) {
  const [t, trend] = await Promise.all([
    getTranslations("dashboard"),
    getDashboardTrend(actor, query),
  ]);
  if (trend.length === 0) return <p className="text-sm text-stone-600">{t("trend.empty")}</p>;
  const last = trend[trend.length - 1]!;
  return (
    <div className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 lg:grid-cols-[2fr_1fr]">
      <TrendChart
        data={trend.map((p) => ({
          date: p.date,
          label: p.date.slice(0, 7),
          met: percent(p.metShare),
          metOrOnTrack: percent(p.metOrOnTrackShare),
        }))}
        label={t("trend.chartLabel", {
          from: trend[0]!.date,
          to: last.date,
          share: percentText(last.metOrOnTrackShare, locale),
        })}
        metName={t("trend.met")}
        metOrOnTrackName={t("trend.metOrOnTrack")}
      />
      <ScrollRegion label={t("trend.tableCaption")} className="max-h-72 overflow-y-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-xs text-stone-600">
            {t("trend.tableCaption")}
          </caption>
          <thead className="text-stone-700">
            <tr>
              <th scope="col" className="px-2 py-1 font-medium">
                {t("col.date")}
              </th>
              <th scope="col" className="px-2 py-1 text-right font-medium">
                {t("trend.met")}
              </th>
              <th scope="col" className="px-2 py-1 text-right font-medium">
                {t("trend.metOrOnTrack")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {trend.map((p) => (
              <tr key={p.date}>
                <th scope="row" className="px-2 py-1 font-normal tabular-nums">
                  {p.date}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">
                  {percentText(p.metShare, locale)}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {percentText(p.metOrOnTrackShare, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
