import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { RESULT_STATUSES } from "@/rules";
import { DrillSearch } from "@/server/data/dashboard/dashboard-query";
import {
  achievedText,
  formatAmount,
  orgName,
  percentText,
  quotaName,
  reasonText,
  statusText,
  targetText,
  type DashboardText,
  type Translate,
} from "@/server/data/dashboard/dashboard-text";
import { getDashboardDrill } from "@/server/data/dashboard/get-dashboard-drill";
import { ResultStatusBadge } from "../../campaigns/_components/status-badge";
import { dashboardHref, drillHref, quotaPageHref, recordsHref } from "../_components/href";
import { loadDashboardContext, orNotFound } from "../_components/load";
import { ShareBar } from "../_components/share";
import { ScrollRegion } from "../_components/scroll-region";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("drill.title") };
}

/**
 * Behind a dashboard figure: an organization's figures per quota and the organizations below it;
 * for one quota, the subjects themselves (organizations and members), worst first, each leading
 * to the records behind its result.
 */
export default async function DrillPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { actor, query } = await loadDashboardContext(raw);
  if (!query) notFound();
  const drill = DrillSearch.parse(raw);
  const d = await orNotFound(
    getDashboardDrill(actor, query, {
      node: drill.node,
      quotaId: drill.quota,
      status: drill.status,
      page: drill.page,
    }),
  );
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
  const q = query;
  const quota = d.quota;
  const here = (extra: { node?: string; quota?: string; status?: string; page?: number }) =>
    drillHref(q, { node: d.node.id, quota: quota?.id, status: drill.status, ...extra });
  const num = "whitespace-nowrap px-3 py-2 text-right tabular-nums";

  return (
    <>
      <nav aria-label={t("drill.breadcrumb")} className="mb-2 text-sm text-stone-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href={dashboardHref(q)} className="underline underline-offset-2">
              {t("title")}
            </Link>
          </li>
          {d.trail.map((o) => (
            <li key={o.id} className="flex items-center gap-1">
              <span aria-hidden="true">›</span>
              {o.id === d.node.id ? (
                <span aria-current="page">{orgName(o, locale)}</span>
              ) : (
                <Link
                  href={drillHref(q, { node: o.id, quota: quota?.id })}
                  className="underline underline-offset-2"
                >
                  {orgName(o, locale)}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <PageHeader
        title={
          quota
            ? `${orgName(d.node, locale)} · ${quotaName(quota, locale)}`
            : t("drill.nodeTitle", { org: orgName(d.node, locale) })
        }
        subtitle={
          <>
            {orgName(d.campaign, locale)} · {t("asOfLine", { date: formatDay(q.asOf, locale) })}
            {quota?.window
              ? ` · ${t("drill.window", { from: formatDay(quota.window.start, locale), to: formatDay(quota.window.end, locale) })}`
              : ""}
          </>
        }
        actions={
          <>
            {quota ? (
              <LinkButton
                href={quotaPageHref(d.campaign.id, quota.id, q.asOf, drill.status)}
                variant="secondary"
              >
                {t("drill.quotaPage")}
              </LinkButton>
            ) : null}
            <LinkButton href={dashboardHref({ ...q, orgIds: [d.node.id] })} variant="secondary">
              {t("drill.focusDashboard")}
            </LinkButton>
          </>
        }
      />

      <p className="mb-6 text-sm text-stone-700">
        {t("drill.nodeFigure", {
          share: percentText(d.node.cell.share, locale),
          met: d.node.cell.met,
          subjects: d.node.cell.subjects,
          atRisk: d.node.cell.atRisk,
          behind: d.node.cell.behind,
        })}
      </p>

      {!quota ? (
        <section aria-labelledby="quotas-h" className="mb-8">
          <h2 id="quotas-h" className="mb-2 text-lg font-semibold">
            {t("drill.quotasHeading")}
          </h2>
          <ScrollRegion label={t("drill.quotasHeading")}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("drill.quotasHeading")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("col.quota")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("col.metShareShort")}
                  </th>
                  {(
                    ["met", "subjects", "onTrack", "atRisk", "behind", "notApplicable"] as const
                  ).map((k) => (
                    <th
                      key={k}
                      scope="col"
                      className="whitespace-nowrap px-3 py-2 text-right font-medium"
                    >
                      {t(`col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {d.quotaCells.map(({ quota: qq, cell }) => (
                  <tr key={qq.id}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link
                        href={drillHref(q, { node: d.node.id, quota: qq.id })}
                        className="font-medium text-red-900 underline underline-offset-2"
                      >
                        {quotaName(qq, locale)}
                      </Link>
                      <span className="block text-xs text-stone-600">
                        {t(`subjectKind.${qq.subjectKind}`)}
                      </span>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">
                      <span className="inline-flex items-center gap-2">
                        <ShareBar share={cell.share} />
                        <span className="tabular-nums">{percentText(cell.share, locale)}</span>
                      </span>
                    </td>
                    <td className={num}>{cell.met}</td>
                    <td className={num}>{cell.subjects}</td>
                    <td className={num}>{cell.onTrack}</td>
                    <td className={num}>{cell.atRisk}</td>
                    <td className={num}>{cell.behind}</td>
                    <td className={num}>{cell.notApplicable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      {d.children.length ? (
        <section aria-labelledby="children-h" className="mb-8">
          <h2 id="children-h" className="mb-2 text-lg font-semibold">
            {t("drill.childrenHeading")}
          </h2>
          <ScrollRegion label={t("drill.childrenHeading")}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("drill.childrenHeading")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("col.org")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("col.metShareShort")}
                  </th>
                  {(["met", "subjects", "atRisk", "behind"] as const).map((k) => (
                    <th
                      key={k}
                      scope="col"
                      className="whitespace-nowrap px-3 py-2 text-right font-medium"
                    >
                      {t(`col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {d.children.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link
                        href={drillHref(q, { node: c.id, quota: quota?.id })}
                        className="font-medium text-red-900 underline underline-offset-2"
                      >
                        {orgName(c, locale)}
                      </Link>
                      <span className="ml-2 text-xs text-stone-500">
                        {common(`orgLevel.${c.level}`)}
                        {c.closed ? ` · ${t("rollup.closed")}` : ""}
                      </span>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">
                      <span className="inline-flex items-center gap-2">
                        <ShareBar share={c.cell.share} />
                        <span className="tabular-nums">{percentText(c.cell.share, locale)}</span>
                      </span>
                    </td>
                    <td className={num}>{c.cell.met}</td>
                    <td className={num}>{c.cell.subjects}</td>
                    <td className={num}>{c.cell.atRisk}</td>
                    <td className={num}>{c.cell.behind}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      {quota ? (
        <section aria-labelledby="subjects-h" className="mb-8">
          <h2 id="subjects-h" className="mb-2 text-lg font-semibold">
            {t("drill.subjectsHeading")}
          </h2>
          <ul className="mb-3 flex flex-wrap gap-2" aria-label={t("drill.statusFilter")}>
            <li>
              <Link
                href={here({ status: undefined, page: undefined })}
                aria-current={!drill.status ? "true" : undefined}
                className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-200 bg-white px-3 text-sm hover:bg-stone-50 aria-[current=true]:border-red-700"
              >
                {t("drill.allStatuses")}
                <span className="tabular-nums">
                  {Object.values(d.counts).reduce((a, b) => a + b, 0)}
                </span>
              </Link>
            </li>
            {RESULT_STATUSES.map((s) => (
              <li key={s}>
                <Link
                  href={here({ status: s, page: undefined })}
                  aria-current={drill.status === s ? "true" : undefined}
                  className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-200 bg-white px-3 text-sm hover:bg-stone-50 aria-[current=true]:border-red-700"
                >
                  <ResultStatusBadge status={s} label={statusText(text, s)} />
                  <span className="tabular-nums">{d.counts[s]}</span>
                </Link>
              </li>
            ))}
          </ul>
          {d.subjects.length === 0 ? (
            <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
              {t("drill.noSubjects")}
            </p>
          ) : (
            <ScrollRegion label={t("drill.subjectsHeading")}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("drill.subjectsHeading")}</caption>
                <thead className="bg-stone-50 text-stone-700">
                  <tr>
                    {(
                      [
                        "subject",
                        "org",
                        "achieved",
                        "target",
                        "expected",
                        "gap",
                        "status",
                        "reason",
                        "records",
                      ] as const
                    ).map((k) => (
                      <th key={k} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                        {t(`col.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {d.subjects.map((r) => (
                    <tr key={`${r.subjectKind}-${r.subjectId}`} className="align-top">
                      <th scope="row" className="px-3 py-2 font-normal">
                        <span className="font-medium">{r.subjectName}</span>
                        <span className="block text-xs text-stone-600">
                          {t(`subjectKind.${r.subjectKind}`)} · {r.subjectCode}
                        </span>
                      </th>
                      <td className="px-3 py-2">{r.orgName}</td>
                      <td
                        className="whitespace-nowrap px-3 py-2 tabular-nums"
                        data-testid="achieved"
                      >
                        {achievedText(text, r)}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                        {targetText(text, r)}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                        {r.parts ? "—" : formatAmount(r.expectedByNow, locale)}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                        {r.gap ? formatAmount(r.gap, locale) : "—"}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <ResultStatusBadge status={r.status} label={statusText(text, r.status)} />
                      </td>
                      <td className="px-3 py-2">{reasonText(text, r)}</td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <Link
                          href={recordsHref(q, quota.id, r.subjectKind, r.subjectId)}
                          className="inline-flex min-h-9 items-center text-red-900 underline underline-offset-2"
                        >
                          {t("drill.recordsLink", { count: r.recordCount })}
                          <span className="sr-only">：{r.subjectName}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {d.pageCount > 1 ? (
            <nav
              aria-label={common("pagination.page", {
                page: d.page,
                pages: d.pageCount,
                total: d.total,
              })}
              className="mt-3 flex flex-wrap items-center justify-between gap-2"
            >
              <p className="text-sm text-stone-600">
                {common("pagination.page", { page: d.page, pages: d.pageCount, total: d.total })}
              </p>
              <div className="flex gap-2">
                {d.page > 1 ? (
                  <Link
                    href={here({ page: d.page - 1 })}
                    rel="prev"
                    className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm hover:bg-stone-50"
                  >
                    {common("pagination.prev")}
                  </Link>
                ) : null}
                {d.page < d.pageCount ? (
                  <Link
                    href={here({ page: d.page + 1 })}
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
      ) : null}
    </>
  );
}
