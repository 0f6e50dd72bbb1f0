import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay, formatDateTime } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import {
  activityTypeText,
  formatAmount,
  orgName,
  percentText,
  quotaName,
  statusText,
  type DashboardText,
  type Translate,
} from "@/server/data/dashboard/dashboard-text";
import { getCampaignSummary, type RankedOrg } from "@/server/data/dashboard/get-campaign-summary";
import { HorizontalBarChart } from "../_components/bar-chart";
import { DashboardFilters } from "../_components/filters";
import { dashboardHref } from "../_components/href";
import { loadDashboardContext, orNotFound } from "../_components/load";
import { PrintButton } from "../_components/print-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("summary.title") };
}

// Printing: no site header or navigation, A4 with margins, each section from a new page, and
// charts scaled to the paper width.
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { background: #fff !important; }
  body header, body nav, a[href="#main"], .print\\:hidden { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  .summary-section { break-before: page; page-break-before: always; }
  .summary-section:first-of-type { break-before: auto; page-break-before: auto; }
  table, figure, .avoid-break { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  svg.recharts-surface { max-width: 100%; height: auto; }
  a { color: inherit !important; text-decoration: none !important; }
}
`;

/**
 * A campaign summary to print or save as PDF: the figures a closing report cites (seed 003):
 * participation, records by type, quota compliance, opinions collected, ratings by star band, and
 * the leading and lagging organizations — for the dashboard's view (campaign, date, subtrees, filters).
 */
export default async function SummaryPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { actor, campaigns, query } = await loadDashboardContext(raw);
  if (!query) notFound();
  const s = await orNotFound(getCampaignSummary(actor, query));
  const d = s.dashboard;
  const [t, tc, common, locale] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("campaigns"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const text: DashboardText = {
    t: t as unknown as Translate,
    tc: tc as unknown as Translate,
    common: common as unknown as Translate,
    locale,
  };
  const q = d.query;
  const quotas = new Map(d.quotas.map((x) => [x.id, x]));
  const focusNames = d.focus.map((o) => orgName(o, locale)).join("、");
  const th = "whitespace-nowrap border-b border-stone-300 px-2 py-1.5 font-medium";
  const td = "border-b border-stone-100 px-2 py-1.5";
  const num = `${td} text-right tabular-nums`;

  const rankedTable = (rows: RankedOrg[], caption: string) => (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium text-stone-800">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            #
          </th>
          <th scope="col" className={th}>
            {t("col.org")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("col.metShareShort")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("col.met")}/{t("col.subjects")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("col.behind")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id}>
            <td className={`${td} tabular-nums`}>{i + 1}</td>
            <th scope="row" className={`${td} font-normal`}>
              {orgName(r, locale)}
            </th>
            <td className={num}>{percentText(r.cell.share, locale)}</td>
            <td className={num}>
              {r.cell.met}/{r.cell.subjects}
            </td>
            <td className={num}>{r.cell.behind}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href={dashboardHref(q)} className="text-sm text-red-900 underline underline-offset-2">
          {t("summary.back")}
        </Link>
        <PrintButton label={t("summary.print")} />
      </div>
      <div className="print:hidden">
        <DashboardFilters
          action="/dashboard/summary"
          campaigns={campaigns}
          orgOptions={d.orgOptions}
          orgOptionsTrimmed={d.orgOptionsTrimmed}
          query={q}
          locale={locale}
        />
      </div>

      <article className="rounded-lg border border-stone-200 bg-white p-6 print:border-0 print:p-0">
        <div className="mb-6 border-b border-stone-300 pb-3 text-center">
          <h1 className="text-2xl font-semibold text-stone-900">
            {t("summary.heading", { campaign: orgName(d.campaign, locale) })}
          </h1>
          <p className="mt-1 text-sm text-stone-700">
            {t("summary.meta", {
              from: formatDay(d.campaign.startDate, locale),
              to: formatDay(d.campaign.endDate, locale),
              asOf: formatDay(q.asOf, locale),
              orgs: focusNames,
            })}
          </p>
          {q.orgKind || q.memberCategory ? (
            <p className="text-xs text-stone-600">
              {[
                q.orgKind ? `${t("filters.orgKind")}：${common(`orgKind.${q.orgKind}`)}` : null,
                q.memberCategory
                  ? `${t("filters.memberCategory")}：${common(`memberCategory.${q.memberCategory}`)}`
                  : null,
              ]
                .filter(Boolean)
                .join("；")}
            </p>
          ) : null}
          <p className="text-xs text-stone-500">
            {t("summary.generated", { at: formatDateTime(new Date(), locale) })}
          </p>
        </div>

        <section aria-labelledby="s-overview" className="summary-section mb-8">
          <h2 id="s-overview" className="mb-2 text-lg font-semibold">
            {t("summary.overview")}
          </h2>
          <dl className="avoid-break grid gap-3 sm:grid-cols-2">
            <div className="rounded-md border border-stone-200 p-3">
              <dt className="text-sm text-stone-600">{t("summary.participation")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">
                {percentText(s.participation.share, locale)}
              </dd>
              <dd className="text-sm text-stone-700">
                {t("summary.participationLine", {
                  participants: s.participation.participants,
                  members: s.participation.members,
                })}
              </dd>
            </div>
            <div className="rounded-md border border-stone-200 p-3">
              <dt className="text-sm text-stone-600">{t("summary.activities")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{s.activity.approved}</dd>
              <dd className="text-sm text-stone-700">
                {t("summary.activitiesLine", {
                  pending: s.activity.pending,
                  returned: s.activity.returned,
                  voided: s.activity.voided,
                  hours: formatAmount(s.activity.hours, locale),
                })}
              </dd>
            </div>
            <div className="rounded-md border border-stone-200 p-3">
              <dt className="text-sm text-stone-600">{t("kpi.metShare")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">
                {percentText(d.totals.overall.share, locale)}
              </dd>
              <dd className="text-sm text-stone-700">
                {t("summary.quotaLine", {
                  met: d.totals.overall.met,
                  subjects: d.totals.overall.subjects,
                  atRisk: d.totals.overall.atRisk,
                  behind: d.totals.overall.behind,
                })}
              </dd>
            </div>
            <div className="rounded-md border border-stone-200 p-3">
              <dt className="text-sm text-stone-600">{t("summary.opinions")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{s.opinions.received}</dd>
              <dd className="text-sm text-stone-700">
                {t("summary.opinionsLine", {
                  answered: s.opinions.answered,
                  toRectify: s.opinions.toRectify,
                  rectified: s.opinions.rectified,
                  rounds: s.opinions.rounds,
                })}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="s-quotas" className="summary-section mb-8">
          <h2 id="s-quotas" className="mb-2 text-lg font-semibold">
            {t("summary.quotas")}
          </h2>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("summary.quotas")}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("col.quota")}
                </th>
                {(["subjects", "met", "onTrack", "atRisk", "behind", "metShareShort"] as const).map(
                  (k) => (
                    <th key={k} scope="col" className={`${th} text-right`}>
                      {t(`col.${k}`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {d.visibleQuotas.map((quota) => {
                const c = d.totals.quotas[quota.id]!;
                return (
                  <tr key={quota.id}>
                    <th scope="row" className={`${td} font-normal`}>
                      {quotaName(quota, locale)}
                    </th>
                    <td className={num}>{c.subjects}</td>
                    <td className={num}>{c.met}</td>
                    <td className={num}>{c.onTrack}</td>
                    <td className={num}>{c.atRisk}</td>
                    <td className={num}>{c.behind}</td>
                    <td className={num}>{percentText(c.share, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {d.population.length ? (
            <ul className="mt-2 grid gap-1 text-sm text-stone-700">
              {d.population.map((p) => (
                <li key={p.quotaId}>
                  {t("population", {
                    quota: quotaName(quotas.get(p.quotaId)!, locale),
                    met: p.subjectsMet,
                    covered: p.subjectsCovered,
                    needed: p.subjectsNeeded,
                    share: percentText(p.achieved, locale),
                  })}
                  （{statusText(text, p.status)}）
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="s-types" className="summary-section mb-8">
          <h2 id="s-types" className="mb-2 text-lg font-semibold">
            {t("summary.byType")}
          </h2>
          {s.recordsByType.length === 0 ? (
            <p className="text-sm text-stone-600">{t("summary.noRecords")}</p>
          ) : (
            <div className="grid gap-4">
              <figure className="avoid-break max-w-2xl">
                <HorizontalBarChart
                  data={s.recordsByType.map((r) => ({
                    name: activityTypeText(text, r.type),
                    value: r.approved,
                  }))}
                  label={t("summary.byTypeChart", {
                    count: s.recordsByType.length,
                    total: s.activity.approved,
                  })}
                  color="#7f1d1d"
                />
                <figcaption className="text-xs text-stone-600">
                  {t("summary.byTypeCaption")}
                </figcaption>
              </figure>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("summary.byType")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      {t("col.type")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("summary.approved")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("summary.pending")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("summary.hours")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.recordsByType.map((r) => (
                    <tr key={r.type}>
                      <th scope="row" className={`${td} font-normal`}>
                        {activityTypeText(text, r.type)}
                      </th>
                      <td className={num}>{r.approved}</td>
                      <td className={num}>{r.pending}</td>
                      <td className={num}>{formatAmount(r.hours, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="s-ratings" className="summary-section mb-8">
          <h2 id="s-ratings" className="mb-2 text-lg font-semibold">
            {t("summary.ratings")}
          </h2>
          {s.ratings ? (
            <>
              <p className="mb-2 text-sm text-stone-700">
                {t("summary.ratingsMeta", {
                  year: s.ratings.year,
                  version: s.ratings.version,
                  asOf: formatDay(s.ratings.asOf, locale),
                  at: formatDateTime(s.ratings.publishedAt, locale),
                })}
              </p>
              <table className="w-full max-w-lg text-left text-sm">
                <caption className="sr-only">{t("summary.ratings")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      {t("summary.band")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("summary.bandOrgs")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("summary.bandMembers")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.ratings.bands.map((b) => (
                    <tr key={b.stars}>
                      <th scope="row" className={`${td} font-normal`}>
                        <span aria-hidden="true">{"★".repeat(b.stars)}</span>{" "}
                        {t("summary.stars", { stars: b.stars })}
                      </th>
                      <td className={num}>{b.organizations}</td>
                      <td className={num}>{b.members}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="text-sm text-stone-700">{t("summary.noRatings")}</p>
          )}
        </section>

        <section aria-labelledby="s-ranking" className="summary-section mb-2">
          <h2 id="s-ranking" className="mb-1 text-lg font-semibold">
            {t("summary.ranking")}
          </h2>
          <p className="mb-3 text-sm text-stone-600">
            {t(s.rankedLevel === "BRANCH" ? "summary.rankingBranches" : "summary.rankingChildren", {
              count: s.rankedCount,
            })}
          </p>
          {s.leading.length === 0 ? (
            <p className="text-sm text-stone-600">{t("summary.noRanking")}</p>
          ) : (
            <div className="grid gap-6 md:grid-cols-2">
              {rankedTable(s.leading, t("summary.leading"))}
              {s.lagging.length ? rankedTable(s.lagging, t("summary.lagging")) : null}
            </div>
          )}
        </section>
      </article>
    </>
  );
}
