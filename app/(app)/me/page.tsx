import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getMyProgress } from "@/server/data/self-reports/get-my-progress";
import { listMySelfReports } from "@/server/data/self-reports/list-my-self-reports";
import { listMyPledges } from "@/server/data/pledges/list-my-pledges";
import { AppraisalReminder } from "../appraisal/_components/appraisal-reminder";
import { ProgressSection } from "./_components/progress-section";
import { typeLabel } from "./_components/type-label";
import { ReportStatusBadge, reportStatusKey } from "./_components/report-status-badge";

export async function generateMetadata() {
  const t = await getTranslations("me");
  return { title: t("title") };
}

const RECENT_REPORTS = 5;

/** "我的": the member's progress in every campaign covering them, their self-reports and pledges. */
export default async function MePage() {
  const actor = await requireActorForPage();
  const [t, tc, locale] = await Promise.all([
    getTranslations("me"),
    getTranslations("campaigns"),
    getLocale() as Promise<Locale>,
  ]);
  if (!actor.memberId) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {t("noMember")}
        </p>
      </>
    );
  }
  const [progress, reports, pledges] = await Promise.all([
    getMyProgress(actor),
    listMySelfReports(actor, { limit: RECENT_REPORTS }),
    listMyPledges(actor),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", { name: actor.displayName, org: actor.tenantName })}
      />

      <AppraisalReminder actor={actor} />

      <ProgressSection campaigns={progress} locale={locale} />

      <section aria-labelledby="me-reports-h" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="me-reports-h" className="text-lg font-semibold text-stone-900">
              {t("reports.title")}
            </h2>
            <p className="text-sm text-stone-600">{t("reports.intro")}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <LinkButton href="/me/reports/new">{t("reports.new")}</LinkButton>
            <LinkButton href="/me/reports" variant="secondary">
              {t("reports.viewAll")}
            </LinkButton>
          </div>
        </div>
        {reports.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
            {t("reports.empty")}
          </p>
        ) : (
          <ul className="grid gap-2">
            {reports.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/me/reports/${r.id}`}
                  className="block min-h-11 rounded-lg border border-stone-200 bg-white p-3 hover:bg-stone-50"
                >
                  <span className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
                    <span className="min-w-0 break-words font-medium text-red-900">{r.topic}</span>
                    <ReportStatusBadge
                      status={r.status}
                      voided={r.voidedAt !== null}
                      label={t(`reportStatus.${reportStatusKey(r)}`)}
                    />
                  </span>
                  <span className="mt-1 block text-sm text-stone-700">
                    {formatDay(r.date, locale)} · {typeLabel(t, tc, r.type)} ·{" "}
                    {t("detail.hoursValue", { hours: r.hours })}
                  </span>
                  {r.returnReason ? (
                    <span className="mt-1 block break-words text-sm text-red-800">
                      {t("reports.returnedNotice", { reason: r.returnReason })}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="me-pledges-h" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="me-pledges-h" className="text-lg font-semibold text-stone-900">
              {t("pledges.title")}
            </h2>
            <p className="text-sm text-stone-600">{t("pledges.intro")}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <LinkButton href="/me/pledges/new">{t("pledges.new")}</LinkButton>
            <LinkButton href="/pledges" variant="secondary">
              {t("pledges.wall")}
            </LinkButton>
          </div>
        </div>
        {pledges.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
            {t("pledges.empty")}
          </p>
        ) : (
          <ul className="grid gap-2">
            {pledges.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/pledges/${p.id}`}
                  className="block min-h-11 rounded-lg border border-stone-200 bg-white p-3 hover:bg-stone-50"
                >
                  <span className="block break-words font-medium text-red-900">{p.title}</span>
                  <span className="mt-1 block text-sm text-stone-700">
                    {formatDateTime(p.createdAt, locale)} ·{" "}
                    {t("pledges.items", { total: p.counts.total, evaluated: p.counts.evaluated })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
