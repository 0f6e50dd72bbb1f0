import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import type { MemberCandidate } from "@/server/data/ratings/rating-types";
import { formatScore, Stars } from "../../../_components/stars";
import {
  loadRatingCampaign,
  loadRatingView,
  positiveInt,
  ratingHref,
} from "../../../_components/load-view";
import { RatingFrame } from "../../../_components/rating-frame";

/** Long candidate lists are cut here; the members table shows everyone. */
const MAX_ROWS = 200;

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
  return { title: `${t("tabs.flags")} · ${campaign.name} ${year}` };
}

/**
 * What the ratings mean for people (seed 001): organizations at 3★ or below, the responsible
 * persons who may not be graded "excellent", and the 两优一先 candidates.
 */
export default async function RatingFlagsPage({ params, searchParams }: Props) {
  const [{ campaignId, year: yearParam }, query] = await Promise.all([params, searchParams]);
  const version = positiveInt(query.version);
  const { campaign, year, set, publication, versions, figures } = await loadRatingView(
    campaignId,
    yearParam,
    version,
  );
  const [t, tc, locale] = await Promise.all([
    getTranslations("ratings"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const v = publication?.version ?? null;
  const th = set.thresholds;
  const orgName = (o: { name: string; nameEn: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const orgLink = (id: string, text: string) => (
    <Link
      href={ratingHref(campaign.id, year, `/organizations/${id}`, { version: v })}
      className="text-red-900 underline underline-offset-2"
    >
      {text}
    </Link>
  );
  const memberLink = (id: string, text: string) => (
    <Link
      href={ratingHref(campaign.id, year, `/members/${id}`, { version: v })}
      className="text-red-900 underline underline-offset-2"
    >
      {text}
    </Link>
  );
  const cell = "px-3 py-2";
  const head = "px-3 py-2 font-medium";

  const candidateTable = (id: string, rows: MemberCandidate[], caption: string) =>
    rows.length === 0 ? (
      <p className="text-sm text-stone-700">{t("flags.none")}</p>
    ) : (
      <>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table id={id} className="w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className={head}>
                  {t("members.name")}
                </th>
                <th scope="col" className={head}>
                  {t("members.org")}
                </th>
                <th scope="col" className={`${head} text-right`}>
                  {t("members.score")}
                </th>
                <th scope="col" className={head}>
                  {t("members.stars")}
                </th>
                <th scope="col" className={head}>
                  {t("flags.branch")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.slice(0, MAX_ROWS).map((m) => (
                <tr key={m.memberId}>
                  <th scope="row" className={`${cell} font-normal`}>
                    {memberLink(m.memberId, m.name)}
                    <span className="block text-xs text-stone-600">{m.number}</span>
                  </th>
                  <td className={cell}>{m.orgName}</td>
                  <td className={`${cell} text-right tabular-nums`}>
                    {formatScore(m.score, locale)}
                  </td>
                  <td className={cell}>
                    <Stars stars={m.stars} label={t("starsLabel", { stars: m.stars })} />
                  </td>
                  <td className={cell}>
                    {m.branchName} ·{" "}
                    <Stars
                      stars={m.branchStars}
                      label={t("starsLabel", { stars: m.branchStars })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length > MAX_ROWS ? (
          <p className="mt-1 text-sm text-stone-600">
            {t("flags.more", { count: rows.length - MAX_ROWS })}
          </p>
        ) : null}
      </>
    );

  return (
    <RatingFrame
      campaign={campaign}
      year={year}
      asOf={set.asOf}
      figures={figures}
      publication={publication}
      versions={versions}
      tab="flags"
    >
      <section aria-labelledby="low-h" className="mb-6">
        <h2 id="low-h" className="mb-1 text-lg font-semibold">
          {t("flags.lowTitle", { stars: th.flagAtOrBelow })}
        </h2>
        <p className="mb-2 text-sm text-stone-700">{t("flags.lowHint")}</p>
        {set.flags.lowOrganizations.length === 0 ? (
          <p className="text-sm text-stone-700">{t("flags.none")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                {t("flags.lowTitle", { stars: th.flagAtOrBelow })}
              </caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className={head}>
                    {t("orgs.name")}
                  </th>
                  <th scope="col" className={head}>
                    {t("orgs.level")}
                  </th>
                  <th scope="col" className={`${head} text-right`}>
                    {t("orgs.score")}
                  </th>
                  <th scope="col" className={head}>
                    {t("orgs.stars")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {set.flags.lowOrganizations.map((o) => (
                  <tr key={o.orgId}>
                    <th scope="row" className={`${cell} font-normal`}>
                      {orgLink(o.orgId, orgName(o))}
                    </th>
                    <td className={cell}>{tc(`orgLevel.${o.level}`)}</td>
                    <td className={`${cell} text-right tabular-nums`}>
                      {formatScore(o.score, locale)}
                    </td>
                    <td className={cell}>
                      <Stars stars={o.stars} label={t("starsLabel", { stars: o.stars })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="leaders-h" className="mb-6">
        <h2 id="leaders-h" className="mb-1 text-lg font-semibold">
          {t("flags.leadersTitle")}
        </h2>
        <p className="mb-2 text-sm text-stone-700">
          {t("flags.leadersHint", { stars: th.eligibleOrgStars })}
        </p>
        {set.flags.ineligibleLeaders.length === 0 ? (
          <p className="text-sm text-stone-700">{t("flags.none")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("flags.leadersTitle")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className={head}>
                    {t("members.name")}
                  </th>
                  <th scope="col" className={head}>
                    {t("flags.ledOrg")}
                  </th>
                  <th scope="col" className={head}>
                    {t("orgs.stars")}
                  </th>
                  <th scope="col" className={head}>
                    {t("flags.basis")}
                  </th>
                  <th scope="col" className={head}>
                    {t("flags.grade")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {set.flags.ineligibleLeaders.map((l) => (
                  <tr key={`${l.memberId}-${l.orgId}`}>
                    <th scope="row" className={`${cell} font-normal`}>
                      {l.name}
                      <span className="block text-xs text-stone-600">{l.number}</span>
                    </th>
                    <td className={cell}>
                      {orgLink(l.orgId, locale === "en" && l.orgNameEn ? l.orgNameEn : l.orgName)}
                    </td>
                    <td className={cell}>
                      <Stars stars={l.orgStars} label={t("starsLabel", { stars: l.orgStars })} />
                    </td>
                    <td className={cell}>
                      {l.basis.map((b) => t(`flags.basisKind.${b}`)).join("、")}
                    </td>
                    <td className={`${cell} font-medium`}>{t("flags.notEligible")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cand-h" className="mb-6 grid gap-4">
        <div>
          <h2 id="cand-h" className="mb-1 text-lg font-semibold">
            {t("flags.candidatesTitle")}
          </h2>
          <p className="text-sm text-stone-700">{t("flags.candidatesHint")}</p>
        </div>
        <div>
          <h3 className="mb-1 font-medium">
            {t("flags.advancedOrgs", { stars: th.advancedOrgStars })}
          </h3>
          {set.candidates.organizations.length === 0 ? (
            <p className="text-sm text-stone-700">{t("flags.none")}</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {set.candidates.organizations.map((o) => (
                <li key={o.orgId} className="flex flex-wrap items-center gap-2">
                  {orgLink(o.orgId, orgName(o))}{" "}
                  <Stars stars={o.stars} label={t("starsLabel", { stars: o.stars })} />
                  <span className="tabular-nums text-stone-700">
                    {formatScore(o.score, locale)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="mb-1 font-medium">
            {t("flags.excellentMembers", {
              stars: th.excellentMemberStars,
              branch: th.candidateBranchStars,
            })}
          </h3>
          {candidateTable(
            "cand-members",
            set.candidates.members,
            t("flags.excellentMembers", {
              stars: th.excellentMemberStars,
              branch: th.candidateBranchStars,
            }),
          )}
        </div>
        <div>
          <h3 className="mb-1 font-medium">
            {t("flags.partyWorkers", {
              stars: th.excellentMemberStars,
              branch: th.candidateBranchStars,
            })}
          </h3>
          {candidateTable(
            "cand-workers",
            set.candidates.partyWorkers,
            t("flags.partyWorkers", {
              stars: th.excellentMemberStars,
              branch: th.candidateBranchStars,
            }),
          )}
        </div>
      </section>
    </RatingFrame>
  );
}
