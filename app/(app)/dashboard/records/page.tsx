import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { DrillSearch } from "@/server/data/dashboard/dashboard-query";
import {
  achievedText,
  activityTypeText,
  formatAmount,
  orgName,
  quotaName,
  reasonText,
  statusText,
  targetText,
  type DashboardText,
  type Translate,
} from "@/server/data/dashboard/dashboard-text";
import {
  getDashboardRecords,
  type DashboardRecordRow,
} from "@/server/data/dashboard/get-dashboard-records";
import { ResultStatusBadge } from "../../campaigns/_components/status-badge";
import { activityHref, dashboardHref, drillHref, quotaPageHref } from "../_components/href";
import { loadDashboardContext, orNotFound } from "../_components/load";
import { ScrollRegion } from "../_components/scroll-region";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("records.title") };
}

const RECORD_TONES: Record<string, string> = {
  APPROVED: "bg-green-50 text-green-900 ring-green-200",
  SUBMITTED: "bg-amber-50 text-amber-900 ring-amber-200",
  RETURNED: "bg-red-50 text-red-900 ring-red-200",
  DRAFT: "bg-stone-50 text-stone-800 ring-stone-200",
  VOIDED: "bg-stone-200 text-stone-800 ring-stone-300",
};

/** The records behind one subject's figure for one quota: those counted, and those of the same kinds that were not. */
export default async function DashboardRecordsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { actor, query } = await loadDashboardContext(raw);
  const drill = DrillSearch.parse(raw);
  if (!query || !drill.quota || !drill.subject) notFound();
  const [kind, subjectId] = drill.subject.split(":") as ["organization" | "member", string];
  const d = await orNotFound(
    getDashboardRecords(actor, query, { quotaId: drill.quota, subjectKind: kind, subjectId }),
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
  const s = d.subject;
  const partNames = new Map(
    (d.quotaDefinition.composite?.parts ?? []).map((p) => [
      p.id,
      locale === "en" && p.nameEn ? p.nameEn : p.name,
    ]),
  );

  const table = (rows: DashboardRecordRow[], caption: string) => (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-stone-700">
          <tr>
            {(["date", "type", "org", "topic", "recordStatus", "open"] as const).map((k) => (
              <th key={k} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {t(`col.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r) => {
            const status = r.voided ? "VOIDED" : r.status;
            return (
              <tr key={r.id} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {formatDay(r.date, locale)}
                </td>
                <td className="px-3 py-2">
                  {activityTypeText(text, r.type)}
                  {r.selfReported ? (
                    <span className="block text-xs text-stone-600">
                      {t("records.selfReported")}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{r.orgName}</td>
                <td className="px-3 py-2">{r.topic}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <span
                    className={`inline-block rounded px-1.5 py-0.5 text-xs ring-1 ${RECORD_TONES[status] ?? RECORD_TONES.DRAFT}`}
                  >
                    {t(`recordStatus.${status}`)}
                  </span>
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <Link
                    href={activityHref(r.id)}
                    className="inline-flex min-h-9 items-center text-red-900 underline underline-offset-2"
                  >
                    {t("records.open")}
                    <span className="sr-only">
                      ：{formatDay(r.date, locale)} {r.topic}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );

  return (
    <>
      <nav aria-label={t("drill.breadcrumb")} className="mb-2 text-sm text-stone-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href={dashboardHref(query)} className="underline underline-offset-2">
              {t("title")}
            </Link>
          </li>
          <li className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            <Link
              href={drillHref(query, {
                node: s.subjectKind === "organization" ? s.subjectId : s.orgId,
                quota: d.quota.id,
              })}
              className="underline underline-offset-2"
            >
              {s.orgName} · {quotaName(d.quota, locale)}
            </Link>
          </li>
        </ol>
      </nav>
      <PageHeader
        title={`${s.subjectName} · ${quotaName(d.quota, locale)}`}
        subtitle={
          <>
            {t(`subjectKind.${s.subjectKind}`)} · {s.subjectCode} · {s.orgName} ·{" "}
            {orgName(d.campaign, locale)}
          </>
        }
        actions={
          <LinkButton
            href={quotaPageHref(d.campaign.id, d.quota.id, query.asOf)}
            variant="secondary"
          >
            {t("drill.quotaPage")}
          </LinkButton>
        }
      />

      <dl className="mb-6 grid gap-x-4 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-stone-600">{t("col.window")}</dt>
          <dd>
            {t("range", {
              from: formatDay(s.window.start, locale),
              to: formatDay(s.window.end, locale),
            })}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-600">{t("col.achieved")}</dt>
          <dd className="tabular-nums">
            {achievedText(text, s)} / {targetText(text, s)}
            {s.parts ? null : (
              <span className="block text-xs text-stone-600">
                {t("records.expected", { expected: formatAmount(s.expectedByNow, locale) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-600">{t("col.status")}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <ResultStatusBadge status={s.status} label={statusText(text, s.status)} />
            <span>{reasonText(text, s)}</span>
          </dd>
        </div>
        {d.result.parts ? (
          <div className="sm:col-span-3">
            <dt className="text-xs text-stone-600">{t("records.parts")}</dt>
            <dd>
              <ul className="grid gap-1">
                {d.result.parts.map((p) => (
                  <li key={p.partId} className="flex flex-wrap items-center gap-2">
                    <span>{partNames.get(p.partId ?? "") ?? p.partId}：</span>
                    <span className="tabular-nums">
                      {formatAmount(p.achieved, locale)} / {formatAmount(p.targetValue, locale)}
                    </span>
                    <ResultStatusBadge status={p.status} label={statusText(text, p.status)} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="counted-h" className="mb-8">
        <h2 id="counted-h" className="mb-1 text-lg font-semibold">
          {t("records.countedHeading", { count: d.countedTotal })}
        </h2>
        <p className="mb-2 text-sm text-stone-600">{t("records.countedHint")}</p>
        {d.counted.length ? (
          table(d.counted, t("records.countedHeading", { count: d.countedTotal }))
        ) : (
          <p className="text-sm text-stone-600">{t("records.none")}</p>
        )}
        {d.countedTotal > d.counted.length ? (
          <p className="mt-1 text-xs text-stone-600">
            {t("records.truncated", { shown: d.counted.length, total: d.countedTotal })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="uncounted-h" className="mb-8">
        <h2 id="uncounted-h" className="mb-1 text-lg font-semibold">
          {t("records.uncountedHeading", { count: d.uncountedTotal })}
        </h2>
        <p className="mb-2 text-sm text-stone-600">{t("records.uncountedHint")}</p>
        {d.uncounted.length ? (
          table(d.uncounted, t("records.uncountedHeading", { count: d.uncountedTotal }))
        ) : (
          <p className="text-sm text-stone-600">{t("records.none")}</p>
        )}
      </section>
    </>
  );
}
