import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/i18n/config";
import { formatScore, Stars } from "../../../_components/stars";
import {
  loadRatingCampaign,
  loadRatingView,
  positiveInt,
  ratingHref,
} from "../../../_components/load-view";
import { RatingPager } from "../../../_components/pager";
import { RatingFrame } from "../../../_components/rating-frame";
import { StarCounts } from "../../../_components/star-counts";

const PAGE_SIZE = 50;

type Props = {
  params: Promise<{ campaignId: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { campaignId, year } = await params;
  const [{ campaign }, t] = await Promise.all([
    loadRatingCampaign(campaignId, year),
    getTranslations("ratings"),
  ]);
  return { title: `${t("tabs.members")} · ${campaign.name} ${year}` };
}

/** 锋领指数: rated members in the reader's scope, searchable by name or number, a page at a time. */
export default async function MemberRatingsPage({ params, searchParams }: Props) {
  const [{ campaignId, year: yearParam }, query] = await Promise.all([params, searchParams]);
  const version = positiveInt(query.version);
  const starsFilter = positiveInt(query.stars);
  const q = (Array.isArray(query.q) ? query.q[0] : query.q)?.trim().slice(0, 50) ?? "";
  const view = await loadRatingView(campaignId, yearParam, version);
  const { campaign, year, set, publication, versions, figures } = view;
  const [t, locale] = await Promise.all([
    getTranslations("ratings"),
    getLocale() as Promise<Locale>,
  ]);
  const v = publication?.version ?? null;

  const needle = q.toLowerCase();
  const matching = set.members.filter(
    (m) =>
      !needle || m.name.toLowerCase().includes(needle) || m.code.toLowerCase().includes(needle),
  );
  const filtered = starsFilter ? matching.filter((m) => m.stars === starsFilter) : matching;
  const total = filtered.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(positiveInt(query.page) ?? 1, pageCount);
  const rows = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const base = "/members";
  const href = (changes: Record<string, string | number | null>) =>
    ratingHref(campaign.id, year, base, {
      version: v,
      q: q || null,
      stars: starsFilter,
      page: null,
      ...changes,
    });
  const branchStars = new Map(set.organizations.map((o) => [o.id, o.stars]));

  return (
    <RatingFrame
      campaign={campaign}
      year={year}
      asOf={set.asOf}
      figures={figures}
      publication={publication}
      versions={versions}
      tab="members"
    >
      <form
        method="get"
        action={ratingHref(campaign.id, year, base)}
        role="search"
        aria-label={t("members.search")}
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        {v ? <input type="hidden" name="version" value={v} /> : null}
        {starsFilter ? <input type="hidden" name="stars" value={starsFilter} /> : null}
        <div className="flex min-w-60 flex-1 flex-col gap-1">
          <label htmlFor="members-q" className="text-sm font-medium text-stone-800">
            {t("members.searchLabel")}
          </label>
          <input id="members-q" type="search" name="q" defaultValue={q} className={inputClass} />
        </div>
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900"
        >
          {t("members.searchButton")}
        </button>
      </form>
      <div className="mb-4">
        <StarCounts
          counts={matching.map((m) => m.stars)}
          hrefFor={(stars) => href({ stars: starsFilter === stars ? null : stars })}
          current={starsFilter}
        />
      </div>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
          {t("members.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("members.caption")}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("members.name")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("members.org")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("members.score")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("members.stars")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("members.branchStars")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("explain")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((m) => {
                const bs = m.branchId ? branchStars.get(m.branchId) : undefined;
                return (
                  <tr key={m.id}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      <span className="font-medium text-stone-900">{m.name}</span>
                      <span className="block text-xs text-stone-600">{m.code}</span>
                    </th>
                    <td className="px-3 py-2">{m.orgName}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                      {formatScore(m.score, locale)}
                    </td>
                    <td className="px-3 py-2">
                      <Stars stars={m.stars} label={t("starsLabel", { stars: m.stars })} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {bs === undefined ? (
                        t("members.branchUnrated")
                      ) : (
                        <Stars stars={bs} label={t("starsLabel", { stars: bs })} />
                      )}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <Link
                        href={ratingHref(campaign.id, year, `/members/${m.id}`, { version: v })}
                        className="inline-flex min-h-11 items-center text-red-900 underline underline-offset-2"
                      >
                        {t("explain")}
                        <span className="sr-only">
                          {t("colon")}
                          {m.name}
                        </span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <RatingPager
        page={page}
        pageCount={pageCount}
        total={total}
        hrefFor={(p) => href({ page: p })}
      />
    </RatingFrame>
  );
}
