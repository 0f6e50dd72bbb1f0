import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay, toDateInput, todayInShanghai } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { RESULT_STATUSES, findCampaignTemplate, type CampaignEvaluation } from "@/rules";
import { requireActorForPage } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import { summarizeEvaluation } from "@/server/data/campaigns/campaign-evaluation";
import { evaluateCampaignForActor } from "@/server/data/campaigns/evaluate-campaign-for-actor";
import { getCampaign } from "@/server/data/campaigns/get-campaign";
import {
  formatAmount,
  measureText,
  periodText,
  quotaTargetText,
  subjectText,
} from "../_components/describe-quota";
import { CampaignStatusBadge, ResultStatusBadge } from "../_components/status-badge";
import { EditCampaignForm } from "./_components/edit-campaign-form";
import { AddLeaderForm, RemoveLeaderButton } from "./_components/leader-forms";
import { PhasesForm } from "./_components/phases-form";
import { RatingSettingsForm } from "./_components/rating-settings-form";
import { RemoveQuotaButton } from "./_components/remove-quota-button";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; skipped?: string; saved?: string }>;
};

// Once per request: the page and its metadata both need the campaign.
const load = cache(async (id: string) => {
  const actor = await requireActorForPage();
  const detail = await getCampaign(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, detail };
});

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const { detail } = await load(id);
  return { title: detail.campaign.name };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, detail } = await load(id);
  const { campaign, definition, rootOrg, leaders, covered, canManage, seesWholeCampaign } = detail;
  const today = todayInShanghai();
  const [t, tc, locale] = await Promise.all([
    getTranslations("campaigns"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);

  let evaluation: CampaignEvaluation | null = null;
  let evaluationError: string | null = null;
  try {
    evaluation = await evaluateCampaignForActor(actor, campaign.id, today, { windows: "current" });
  } catch (error) {
    if (!isAppError(error)) throw error;
    evaluationError = error.message;
  }
  const summaries = evaluation
    ? summarizeEvaluation(
        evaluation,
        definition.quotas.map((q) => q.id),
      )
    : null;
  const phases = definition.phases ?? [];
  const template = campaign.templateCode ? findCampaignTemplate(campaign.templateCode) : undefined;
  const orgName = (o: { name: string; nameEn: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const quotaName = (q: { name: string; nameEn?: string }) =>
    locale === "en" && q.nameEn ? q.nameEn : q.name;
  const quotaHref = (quotaId: string) =>
    `/campaigns/${campaign.id}/quotas/${encodeURIComponent(quotaId)}`;
  const skipped = Number(query.skipped ?? 0);

  return (
    <>
      {query.created === "1" ? (
        <div
          role="status"
          className="mb-3 grid gap-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          <p>{t("detail.created")}</p>
          {skipped > 0 ? (
            <p className="text-amber-900">{t("detail.skipped", { count: skipped })}</p>
          ) : null}
        </div>
      ) : null}
      {query.saved === "quota" ? (
        <p role="status" className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("detail.quotaSaved")}
        </p>
      ) : null}
      <PageHeader
        title={campaign.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} label={t(`status.${campaign.status}`)} />
            <span>
              {t("dateRange", {
                from: formatDay(campaign.startDate, locale),
                to: formatDay(campaign.endDate, locale),
              })}
            </span>
            <span>· {orgName(rootOrg)}</span>
          </span>
        }
        actions={
          <>
            <a
              href={`/api/campaigns/${campaign.id}/export`}
              download
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50"
            >
              {t("detail.exportTemplate")}
            </a>
            <LinkButton href="/campaigns" variant="secondary">
              {t("detail.backToList")}
            </LinkButton>
          </>
        }
      />

      <section aria-labelledby="campaign-info-h" className="mb-6">
        <h2 id="campaign-info-h" className="mb-2 font-semibold">
          {t("detail.info")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
          {(
            [
              [
                t("detail.dates"),
                t("dateRange", {
                  from: formatDay(campaign.startDate, locale),
                  to: formatDay(campaign.endDate, locale),
                }),
              ],
              [t("detail.status"), t(`status.${campaign.status}`)],
              [
                t("detail.root"),
                t("detail.coveredBy", {
                  root: orgName(rootOrg),
                  counts: t("detail.covered", {
                    colleges: covered.byLevel.COLLEGE ?? 0,
                    branches: covered.byLevel.BRANCH ?? 0,
                    members: covered.members,
                  }),
                }),
              ],
              [t("detail.template"), template ? template.name : t("detail.noTemplate")],
              [t("detail.description"), campaign.description ?? "—"],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-stone-600">{label}</dt>
              <dd className="text-stone-900">{value}</dd>
            </div>
          ))}
        </dl>
        {seesWholeCampaign ? (
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
            <a
              href={`/api/campaigns/${campaign.id}/export?file=campaign`}
              download
              className="text-red-900 underline underline-offset-2"
            >
              {t("detail.exportCampaignFile")}
            </a>
            <a
              href={`/api/campaigns/${campaign.id}/export?file=records`}
              download
              className="text-red-900 underline underline-offset-2"
            >
              {t("detail.exportRecordsFile")}
            </a>
            <span className="text-xs text-stone-600">{t("detail.cliHint")}</span>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="quotas-h" id="quotas" className="mb-6">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="quotas-h" className="font-semibold">
              {t("detail.quotas")}
            </h2>
            <p className="text-sm text-stone-600">
              {t("detail.quotasAsOf", { date: formatDay(today, locale) })}
              {seesWholeCampaign ? null : ` ${t("detail.partialScope")}`}
            </p>
          </div>
          {canManage ? (
            <LinkButton href={`/campaigns/${campaign.id}/quotas/new`}>
              {t("detail.newQuota")}
            </LinkButton>
          ) : null}
        </div>
        {evaluationError ? (
          <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("detail.evaluationError", { message: evaluationError })}
          </p>
        ) : null}
        {definition.quotas.length === 0 ? (
          <p className="text-sm text-stone-600">{t("detail.noQuotas")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("detail.quotas")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("detail.quotaName")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("detail.subject")}
                  </th>
                  <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t("detail.period")}
                  </th>
                  <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t("detail.target")}
                  </th>
                  {RESULT_STATUSES.map((s) => (
                    <th
                      key={s}
                      scope="col"
                      className="whitespace-nowrap px-2 py-2 text-right font-medium"
                    >
                      {t(`resultStatus.${s}`)}
                    </th>
                  ))}
                  {canManage ? (
                    <th scope="col" className="px-3 py-2 font-medium">
                      <span className="sr-only">{t("detail.editQuota")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {definition.quotas.map((q) => {
                  const summary = summaries?.get(q.id);
                  const population = summary?.population;
                  return (
                    <tr key={q.id} className="align-top">
                      <th scope="row" className="px-3 py-2 font-normal">
                        <Link
                          href={quotaHref(q.id)}
                          className="font-medium text-red-900 underline-offset-2 hover:underline"
                        >
                          {quotaName(q)}
                        </Link>
                        <span className="block text-xs text-stone-600">
                          {q.composite
                            ? q.composite.parts.map(quotaName).join("；")
                            : measureText(t, q)}
                        </span>
                      </th>
                      <td className="px-3 py-2">{subjectText(t, tc, q.subject)}</td>
                      <td className="whitespace-nowrap px-3 py-2">
                        {periodText(t, q.period, phases)}
                      </td>
                      <td className="px-3 py-2">{quotaTargetText(t, q, locale)}</td>
                      {population ? (
                        <td colSpan={RESULT_STATUSES.length} className="px-2 py-2">
                          <span className="flex flex-wrap items-center gap-2">
                            <ResultStatusBadge
                              status={population.status}
                              label={t(`resultStatus.${population.status}`)}
                            />
                            {population.share
                              ? t("detail.populationResult", {
                                  met: population.share.subjectsMet,
                                  covered: population.share.subjectsCovered,
                                  needed: population.share.subjectsNeeded,
                                })
                              : formatAmount(population.achieved, locale)}
                          </span>
                        </td>
                      ) : (
                        RESULT_STATUSES.map((s) => (
                          <td
                            key={s}
                            className="whitespace-nowrap px-2 py-2 text-right tabular-nums"
                          >
                            {summary ? (
                              s === "met" || summary.counts[s] === 0 ? (
                                summary.counts[s]
                              ) : (
                                <Link
                                  href={`${quotaHref(q.id)}?status=${s}`}
                                  className="text-red-900 underline underline-offset-2"
                                >
                                  {summary.counts[s]}
                                  <span className="sr-only">
                                    {" "}
                                    {quotaName(q)} {t(`resultStatus.${s}`)}
                                  </span>
                                </Link>
                              )
                            ) : (
                              "—"
                            )}
                          </td>
                        ))
                      )}
                      {canManage ? (
                        <td className="whitespace-nowrap px-3 py-2">
                          <span className="flex flex-wrap gap-2">
                            <Link
                              href={`${quotaHref(q.id)}/edit`}
                              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50"
                            >
                              {t("detail.editQuota")}
                              <span className="sr-only">：{quotaName(q)}</span>
                            </Link>
                            <RemoveQuotaButton
                              campaignId={campaign.id}
                              version={campaign.version}
                              quotaId={q.id}
                              name={quotaName(q)}
                            />
                          </span>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="phases-h">
          <h2 id="phases-h" className="mb-2 font-semibold">
            {t("detail.phases")}
          </h2>
          {phases.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noPhases")}</p>
          ) : (
            <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {phases.map((p) => (
                <li key={p.id} className="px-3 py-2">
                  <p className="font-medium text-stone-900">
                    {locale === "en" && p.nameEn ? p.nameEn : p.name}
                  </p>
                  <p className="text-sm text-stone-700">
                    {t("dateRange", {
                      from: formatDay(p.startDate, locale),
                      to: formatDay(p.endDate, locale),
                    })}
                  </p>
                  {p.theme ? (
                    <p className="text-sm text-stone-600">
                      {t("detail.phaseTheme")}：{p.theme}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="leaders-h">
          <h2 id="leaders-h" className="mb-2 font-semibold">
            {t("detail.leaders")}
          </h2>
          {leaders.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noLeaders")}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {leaders.map((l) => (
                <li
                  key={l.id}
                  className="flex min-h-11 flex-wrap items-center justify-between gap-2 px-3 py-2"
                >
                  <span>
                    <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-900 ring-1 ring-red-200">
                      {t(`leaderRole.${l.role}`)}
                    </span>
                    <span className="font-medium">{l.member.name}</span>
                    <span className="ml-2 text-xs text-stone-600">
                      {l.member.number} · {orgName(l.member.org)}
                    </span>
                  </span>
                  {canManage ? (
                    <RemoveLeaderButton
                      campaignId={campaign.id}
                      leaderId={l.id}
                      name={l.member.name}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canManage ? (
            <div className="mt-3">
              <AddLeaderForm campaignId={campaign.id} />
            </div>
          ) : null}
        </section>
      </div>

      {canManage ? (
        <div className="mt-8 grid gap-6">
          <EditCampaignForm
            id={campaign.id}
            version={campaign.version}
            values={{
              name: campaign.name,
              description: campaign.description ?? "",
              startDate: toDateInput(campaign.startDate),
              endDate: toDateInput(campaign.endDate),
              status: campaign.status,
            }}
          />
          <PhasesForm
            campaignId={campaign.id}
            version={campaign.version}
            phases={phases.map((p) => ({
              id: p.id,
              name: p.name,
              theme: p.theme ?? "",
              startDate: p.startDate,
              endDate: p.endDate,
            }))}
          />
          <RatingSettingsForm
            campaignId={campaign.id}
            version={campaign.version}
            ratingJson={definition.rating ? JSON.stringify(definition.rating, null, 2) : ""}
          />
        </div>
      ) : (
        <p className="mt-6 text-sm text-stone-600">{t("detail.readOnly")}</p>
      )}
    </>
  );
}
