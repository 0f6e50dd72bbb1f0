import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { formatScore, Stars } from "../../_components/stars";
import {
  loadRatingCampaign,
  loadRatingView,
  positiveInt,
  ratingHref,
} from "../../_components/load-view";
import { RatingPager } from "../../_components/pager";
import { RatingFrame } from "../../_components/rating-frame";
import { StarCounts } from "../../_components/star-counts";

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
  return { title: `${t("tabs.organizations")} · ${campaign.name} ${year}` };
}

const PAGE_SIZE = 50;

/** 堡垒指数: every rated organization in the reader's scope, with its score and stars. */
export default async function OrganizationRatingsPage({ params, searchParams }: Props) {
  const [{ campaignId, year: yearParam }, query] = await Promise.all([params, searchParams]);
  const version = positiveInt(query.version);
  const starsFilter = positiveInt(query.stars);
  const view = await loadRatingView(campaignId, yearParam, version);
  const { campaign, year, set, publication, versions, figures } = view;
  const [t, tc, locale] = await Promise.all([
    getTranslations("ratings"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const orgName = (o: { name: string; nameEn: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const filtered = starsFilter
    ? set.organizations.filter((o) => o.stars === starsFilter)
    : set.organizations;
  const total = filtered.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(positiveInt(query.page) ?? 1, pageCount);
  const rows = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const v = publication?.version ?? null;

  return (
    <RatingFrame
      campaign={campaign}
      year={year}
      asOf={set.asOf}
      figures={figures}
      publication={publication}
      versions={versions}
      tab="organizations"
    >
      <section aria-labelledby="org-summary-h" className="mb-4 grid gap-3 md:grid-cols-2">
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="org-summary-h" className="mb-2 font-medium">
            {t("orgs.summary", { count: set.organizations.length })}
          </h2>
          <StarCounts
            counts={set.organizations.map((o) => o.stars)}
            hrefFor={(stars) =>
              ratingHref(campaign.id, year, "", {
                version: v,
                stars: starsFilter === stars ? null : stars,
              })
            }
            current={starsFilter}
          />
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-medium">{t("flags.title")}</h2>
          <ul className="grid gap-1">
            <li>{t("flags.lowCount", { count: set.flags.lowOrganizations.length })}</li>
            <li>{t("flags.leadersCount", { count: set.flags.ineligibleLeaders.length })}</li>
            <li>
              {t("flags.candidatesCount", {
                orgs: set.candidates.organizations.length,
                members: set.candidates.members.length,
                workers: set.candidates.partyWorkers.length,
              })}
            </li>
          </ul>
          <p className="mt-2">
            <Link
              href={ratingHref(campaign.id, year, "/flags", { version: v })}
              className="font-medium text-red-900 underline underline-offset-2"
            >
              {t("flags.open")}
            </Link>
          </p>
        </div>
      </section>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
          {t("orgs.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("orgs.caption")}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("orgs.name")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("orgs.level")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("orgs.score")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("orgs.stars")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("orgs.flag")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("explain")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="font-medium text-stone-900">{orgName(o)}</span>
                    <span className="block text-xs text-stone-600">{o.code}</span>
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">
                    {o.level ? tc(`orgLevel.${o.level}`) : "—"}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {formatScore(o.score, locale)}
                  </td>
                  <td className="px-3 py-2">
                    <Stars stars={o.stars} label={t("starsLabel", { stars: o.stars })} />
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {o.stars <= set.thresholds.flagAtOrBelow ? t("orgs.lowFlag") : ""}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link
                      href={ratingHref(campaign.id, year, `/organizations/${o.id}`, { version: v })}
                      className="inline-flex min-h-11 items-center text-red-900 underline underline-offset-2"
                    >
                      {t("explain")}
                      <span className="sr-only">
                        {t("colon")}
                        {orgName(o)}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RatingPager
        page={page}
        pageCount={pageCount}
        total={total}
        hrefFor={(p) =>
          ratingHref(campaign.id, year, "", { version: v, stars: starsFilter, page: p })
        }
      />
    </RatingFrame>
  );
}
