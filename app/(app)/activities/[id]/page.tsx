import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getActivity } from "@/server/data/activities/get-activity";
import { isAppError } from "@/server/errors";
import {
  activityTypeLabel,
  displayStatus,
  formatHours,
  orgLabel,
  type Translate,
} from "../_components/labels";
import {
  AddEvidenceForm,
  ReviewForms,
  SubmitRecordForm,
  VoidForm,
  WithdrawEvidenceButton,
} from "../_components/record-actions";
import { ActivityStatusBadge } from "../_components/status-badge";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

// Once per request: the page and its metadata both need the record.
const load = cache(async (id: string) => {
  const actor = await requireActorForPage();
  return getActivity(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const detail = await load(id);
  return { title: detail.activity.topic };
}

const historyKey = (action: string) =>
  action
    .replace(/^activity\./, "")
    .replace("evidence.add", "evidenceAdd")
    .replace("evidence.withdraw", "evidenceWithdraw");

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export default async function ActivityPage({ params, searchParams }: Props) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const detail = await load(id);
  const { activity: a, attendance, evidence, campaigns, history, can } = detail;
  const [t, locale] = await Promise.all([
    getTranslations("activities"),
    getLocale() as Promise<Locale>,
  ]);
  const tr = t as unknown as Translate;
  const status = displayStatus(a.status, a.voidedAt);
  const present = attendance.filter((r) => r.present).length;
  const shownEvidence = evidence.filter((e) => !e.withdrawnAt);
  const withdrawnEvidence = evidence.filter((e) => e.withdrawnAt);

  const facts: [string, string][] = [
    [t("fields.org"), orgLabel(a.org, locale)],
    [t("fields.type"), activityTypeLabel(tr, a.type, a.subType)],
    [t("fields.date"), formatDay(a.date, locale) + (a.startTime ? ` ${a.startTime}` : "")],
    [t("fields.durationHours"), formatHours(a.durationHours)],
    ...(a.days !== null ? ([[t("fields.days"), formatHours(a.days)]] as [string, string][]) : []),
    [t("fields.place"), a.place ?? "—"],
    [t("fields.host"), a.host ? `${a.host.name}（${a.host.number}）` : "—"],
    ...(a.selfReporter
      ? ([[t("fields.selfReporter"), `${a.selfReporter.name}（${a.selfReporter.number}）`]] as [
          string,
          string,
        ][])
      : []),
    [t("fields.recordedBy"), a.recordedBy ?? "—"],
    ...(a.reviewedBy && a.reviewedAt
      ? ([
          [t("fields.reviewedBy"), `${a.reviewedBy} · ${formatDateTime(a.reviewedAt, locale)}`],
        ] as [string, string][])
      : []),
  ];

  return (
    <>
      {/* Only while the record is still as it was saved (not after a later submit or review). */}
      {(saved === "draft" && a.status === "DRAFT") ||
      (saved === "submitted" && a.status === "SUBMITTED") ? (
        <p role="status" className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {saved === "draft" ? t("detail.saved") : t("detail.submitted")}
        </p>
      ) : null}
      <PageHeader
        title={a.topic}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <ActivityStatusBadge status={status} label={t(`status.${status}`)} />
            <span>
              {activityTypeLabel(tr, a.type, a.subType)} · {formatDay(a.date, locale)} ·{" "}
              {orgLabel(a.org, locale)}
            </span>
          </span>
        }
        actions={
          <>
            {can.edit ? (
              <LinkButton href={`/activities/${a.id}/edit`}>{t("detail.edit")}</LinkButton>
            ) : null}
            <LinkButton href="/activities" variant="secondary">
              {t("detail.backToList")}
            </LinkButton>
          </>
        }
      />

      {a.voidedAt ? (
        <p
          role="note"
          className="mb-4 rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-sm text-stone-900"
        >
          {t("detail.voidedBanner", {
            by: a.voidedBy ?? t("detail.unknownUser"),
            at: formatDateTime(a.voidedAt, locale),
            reason: a.voidReason ?? "",
          })}
        </p>
      ) : a.status === "RETURNED" && a.returnReason ? (
        <p
          role="note"
          className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {t("detail.returnedBanner", { reason: a.returnReason })}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid gap-6 lg:col-span-2">
          <section
            aria-labelledby="basics"
            className="rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id="basics" className="mb-3 text-lg font-semibold text-stone-900">
              {t("detail.basics")}
            </h2>
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label} className="flex flex-col">
                  <dt className="text-stone-600">{label}</dt>
                  <dd className="text-stone-900">{value}</dd>
                </div>
              ))}
            </dl>
            {a.content ? (
              <div className="mt-3 border-t border-stone-100 pt-3">
                <h3 className="text-sm text-stone-600">{t("fields.content")}</h3>
                <p className="mt-1 whitespace-pre-wrap text-sm text-stone-900">{a.content}</p>
              </div>
            ) : null}
            <p className={`mt-3 text-sm ${a.counts ? "text-green-800" : "text-stone-600"}`}>
              {a.counts ? t("detail.counts") : t("detail.notCounting")}
            </p>
          </section>

          <section
            aria-labelledby="attendance"
            className="rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id="attendance" className="text-lg font-semibold text-stone-900">
              {t("detail.attendanceTitle")}
            </h2>
            {attendance.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t("detail.noAttendance")}</p>
            ) : (
              <>
                <p className="mt-1 text-sm text-stone-700">
                  {t("detail.attendanceSummary", {
                    total: attendance.length,
                    present,
                    absent: attendance.length - present,
                  })}
                </p>
                <ul className="mt-2 grid gap-x-4 divide-y divide-stone-100 text-sm sm:grid-cols-2 sm:divide-y-0">
                  {attendance.map((r) => (
                    <li
                      key={r.memberId}
                      className="flex min-h-9 flex-wrap items-baseline justify-between gap-x-2 py-1"
                    >
                      <span>
                        {r.name} <span className="text-xs text-stone-600">{r.number}</span>
                      </span>
                      {r.present ? (
                        <span className="text-stone-700">
                          {t("detail.hoursValue", { hours: formatHours(r.hours) })}
                        </span>
                      ) : (
                        <span className="text-red-800">
                          {t("detail.absent")}
                          {r.absenceReason ? `：${r.absenceReason}` : ""}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section
            aria-labelledby="evidence"
            className="rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id="evidence" className="text-lg font-semibold text-stone-900">
              {t("detail.evidenceTitle")}
            </h2>
            {shownEvidence.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t("detail.noEvidence")}</p>
            ) : (
              <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
                {shownEvidence.map((e) => (
                  <li
                    key={e.id}
                    className="flex flex-col gap-1 rounded-md border border-stone-200 p-2"
                  >
                    <a
                      href={`/api/evidence/${e.id}`}
                      target="_blank"
                      rel="noopener"
                      className="block text-sm text-red-900 underline-offset-2 hover:underline"
                    >
                      {e.mimeType.startsWith("image/") && e.mimeType !== "image/heic" ? (
                        // Served by the evidence route with access checks: next/image would cache it elsewhere.
                        // eslint-disable-next-line @next/next/no-img-element
                        <img
                          src={`/api/evidence/${e.id}`}
                          alt={e.originalName}
                          loading="lazy"
                          className="mb-1 aspect-square w-full rounded object-cover"
                        />
                      ) : (
                        <span className="mb-1 flex aspect-square w-full items-center justify-center rounded bg-stone-100 text-stone-700">
                          {e.mimeType === "application/pdf"
                            ? "PDF"
                            : e.mimeType.split("/")[1]?.toUpperCase()}
                        </span>
                      )}
                      <span className="break-all">{e.originalName}</span>
                    </a>
                    <span className="text-xs text-stone-600">{formatSize(e.sizeBytes)}</span>
                    {can.manageEvidence ? (
                      <WithdrawEvidenceButton
                        evidenceId={e.id}
                        version={a.version}
                        name={e.originalName}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {withdrawnEvidence.length > 0 ? (
              <ul className="mt-3 text-sm text-stone-600">
                {withdrawnEvidence.map((e) => (
                  <li key={e.id}>
                    {e.originalName} · {t("detail.withdrawn")}{" "}
                    {formatDateTime(e.withdrawnAt, locale)}
                  </li>
                ))}
              </ul>
            ) : null}
            {can.manageEvidence ? (
              <div className="mt-4 border-t border-stone-200 pt-3">
                <AddEvidenceForm id={a.id} version={a.version} />
              </div>
            ) : null}
          </section>
        </div>

        <div className="grid content-start gap-6">
          {can.approve || can.return ? (
            <section
              aria-labelledby="review"
              className="rounded-lg border border-amber-200 bg-amber-50/40 p-4"
            >
              <h2 id="review" className="mb-3 text-lg font-semibold text-stone-900">
                {t("detail.reviewTitle")}
              </h2>
              <ReviewForms id={a.id} version={a.version} />
            </section>
          ) : null}
          {can.submit ? <SubmitRecordForm id={a.id} version={a.version} /> : null}
          {can.void ? <VoidForm id={a.id} version={a.version} kind="void" /> : null}
          {can.discard ? <VoidForm id={a.id} version={a.version} kind="discard" /> : null}

          <section
            aria-labelledby="campaigns"
            className="rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id="campaigns" className="text-lg font-semibold text-stone-900">
              {t("detail.campaignsTitle")}
            </h2>
            {campaigns.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t("detail.noCampaigns")}</p>
            ) : (
              <ul className="mt-2 grid gap-1 text-sm">
                {campaigns.map((c) => (
                  <li key={c.id}>
                    <a
                      href={`/campaigns/${c.id}`}
                      className="inline-flex min-h-11 items-center text-red-900 underline-offset-2 hover:underline"
                    >
                      {orgLabel(c, locale)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section
            aria-labelledby="history"
            className="rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id="history" className="text-lg font-semibold text-stone-900">
              {t("detail.historyTitle")}
            </h2>
            <ol className="mt-2 grid gap-2 text-sm">
              {history.map((h) => (
                <li key={h.id} className="border-l-2 border-stone-200 pl-3">
                  <span className="font-medium text-stone-900">
                    {tr.has(`history.${historyKey(h.action)}`)
                      ? t(`history.${historyKey(h.action)}`)
                      : h.action}
                  </span>
                  <span className="text-stone-700">
                    {" "}
                    · {h.actorName ?? t("detail.unknownUser")}
                  </span>
                  <span className="block text-xs text-stone-600">
                    {formatDateTime(h.at, locale)}
                  </span>
                  {h.reason ? <span className="block text-stone-800">{h.reason}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </>
  );
}
