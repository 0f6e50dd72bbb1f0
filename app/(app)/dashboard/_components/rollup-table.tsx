import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CampaignDashboard } from "@/server/data/dashboard/get-campaign-dashboard";
import { orgName, percentText } from "@/server/data/dashboard/dashboard-text";
import { dashboardHref, drillHref } from "./href";
import { ShareBar } from "./share";
import { ScrollRegion } from "./scroll-region";

/**
 * The roll-up through the tree: per organization the share of its subtree's subject results met,
 * with the counts behind it. One level below each focus root unless `expanded` (then every
 * level); the export always has every level.
 */
export async function RollupTable({
  d,
  locale,
  expanded,
  cap = null,
}: {
  d: CampaignDashboard;
  locale: string;
  expanded: boolean;
  /** Unless expanded, at most this many rows below the focus roots (null: no limit). */
  cap?: number | null;
}) {
  const [t, common] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const q = d.query;
  let rows = expanded ? d.rollup : d.rollup.filter((n) => n.depth <= 1);
  if (!expanded && cap !== null) {
    let below = 0;
    rows = rows.filter((n) => n.depth === 0 || ++below <= cap);
  }
  const cls = "whitespace-nowrap px-3 py-2 text-right tabular-nums";
  return (
    <ScrollRegion label={t("rollup.caption")}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("rollup.caption")}</caption>
        <thead className="bg-stone-50 text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("col.org")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("col.metShareShort")}
            </th>
            {(["met", "subjects", "onTrack", "atRisk", "behind", "notApplicable"] as const).map(
              (k) => (
                <th
                  key={k}
                  scope="col"
                  className="whitespace-nowrap px-3 py-2 text-right font-medium"
                >
                  {t(`col.${k}`)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((n) => (
            <tr key={n.id}>
              <th
                scope="row"
                className="px-3 py-2 font-normal"
                style={{ paddingLeft: `${0.75 + n.depth * 1.5}rem` }}
              >
                {n.depth === 0 ? (
                  <span className="font-semibold">{orgName(n, locale)}</span>
                ) : (
                  <Link
                    href={dashboardHref({ ...q, orgIds: [n.id] })}
                    className="text-red-900 underline underline-offset-2"
                  >
                    {orgName(n, locale)}
                  </Link>
                )}
                <span className="ml-2 text-xs text-stone-500">
                  {common(`orgLevel.${n.level}`)}
                  {n.closed ? ` · ${t("rollup.closed")}` : ""}
                </span>
              </th>
              <td className="whitespace-nowrap px-3 py-2">
                <Link
                  href={drillHref(q, { node: n.id })}
                  className="inline-flex min-h-9 items-center gap-2 text-red-900 underline underline-offset-2"
                >
                  <ShareBar share={n.overall.share} />
                  <span className="tabular-nums">{percentText(n.overall.share, locale)}</span>
                  <span className="sr-only">
                    {orgName(n, locale)} {t("rollup.openDrill")}
                  </span>
                </Link>
              </td>
              <td className={cls}>{n.overall.met}</td>
              <td className={cls}>{n.overall.subjects}</td>
              <td className={cls}>{n.overall.onTrack}</td>
              <td className={cls}>{n.overall.atRisk}</td>
              <td className={cls}>{n.overall.behind}</td>
              <td className={cls}>{n.overall.notApplicable}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.rollup.length > rows.length ? (
        <p className="flex flex-wrap items-center gap-2 border-t border-stone-100 px-3 py-2 text-sm text-stone-600">
          {t("rollup.deeper", { count: d.rollup.length - rows.length })}
          <Link
            href={`${dashboardHref(q, { rollup: "all" })}#rollup-h`}
            className="inline-flex min-h-11 items-center text-red-900 underline underline-offset-2"
          >
            {t("rollup.expand")}
          </Link>
        </p>
      ) : null}
    </ScrollRegion>
  );
}
