import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { ActivityListQuery } from "@/lib/schemas/activity";
import { formatDay } from "@/lib/format";
import { filterOrgs } from "@/lib/filter-orgs";
import type { Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listActivities } from "@/server/data/activities/list-activities";
import { listActivityOrgs } from "@/server/data/activities/recording-options";
import { activityTypeLabel, displayStatus, orgLabel, type Translate } from "./_components/labels";
import { ActivityListFilters } from "./_components/list-filters";
import { Pager } from "./_components/pager";
import { ActivityStatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("activities");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

function listParams(query: ActivityListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of query.orgIds) params.append("orgIds", id);
  if (query.type) params.set("type", query.type);
  if (query.status) params.set("status", query.status);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params;
}

export default async function ActivitiesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActorForPage();
  if (!can(actor, "activity.read") && !can(actor, "activity.record")) notFound();
  const query = ActivityListQuery.parse(await searchParams);
  const [page, orgs, t, locale] = await Promise.all([
    listActivities(actor, query),
    listActivityOrgs(actor, "read"),
    getTranslations("activities"),
    getLocale() as Promise<Locale>,
  ]);
  const tr = t as unknown as Translate;
  const canRecord = can(actor, "activity.record");
  const canReview = can(actor, "activity.review");
  const caption = page.totalExact
    ? t("list.caption", { page: page.page, pages: page.pageCount })
    : t("list.captionOpen", { page: page.page });

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={
          page.totalExact
            ? t("subtitle", { total: page.total })
            : t("subtitleAtLeast", { total: page.total })
        }
        actions={
          <>
            {canRecord ? <LinkButton href="/activities/new">{t("new")}</LinkButton> : null}
            {canReview ? (
              <LinkButton href="/activities/review" variant="secondary">
                {t("reviewQueue")}
              </LinkButton>
            ) : null}
          </>
        }
      />
      <ActivityListFilters query={query} orgs={filterOrgs(orgs, query.orgIds)} />

      {page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center">
          <p className="font-medium text-stone-800">{t("list.empty")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("list.emptyHint")}</p>
        </div>
      ) : (
        <>
          {/* Phones: one card per record, the whole card is the link. */}
          <ul className="grid gap-2 md:hidden" aria-label={caption}>
            {page.items.map((a) => {
              const status = displayStatus(a.status, a.voidedAt);
              return (
                <li key={a.id}>
                  <Link
                    href={`/activities/${a.id}`}
                    className="block min-h-11 rounded-lg border border-stone-200 bg-white p-3 hover:bg-stone-50"
                  >
                    <span className="flex flex-wrap items-baseline justify-between gap-x-2">
                      <span className="font-medium text-red-900">{a.topic}</span>
                      <ActivityStatusBadge status={status} label={t(`status.${status}`)} />
                    </span>
                    <span className="mt-1 block text-sm text-stone-700">
                      {formatDay(a.date, locale)} · {activityTypeLabel(tr, a.type, a.subType)}
                    </span>
                    <span className="mt-1 block text-sm text-stone-600">
                      {orgLabel(a.org, locale)} · {t("list.present", { count: a.presentCount })} ·{" "}
                      {t("list.evidence", { count: a.evidenceCount })}
                      {a.selfReportedById ? ` · ${t("list.selfReport")}` : ""}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>

          {/* Wider screens: a table. */}
          <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  {(["date", "topic", "type", "org", "attendance", "status"] as const).map(
                    (key) => (
                      <th key={key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                        {t(`list.columns.${key}`)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {page.items.map((a) => {
                  const status = displayStatus(a.status, a.voidedAt);
                  return (
                    <tr key={a.id} className="hover:bg-stone-50">
                      <td className="whitespace-nowrap px-3 py-2 text-stone-700">
                        {formatDay(a.date, locale)}
                      </td>
                      <th scope="row" className="px-3 py-2 font-medium">
                        <Link
                          href={`/activities/${a.id}`}
                          className="inline-flex min-h-11 items-center text-red-900 underline-offset-2 hover:underline"
                        >
                          {a.topic}
                        </Link>
                      </th>
                      <td className="px-3 py-2">{activityTypeLabel(tr, a.type, a.subType)}</td>
                      <td className="px-3 py-2">{orgLabel(a.org, locale)}</td>
                      <td className="whitespace-nowrap px-3 py-2">
                        {t("list.present", { count: a.presentCount })}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <ActivityStatusBadge status={status} label={t(`status.${status}`)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            basePath="/activities"
            params={listParams(query)}
            page={page.page}
            pages={page.pageCount}
            total={page.total}
            totalExact={page.totalExact}
          />
        </>
      )}
    </>
  );
}
