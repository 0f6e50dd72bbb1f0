import { Suspense } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import {
  achievedText,
  orgName,
  percent,
  percentText,
  quotaName,
  reasonText,
  statusText,
  targetText,
  type DashboardText,
  type Translate,
} from "@/server/data/dashboard/dashboard-text";
import { getCampaignDashboard } from "@/server/data/dashboard/get-campaign-dashboard";
import { ResultStatusBadge } from "../campaigns/_components/status-badge";
import { HorizontalBarChart } from "./_components/bar-chart";
import { ExportLinks } from "./_components/export-links";
import { DashboardFilters } from "./_components/filters";
import { Heatmap } from "./_components/heatmap";
import { dashboardHref, drillHref, recordsHref, summaryHref } from "./_components/href";
import { loadDashboardContext, orNotFound } from "./_components/load";
import { RollupTable } from "./_components/rollup-table";
import { TrendSection } from "./_components/trend-section";
import { ScrollRegion } from "./_components/scroll-region";

const ROW_CAP = 30;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

const AT_RISK_PAGE_SIZE = 20;

export default async function DashboardPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { actor, campaigns, query } = await loadDashboardContext(raw);
  const [t, tc, common, locale] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("campaigns"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  if (!query) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
          {t("noCampaigns")}
        </p>
      </>
    );
  }
  const d = await orNotFound(getCampaignDashboard(actor, query, { trend: false }));
  const q = d.query;
  const text: DashboardText = {
    t: t as unknown as Translate,
    tc: tc as unknown as Translate,
    common: common as unknown as Translate,
    locale,
  };
  const quotas = new Map(d.quotas.map((x) => [x.id, x]));
  const focusNames = d.focus.map((o) => orgName(o, locale)).join("、");
  const firstFocus = d.focus[0]?.id;

  const riskPage = Math.max(
    1,
    Number(Array.isArray(raw.riskPage) ? raw.riskPage[0] : raw.riskPage) || 1,
  );
  const riskPages = Math.max(1, Math.ceil(d.atRisk.length / AT_RISK_PAGE_SIZE));
  const riskSlice = d.atRisk.slice(
    (Math.min(riskPage, riskPages) - 1) * AT_RISK_PAGE_SIZE,
    Math.min(riskPage, riskPages) * AT_RISK_PAGE_SIZE,
  );
  const byStatus = {
    atRisk: d.atRisk.filter((r) => r.status === "atRisk").length,
    behind: d.atRisk.filter((r) => r.status === "behind").length,
  };

  // A focus with many organizations below it (a college of a hundred branches) shows the first
  // ROW_CAP of them unless all are asked for: every row is a dozen linked cells.
  const allRows = raw.rows === "all";
  const allChildRows = d.heatmap.filter((r) => !r.summary);
  const capped = !allRows && allChildRows.length > ROW_CAP;
  const keptIds = new Set(allChildRows.slice(0, capped ? ROW_CAP : undefined).map((r) => r.orgId));
  const heatmapRows = d.heatmap.filter((r) => r.summary || keptIds.has(r.orgId));
  const childRows = heatmapRows.filter((r) => !r.summary);
  const rowsNote = capped ? (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
      {t("rowsCapped", { shown: ROW_CAP, count: allChildRows.length })}
      <Link
        href={`${dashboardHref(q, { rows: "all" })}#heatmap-h`}
        className="inline-flex min-h-11 items-center text-red-900 underline underline-offset-2"
      >
        {t("rowsShowAll", { count: allChildRows.length })}
      </Link>
    </p>
  ) : null;
  const exportLabels = { csv: t("export.csv"), xlsx: t("export.xlsx") };

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={
          <>
            <span className="font-medium text-stone-800">{orgName(d.campaign, locale)}</span>
            {" · "}
            {t("asOfLine", { date: formatDay(q.asOf, locale) })}
            {" · "}
            {t("scopeLine", { orgs: focusNames })}
            {" · "}
            {t("figuresLine", { time: formatDateTime(d.figures.computedAt, locale) })}
            {d.figures.stale ? t("figuresStale") : null}
          </>
        }
        actions={
          <>
            <LinkButton href={summaryHref(q)}>{t("summary.open")}</LinkButton>
            <LinkButton href={`/campaigns/${d.campaign.id}`} variant="secondary">
              {t("openCampaign")}
            </LinkButton>
          </>
        }
      />
      {!d.seesWholeCampaign ? (
        <p role="note" className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {t("partialScope", { orgs: d.scope.map((o) => orgName(o, locale)).join("、") })}
        </p>
      ) : null}

      <DashboardFilters
        action="/dashboard"
        campaigns={campaigns}
        orgOptions={d.orgOptions}
        orgOptionsTrimmed={d.orgOptionsTrimmed}
        query={q}
        locale={locale}
      />

      {d.notStarted ? (
        <p className="mb-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("notStarted", { date: formatDay(d.campaign.startDate, locale) })}
        </p>
      ) : null}

      <section aria-labelledby="kpi-h" className="mb-8">
        <h2 id="kpi-h" className="sr-only">
          {t("kpi.heading")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <li className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">{t("kpi.metShare")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-stone-900">
              {firstFocus ? (
                <Link
                  href={drillHref(q, { node: firstFocus })}
                  className="underline underline-offset-4"
                >
                  {percentText(d.totals.overall.share, locale)}
                </Link>
              ) : (
                percentText(d.totals.overall.share, locale)
              )}
            </p>
            <p className="text-xs text-stone-600">
              {t("kpi.metOf", { met: d.totals.overall.met, subjects: d.totals.overall.subjects })}
            </p>
          </li>
          <li className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">{t("kpi.onTrack")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-sky-900">
              {d.totals.overall.onTrack}
            </p>
            <p className="text-xs text-stone-600">{t("kpi.onTrackHint")}</p>
          </li>
          <li className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">{t("kpi.atRisk")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-amber-900">
              <a href="#at-risk" className="underline underline-offset-4">
                {byStatus.atRisk}
              </a>
            </p>
            <p className="text-xs text-stone-600">{t("kpi.atRiskHint")}</p>
          </li>
          <li className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">{t("kpi.behind")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-red-900">
              <a href="#at-risk" className="underline underline-offset-4">
                {byStatus.behind}
              </a>
            </p>
            <p className="text-xs text-stone-600">{t("kpi.behindHint")}</p>
          </li>
        </ul>
        {d.population.length ? (
          <ul className="mt-3 grid gap-1 text-sm text-stone-700">
            {d.population.map((p) => (
              <li key={p.quotaId} className="flex flex-wrap items-center gap-2">
                <ResultStatusBadge status={p.status} label={statusText(text, p.status)} />
                {t("population", {
                  quota: quotaName(quotas.get(p.quotaId)!, locale),
                  met: p.subjectsMet,
                  covered: p.subjectsCovered,
                  needed: p.subjectsNeeded,
                  share: percentText(p.achieved, locale),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="trend-h" className="mb-10">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="trend-h" className="text-lg font-semibold">
              {t("trend.heading")}
            </h2>
            <p className="text-sm text-stone-600">{t("trend.hint")}</p>
          </div>
          <ExportLinks query={q} table="trend" label={t("trend.heading")} {...exportLabels} />
        </div>
        <Suspense
          fallback={
            <p
              role="status"
              className="h-72 animate-pulse rounded-lg bg-stone-200/60 p-4 text-sm text-stone-700"
            >
              {t("trend.loading")}
            </p>
          }
        >
          <TrendSection actor={actor} query={q} locale={locale} />
        </Suspense>
      </section>

      <section aria-labelledby="heatmap-h" className="mb-10">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="heatmap-h" className="text-lg font-semibold">
              {t("heatmap.heading")}
            </h2>
            <p className="text-sm text-stone-600">{t("heatmap.hint")}</p>
          </div>
          <ExportLinks query={q} table="heatmap" label={t("heatmap.heading")} {...exportLabels} />
        </div>
        {d.visibleQuotas.length === 0 ? (
          <p className="text-sm text-stone-600">{t("heatmap.noQuotas")}</p>
        ) : (
          <>
            <Heatmap d={d} rows={heatmapRows} locale={locale} />
            {rowsNote}
          </>
        )}
      </section>

      <section aria-labelledby="rollup-h" className="mb-10">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="rollup-h" className="text-lg font-semibold">
              {t("rollup.heading")}
            </h2>
            <p className="text-sm text-stone-600">{t("rollup.hint")}</p>
          </div>
          <ExportLinks query={q} table="rollup" label={t("rollup.heading")} {...exportLabels} />
        </div>
        {childRows.length > 1 ? (
          <div className="mb-4 rounded-lg border border-stone-200 bg-white p-4">
            <HorizontalBarChart
              data={childRows.map((r) => ({
                name: orgName(r, locale),
                value: percent(r.overall.share) ?? 0,
              }))}
              label={t("rollup.chartLabel", { count: childRows.length })}
              unit="%"
              max={100}
            />
            <p className="mt-1 text-xs text-stone-600">{t("rollup.chartNote")}</p>
          </div>
        ) : null}
        <RollupTable
          d={d}
          locale={locale}
          expanded={raw.rollup === "all"}
          cap={allRows ? null : ROW_CAP}
        />
      </section>

      <section aria-labelledby="at-risk-h" id="at-risk" className="mb-10 scroll-mt-4">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="at-risk-h" className="text-lg font-semibold">
              {t("atRisk.heading")}
            </h2>
            <p className="text-sm text-stone-600">
              {t("atRisk.hint", { behind: byStatus.behind, atRisk: byStatus.atRisk })}
            </p>
          </div>
          <ExportLinks query={q} table="atRisk" label={t("atRisk.heading")} {...exportLabels} />
        </div>
        {d.atRisk.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
            {t("atRisk.empty")}
          </p>
        ) : (
          <ScrollRegion label={t("atRisk.heading")}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("atRisk.heading")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  {(
                    ["subject", "org", "quota", "achieved", "gap", "status", "reason"] as const
                  ).map((k) => (
                    <th key={k} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t(`col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {riskSlice.map((r) => {
                  const quota = quotas.get(r.quotaId);
                  return (
                    <tr key={`${r.quotaId}-${r.subjectKind}-${r.subjectId}`} className="align-top">
                      <th scope="row" className="px-3 py-2 font-normal">
                        <Link
                          href={recordsHref(q, r.quotaId, r.subjectKind, r.subjectId)}
                          className="font-medium text-red-900 underline underline-offset-2"
                        >
                          {r.subjectName}
                        </Link>
                        <span className="block text-xs text-stone-600">
                          {t(`subjectKind.${r.subjectKind}`)} · {r.subjectCode}
                        </span>
                      </th>
                      <td className="px-3 py-2">{r.orgName}</td>
                      <td className="px-3 py-2">{quota ? quotaName(quota, locale) : r.quotaId}</td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                        {achievedText(text, r)} / {targetText(text, r)}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.gap}</td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <ResultStatusBadge status={r.status} label={statusText(text, r.status)} />
                      </td>
                      <td className="px-3 py-2">{reasonText(text, r)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {riskPages > 1 ? (
          <nav
            aria-label={t("atRisk.pages", {
              page: Math.min(riskPage, riskPages),
              pages: riskPages,
              total: d.atRisk.length,
            })}
            className="mt-3 flex flex-wrap items-center justify-between gap-2"
          >
            <p className="text-sm text-stone-600">
              {t("atRisk.pages", {
                page: Math.min(riskPage, riskPages),
                pages: riskPages,
                total: d.atRisk.length,
              })}
            </p>
            <div className="flex gap-2">
              {riskPage > 1 ? (
                <Link
                  href={`${dashboardHref(q, { riskPage: riskPage - 1 })}#at-risk`}
                  rel="prev"
                  className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm hover:bg-stone-50"
                >
                  {common("pagination.prev")}
                </Link>
              ) : null}
              {riskPage < riskPages ? (
                <Link
                  href={`${dashboardHref(q, { riskPage: riskPage + 1 })}#at-risk`}
                  rel="next"
                  className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm hover:bg-stone-50"
                >
                  {common("pagination.next")}
                </Link>
              ) : null}
            </div>
          </nav>
        ) : null}
      </section>
    </>
  );
}
