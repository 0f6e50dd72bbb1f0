import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import type { Locale } from "@/i18n/config";
import { formatDay, formatNumber } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import {
  listMySelfReports,
  MY_SELF_REPORTS_LIMIT,
} from "@/server/data/self-reports/list-my-self-reports";
import { subTypeLabel, typeLabel } from "../_components/type-label";
import { ReportStatusBadge, reportStatusKey } from "../_components/report-status-badge";

export async function generateMetadata() {
  const t = await getTranslations("me.reports");
  return { title: t("allTitle") };
}

/** Every self-report of the member (the newest 200), with status and the reviewer's return reason. */
export default async function MyReportsPage() {
  const actor = await requireActorForPage();
  const [reports, t, tc, locale] = await Promise.all([
    listMySelfReports(actor),
    getTranslations("me"),
    getTranslations("campaigns"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader
        title={t("reports.allTitle")}
        subtitle={
          reports.length >= MY_SELF_REPORTS_LIMIT
            ? t("reports.limited", { count: MY_SELF_REPORTS_LIMIT })
            : t("reports.count", { count: reports.length })
        }
        actions={
          <>
            <LinkButton href="/me/reports/new">{t("reports.new")}</LinkButton>
            <LinkButton href="/me" variant="secondary">
              {t("reports.back")}
            </LinkButton>
          </>
        }
      />
      {reports.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {t("reports.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("reports.caption")}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                {(["date", "topic", "type", "hours", "status"] as const).map((key) => (
                  <th key={key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t(`reports.columns.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {reports.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDay(r.date, locale)}</td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link
                      href={`/me/reports/${r.id}`}
                      className="inline-flex min-h-11 items-center break-words text-red-900 underline-offset-2 hover:underline"
                    >
                      {r.topic}
                    </Link>
                    {r.returnReason ? (
                      <span className="block break-words text-red-800">
                        {t("reports.returnedNotice", { reason: r.returnReason })}
                      </span>
                    ) : null}
                  </th>
                  <td className="px-3 py-2">
                    {typeLabel(t, tc, r.type)}
                    {r.subType ? ` · ${subTypeLabel(t, tc, r.subType)}` : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {formatNumber(r.hours, locale)}
                  </td>
                  <td className="px-3 py-2">
                    <ReportStatusBadge
                      status={r.status}
                      voided={r.voidedAt !== null}
                      label={t(`reportStatus.${reportStatusKey(r)}`)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
