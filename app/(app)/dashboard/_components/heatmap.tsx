import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CampaignDashboard } from "@/server/data/dashboard/get-campaign-dashboard";
import { orgName, percentText, quotaName } from "@/server/data/dashboard/dashboard-text";
import { dashboardHref, drillHref, quotaPageHref } from "./href";
import { NO_SUBJECTS_CLASS, SHARE_BANDS, ShareFigure, shareClass } from "./share";
import { ScrollRegion } from "./scroll-region";

/**
 * Organizations × quotas: the share of subjects meeting each quota, as a number in every cell
 * (with met/subjects) on a colour band. Each cell opens the subjects behind it; each row name
 * narrows the dashboard to that organization.
 */
export async function Heatmap({
  d,
  rows = d.heatmap,
  locale,
}: {
  d: CampaignDashboard;
  /** The rows to show (default: all of them). */
  rows?: CampaignDashboard["heatmap"];
  locale: string;
}) {
  const t = await getTranslations("dashboard");
  const q = d.query;
  return (
    <>
      <ScrollRegion label={t("heatmap.caption")}>
        <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
          <caption className="sr-only">{t("heatmap.caption")}</caption>
          <thead className="bg-stone-50 text-stone-700">
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 min-w-40 bg-stone-50 px-3 py-2 font-medium"
              >
                {t("col.org")}
              </th>
              <th scope="col" className="px-2 py-2 text-center font-medium">
                {t("col.overall")}
              </th>
              {d.visibleQuotas.map((quota) => (
                <th
                  key={quota.id}
                  scope="col"
                  className="min-w-24 px-2 py-2 align-bottom text-xs font-medium"
                >
                  <Link
                    href={quotaPageHref(d.campaign.id, quota.id, q.asOf)}
                    className="text-red-900 underline underline-offset-2"
                  >
                    {quotaName(quota, locale)}
                  </Link>
                  <span className="block font-normal text-stone-500">
                    {t(`subjectKind.${quota.subjectKind}`)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.orgId} className={row.summary ? "font-medium" : undefined}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-t border-stone-100 bg-white px-3 py-2 font-normal"
                >
                  {row.summary ? (
                    <span className="font-semibold">{orgName(row, locale)}</span>
                  ) : (
                    <Link
                      href={dashboardHref({ ...q, orgIds: [row.orgId] })}
                      className="text-red-900 underline underline-offset-2"
                    >
                      {orgName(row, locale)}
                    </Link>
                  )}
                  {row.summary ? (
                    <span className="block text-xs font-normal text-stone-500">
                      {t("heatmap.summaryRow")}
                    </span>
                  ) : null}
                </th>
                <td
                  className={`border-t border-white p-0 text-center ${shareClass(row.overall.share)}`}
                >
                  <Link
                    href={drillHref(q, { node: row.orgId })}
                    className="block min-h-11 px-2 py-1.5 hover:underline"
                  >
                    <ShareFigure cell={row.overall} locale={locale} />
                    <span className="sr-only">
                      {orgName(row, locale)} {t("col.overall")}
                    </span>
                  </Link>
                </td>
                {d.visibleQuotas.map((quota) => {
                  const cell = row.cells[quota.id]!;
                  return (
                    <td
                      key={quota.id}
                      className={`border-t border-l border-white p-0 text-center ${shareClass(cell.share)}`}
                    >
                      {cell.subjects + cell.notApplicable === 0 ? (
                        <span className="block px-2 py-1.5" title={t("heatmap.noSubjects")}>
                          —<span className="sr-only">{t("heatmap.noSubjects")}</span>
                        </span>
                      ) : (
                        <Link
                          href={drillHref(q, { node: row.orgId, quota: quota.id })}
                          className="block min-h-11 px-2 py-1.5 hover:underline"
                        >
                          <ShareFigure cell={cell} locale={locale} />
                          <span className="sr-only">
                            {orgName(row, locale)} · {quotaName(quota, locale)}
                          </span>
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-xs text-stone-700">
        <span>{t("heatmap.legend")}：</span>
        {SHARE_BANDS.map((b, i) => (
          <span key={b.min} className="inline-flex items-center gap-1">
            <span className={`inline-block rounded px-1.5 py-0.5 ${b.className}`}>
              {i === 0
                ? `≥ ${percentText(b.min, locale)}`
                : `${percentText(b.min, locale)} – ${percentText(SHARE_BANDS[i - 1]!.min, locale)}`}
            </span>
          </span>
        ))}
        <span className={`inline-block rounded px-1.5 py-0.5 ${NO_SUBJECTS_CLASS}`}>
          — {t("heatmap.noSubjects")}
        </span>
        <span>{t("heatmap.cellHint")}</span>
      </div>
    </>
  );
}
