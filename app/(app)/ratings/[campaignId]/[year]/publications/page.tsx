import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { listRatingPublications } from "@/server/data/ratings/get-published-ratings";
import { loadRatingCampaign, ratingHref } from "../../../_components/load-view";
import { PublishForm } from "../../../_components/publish-form";
import { RatingFrame } from "../../../_components/rating-frame";

type Props = { params: Promise<{ campaignId: string; year: string }> };

export async function generateMetadata({ params }: Props) {
  const { campaignId, year } = await params;
  const [{ campaign }, t] = await Promise.all([
    loadRatingCampaign(campaignId, year),
    getTranslations("ratings"),
  ]);
  return { title: `${t("tabs.publications")} · ${campaign.name} ${year}` };
}

/** Every published version of the year (each can be opened), and the form that publishes the current computation. */
export default async function RatingPublicationsPage({ params }: Props) {
  const { campaignId, year: yearParam } = await params;
  const { actor, campaign, year } = await loadRatingCampaign(campaignId, yearParam);
  const [versions, t, locale] = await Promise.all([
    listRatingPublications(actor, { campaignId, year }),
    getTranslations("ratings"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <RatingFrame
      campaign={campaign}
      year={year}
      asOf={campaign.asOfByYear[year]!}
      publication={null}
      versions={versions}
      tab="publications"
    >
      <section aria-labelledby="versions-h" className="mb-6">
        <h2 id="versions-h" className="mb-2 text-lg font-semibold">
          {t("publications.title")}
        </h2>
        {versions.length === 0 ? (
          <p className="text-sm text-stone-700">{t("publications.none")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("publications.title")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("publications.version")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("publications.publishedAt")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("publications.by")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("publications.asOf")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("publications.subjects")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("publications.reason")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {versions.map((p, i) => (
                  <tr key={p.id}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link
                        href={ratingHref(campaign.id, year, "", { version: p.version })}
                        className="inline-flex min-h-11 items-center font-medium text-red-900 underline underline-offset-2"
                      >
                        {t("publications.open", { version: p.version })}
                      </Link>
                      {i === 0 ? (
                        <span className="ml-2 text-xs text-stone-700">
                          {t("publications.latest")}
                        </span>
                      ) : null}
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">
                      {formatDateTime(p.publishedAt, locale)}
                    </td>
                    <td className="px-3 py-2">{p.publishedByName}</td>
                    <td className="whitespace-nowrap px-3 py-2">{formatDay(p.asOf, locale)}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {t("publications.counts", { orgs: p.organizations, members: p.members })}
                    </td>
                    <td className="px-3 py-2">{p.reason ?? t("publications.firstVersion")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {campaign.canPublish ? (
        <PublishForm
          campaignId={campaign.id}
          year={year}
          nextVersion={(versions[0]?.version ?? 0) + 1}
        />
      ) : (
        <p className="text-sm text-stone-700">{t("publications.readOnly")}</p>
      )}
    </RatingFrame>
  );
}
