import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay, todayInShanghai } from "@/lib/format";
import { QUOTA_PAGE_SIZE, QuotaResultsQuery } from "@/lib/schemas/campaign";
import type { Locale } from "@/i18n/config";
import { RESULT_STATUSES, type QuotaResult } from "@/rules";
import { requireActorForPage } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import { getQuotaEvaluation } from "@/server/data/campaigns/get-quota-evaluation";
import {
  activityTypeLabel,
  formatAmount,
  measureText,
  periodText,
  quotaTargetText,
  subjectText,
  unitLabel,
  type Translate,
} from "../../../_components/describe-quota";
import { ResultStatusBadge } from "../../../_components/status-badge";

type Props = {
  params: Promise<{ id: string; quotaId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("campaigns.quota");
  return { title: t("caption") };
}

/** "≥ 10 次", "1–2 项", "50%": the effective target of one result. */
function resultTarget(t: Translate, r: QuotaResult, locale: string, unit: string): string {
  if (r.subjectKind === "population") return `${formatAmount(r.targetValue * 100, locale)}%`;
  if (r.targetMax !== null)
    return `${formatAmount(r.targetValue, locale)}–${formatAmount(r.targetMax, locale)} ${unit}`;
  return `${formatAmount(r.targetValue, locale)} ${unit}`;
}

export default async function QuotaResultsPage({ params, searchParams }: Props) {
  const [{ id, quotaId: rawQuotaId }, raw] = await Promise.all([params, searchParams]);
  const quotaId = safeDecode(rawQuotaId);
  const actor = await requireActorForPage();
  const query = QuotaResultsQuery.parse(raw);
  const today = todayInShanghai();
  const asOf = query.asOf ?? today;
  const data = await getQuotaEvaluation(actor, id, quotaId, {
    asOf,
    windows: query.windows,
    status: query.status,
    page: query.page,
    pageSize: QUOTA_PAGE_SIZE,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tc, tp, locale] = await Promise.all([
    getTranslations("campaigns"),
    getTranslations("common"),
    getTranslations("common.pagination"),
    getLocale() as Promise<Locale>,
  ]);
  const { quota, phases, campaign, counts, rows, total, page, pageCount, canManage } = data;
  const base = `/campaigns/${campaign.id}/quotas/${encodeURIComponent(quota.id)}`;
  const href = (changes: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = {
      asOf: query.asOf,
      windows: query.windows === "current" ? undefined : query.windows,
      status: query.status,
      page: undefined,
      ...changes,
    };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  const unitOf = (r: QuotaResult) => (r.unit ? unitLabel(t, r.unit, undefined) : "");
  const window = (r: QuotaResult) =>
    t("dateRange", {
      from: formatDay(r.window.start, locale),
      to: formatDay(r.window.end, locale),
    });
  const subjectName = (r: (typeof rows)[number]) =>
    r.subjectKind === "population" ? t("subject.population") : r.subjectName;

  return (
    <>
      <nav aria-label="breadcrumb" className="mb-2 text-sm text-stone-600">
        <Link href={`/campaigns/${campaign.id}`} className="underline-offset-2 hover:underline">
          {campaign.name}
        </Link>
      </nav>
      <PageHeader
        title={locale === "en" && quota.nameEn ? quota.nameEn : quota.name}
        subtitle={
          <>
            {subjectText(t, tc, quota.subject)} · {periodText(t, quota.period, phases)} ·{" "}
            {quotaTargetText(t, quota, locale)}
            {quota.composite ? null : <span className="block">{measureText(t, quota)}</span>}
          </>
        }
        actions={
          <>
            {canManage ? <LinkButton href={`${base}/edit`}>{t("quota.edit")}</LinkButton> : null}
            <LinkButton href={`/campaigns/${campaign.id}`} variant="secondary">
              {t("quota.back")}
            </LinkButton>
          </>
        }
      />

      <form
        method="get"
        action={base}
        role="search"
        aria-label={t("quota.caption")}
        className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-4"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="q-asOf" className="text-sm font-medium text-stone-800">
            {t("quota.asOf")}
          </label>
          <input id="q-asOf" type="date" name="asOf" defaultValue={asOf} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="q-windows" className="text-sm font-medium text-stone-800">
            {t("quota.windows")}
          </label>
          <select id="q-windows" name="windows" defaultValue={query.windows} className={inputClass}>
            <option value="current">{t("quota.windowsCurrent")}</option>
            <option value="all">{t("quota.windowsAll")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="q-status" className="text-sm font-medium text-stone-800">
            {t("quota.statusFilter")}
          </label>
          <select
            id="q-status"
            name="status"
            defaultValue={query.status ?? ""}
            className={inputClass}
          >
            <option value="">{t("quota.allStatuses")}</option>
            {RESULT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`resultStatus.${s}`)}（{counts[s]}）
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900"
          >
            {t("quota.apply")}
          </button>
        </div>
      </form>

      <ul className="mb-4 flex flex-wrap gap-2" aria-label={t("quota.statusFilter")}>
        {RESULT_STATUSES.map((s) => (
          <li key={s}>
            <Link
              href={href({ status: query.status === s ? undefined : s })}
              aria-current={query.status === s ? "true" : undefined}
              className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-200 bg-white px-3 text-sm hover:bg-stone-50 aria-[current=true]:border-red-700"
            >
              <ResultStatusBadge status={s} label={t(`resultStatus.${s}`)} />
              <span className="tabular-nums">{counts[s]}</span>
            </Link>
          </li>
        ))}
      </ul>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
          {t("quota.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("quota.caption")}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                {(
                  [
                    "subjectCol",
                    "window",
                    "achieved",
                    "target",
                    "expected",
                    "status",
                    "gap",
                    "records",
                  ] as const
                ).map((key) => (
                  <th key={key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t(`quota.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((r) => (
                <tr key={`${r.subjectId}-${r.window.start}`} className="align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="font-medium text-stone-900">{subjectName(r)}</span>
                    {r.subjectCode ? (
                      <span className="block text-xs text-stone-600">{r.subjectCode}</span>
                    ) : null}
                    {r.subjectOrgName ? (
                      <span className="block text-xs text-stone-600">{r.subjectOrgName}</span>
                    ) : null}
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">{window(r)}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {r.subjectKind === "population"
                      ? `${formatAmount(r.achieved * 100, locale)}%`
                      : `${formatAmount(r.achieved, locale)} ${unitOf(r)}`}
                    {r.share ? (
                      <span className="block text-xs text-stone-600">
                        {t("quota.share", {
                          met: r.share.subjectsMet,
                          covered: r.share.subjectsCovered,
                          needed: r.share.subjectsNeeded,
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {resultTarget(t, r, locale, unitOf(r))}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {r.subjectKind === "population"
                      ? `${formatAmount(r.expectedByNow * 100, locale)}%`
                      : formatAmount(r.expectedByNow, locale)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <ResultStatusBadge status={r.status} label={t(`resultStatus.${r.status}`)} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {r.gap ? formatAmount(r.gap, locale) : "—"}
                  </td>
                  <td className="px-3 py-2">
                    {r.parts?.length ? (
                      <div className="mb-1">
                        <p className="text-xs font-medium text-stone-700">{t("quota.parts")}</p>
                        <ul className="text-xs text-stone-700">
                          {r.parts.map((part) => {
                            const def = quota.composite?.parts.find((p) => p.id === part.partId);
                            const partName = def
                              ? locale === "en" && def.nameEn
                                ? def.nameEn
                                : def.name
                              : part.partId;
                            return (
                              <li key={part.partId} className="flex flex-wrap items-center gap-1">
                                <span>{partName}：</span>
                                <span className="tabular-nums">
                                  {formatAmount(part.achieved, locale)} /{" "}
                                  {resultTarget(t, part, locale, unitOf(part))}
                                </span>
                                <ResultStatusBadge
                                  status={part.status}
                                  label={t(`resultStatus.${part.status}`)}
                                />
                              </li>
                            );
                          })}
                        </ul>
                      </div>
                    ) : null}
                    {r.recordIds.length === 0 ? (
                      <span className="text-stone-500">{t("quota.noRecords")}</span>
                    ) : (
                      <details>
                        <summary className="min-h-11 cursor-pointer py-2 text-red-900">
                          {t("quota.recordCount", { count: r.recordIds.length })}
                        </summary>
                        <ul className="grid gap-1 text-xs text-stone-700">
                          {r.records.map((rec) => (
                            <li key={rec.id}>
                              <code className="mr-1 text-stone-500" title={rec.id}>
                                #{rec.id.slice(0, 8)}
                              </code>
                              {formatDay(rec.date, locale)} · {activityTypeLabel(t, rec.type)} ·{" "}
                              {rec.topic}
                              <span className="text-stone-500"> · {rec.orgName}</span>
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav
        aria-label={tp("page", { page, pages: pageCount, total })}
        className="mt-4 flex flex-wrap items-center justify-between gap-2"
      >
        <p className="text-sm text-stone-600">{t("quota.total", { total })}</p>
        <div className="flex gap-2">
          {page > 1 ? (
            <Link
              href={href({ page: String(page - 1) })}
              rel="prev"
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50"
            >
              {tp("prev")}
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link
              href={href({ page: String(page + 1) })}
              rel="next"
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50"
            >
              {tp("next")}
            </Link>
          ) : null}
        </div>
      </nav>
    </>
  );
}

/** A path segment decoded once; a stray "%" (quota ids of imported files may hold one) stays as it is. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
