import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import type { Locale } from "@/i18n/config";
import {
  formatDateTime,
  formatDay,
  formatNumber,
  toDateInput,
  todayInShanghai,
} from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getMySelfReport } from "@/server/data/self-reports/get-my-self-report";
import { isAppError } from "@/server/errors";
import { subTypeLabel, typeLabel } from "../../_components/type-label";
import { ReportStatusBadge, reportStatusKey } from "../../_components/report-status-badge";
import { SelfReportForm } from "../../_components/self-report-form";
import { WithdrawEvidenceButton } from "../../_components/withdraw-evidence-button";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActorForPage();
  return getMySelfReport(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const report = await load(id);
  return { title: report.topic };
}

/** One of the member's own self-reports: what was reported, where it stands, its files. */
export default async function MySelfReportPage({ params, searchParams }: Props) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const report = await load(id);
  const [t, tc, locale] = await Promise.all([
    getTranslations("me"),
    getTranslations("campaigns"),
    getLocale() as Promise<Locale>,
  ]);
  const orgName = locale === "en" && report.org.nameEn ? report.org.nameEn : report.org.name;
  const facts: [string, string][] = [
    [t("detail.type"), typeLabel(t, tc, report.type)],
    ...(report.subType
      ? [[t("detail.subType"), subTypeLabel(t, tc, report.subType)] as [string, string]]
      : []),
    [t("detail.date"), formatDay(report.date, locale)],
    [t("detail.hours"), t("detail.hoursValue", { hours: formatNumber(report.hours, locale) })],
    [t("detail.place"), report.place ?? "—"],
    [t("detail.org"), orgName],
    [t("detail.submittedAt"), formatDateTime(report.submittedAt, locale)],
    [t("detail.reviewedAt"), formatDateTime(report.reviewedAt, locale)],
  ];
  const liveFiles = report.evidence;

  return (
    <>
      {saved === "1" ? (
        <p role="status" className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("reports.saved")}
        </p>
      ) : null}
      <PageHeader
        title={report.topic}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            {t("detail.status")}
            <ReportStatusBadge
              status={report.status}
              voided={report.voidedAt !== null}
              label={t(`reportStatus.${reportStatusKey(report)}`)}
            />
          </span>
        }
        actions={
          <LinkButton href="/me/reports" variant="secondary">
            {t("reports.backToList")}
          </LinkButton>
        }
      />

      {report.returnReason ? (
        <div className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="break-words font-medium">
            {t("reports.returnedNotice", { reason: report.returnReason })}
          </p>
          <p>{t("reports.returnedHint")}</p>
        </div>
      ) : null}
      {report.voidedAt ? (
        <p className="mb-4 break-words rounded-md border border-stone-300 bg-stone-50 p-3 text-sm text-stone-800">
          {t("reports.voidedNotice", { reason: report.voidReason ?? "—" })}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="report-info-h">
          <h2 id="report-info-h" className="mb-2 font-semibold">
            {t("detail.info")}
          </h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-stone-600">{label}</dt>
                <dd className="break-words text-stone-900">{value}</dd>
              </div>
            ))}
            {report.content ? (
              <div className="sm:col-span-2">
                <dt className="text-xs text-stone-600">{t("detail.content")}</dt>
                <dd className="whitespace-pre-line break-words text-stone-900">{report.content}</dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="report-files-h">
          <h2 id="report-files-h" className="mb-2 font-semibold">
            {t("detail.evidence")}
          </h2>
          {liveFiles.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noEvidence")}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {liveFiles.map((file) => (
                <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <span className="min-w-0 break-all text-sm text-stone-800">
                    {file.withdrawnAt ? (
                      file.originalName
                    ) : (
                      // Served by the evidence route to the member who reported it (and reviewers).
                      <a
                        href={`/api/evidence/${file.id}`}
                        className="text-red-900 underline underline-offset-2"
                        target="_blank"
                        rel="noopener"
                      >
                        {file.originalName}
                      </a>
                    )}
                    <span className="ml-2 text-xs text-stone-500">
                      {formatNumber(Math.ceil(file.sizeBytes / 1024), locale)} KB
                    </span>
                    {file.withdrawnAt ? (
                      <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">
                        {t("detail.withdrawn")}
                      </span>
                    ) : null}
                  </span>
                  {!file.withdrawnAt && report.canWithdrawEvidence ? (
                    <WithdrawEvidenceButton
                      evidenceId={file.id}
                      label={t("detail.withdrawLabel", { name: file.originalName })}
                      text={t("detail.withdraw")}
                      pendingText={t("detail.withdrawing")}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {report.editable ? (
        <section aria-labelledby="report-edit-h" className="mt-8">
          <h2 id="report-edit-h" className="mb-2 font-semibold">
            {t("detail.edit")}
          </h2>
          <SelfReportForm
            mode="edit"
            id={report.id}
            version={report.version}
            today={todayInShanghai()}
            values={{
              type: report.type,
              subType: report.subType ?? "",
              date: toDateInput(report.date),
              hours: String(report.hours),
              topic: report.topic,
              place: report.place ?? "",
              content: report.content ?? "",
            }}
          />
        </section>
      ) : (
        <p className="mt-6 text-sm text-stone-600">
          {report.canWithdrawEvidence ? t("detail.readOnly") : t("detail.locked")}
        </p>
      )}
    </>
  );
}
