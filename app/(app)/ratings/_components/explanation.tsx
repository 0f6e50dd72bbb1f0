import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import type { RatingExplanation } from "@/server/data/ratings/get-rating-explanation";
import type { RaisePlan } from "@/server/data/ratings/plan-one-star";
import type { RatingLine, WindowTrace } from "@/server/data/ratings/rating-types";
import type { RatingCampaign } from "@/server/data/ratings/get-rating-context";
import {
  formatAmount,
  unitLabel,
  type Translate,
} from "../../campaigns/_components/describe-quota";
import { ResultStatusBadge } from "../../campaigns/_components/status-badge";
import { AssessmentForm } from "./assessment-form";
import { ratingHref } from "./load-view";
import { RatingFrame } from "./rating-frame";
import { formatScore, Stars } from "./stars";

/** Windows listed in full up to this many; more fold into a disclosure. */
const INLINE_WINDOWS = 3;

/**
 * One subject's rating explained: the score and stars, a breakdown in which every point names
 * its source (a quota's windows with achieved / target and a link to the quota's records, an
 * assessment entry with its comment, author and time, or a veto and its cap), the lines adding
 * up to the score; then the one-star plan, the assessment form and the entry history.
 */
export async function Explanation({
  campaign,
  year,
  data,
}: {
  campaign: RatingCampaign;
  year: number;
  data: RatingExplanation;
}) {
  const [t, tc, tcamp, locale] = await Promise.all([
    getTranslations("ratings"),
    getTranslations("common"),
    getTranslations("campaigns"),
    getLocale() as Promise<Locale>,
  ]);
  const { rating, branch, publication, versions, plan, history, canAssess, set } = data;
  const v = publication?.version ?? null;
  const isOrg = rating.kind === "organization";
  const name = locale === "en" && rating.nameEn ? rating.nameEn : rating.name;
  const unit = (code: string) => unitLabel(tcamp as unknown as Translate, code, undefined);
  const amount = (n: number) => formatAmount(n, locale);
  const itemLabel = (id: string) =>
    set.settings.manualItems.find((m) => m.id === id)?.label ??
    set.settings.vetoItems.find((x) => x.id === id)?.label ??
    id;

  const windowText = (w: WindowTrace) => (
    <>
      {t("explanation.window", { from: formatDay(w.start, locale), to: formatDay(w.end, locale) })}
      {t("colon")}
      <span className="tabular-nums">
        {t("explanation.achievedOf", {
          achieved: amount(w.achieved),
          target: amount(w.countedTarget),
          unit: unit(w.unit),
        })}
      </span>
      {!w.final && w.countedTarget !== w.target ? (
        <span className="text-stone-600">
          {" "}
          {t("explanation.pace", { target: amount(w.target) })}
        </span>
      ) : null}
      {w.aboveMax ? <span className="text-stone-600"> {t("explanation.aboveMax")}</span> : null} ·{" "}
      {t("explanation.compliance", { pct: amount(w.compliance * 100) })}{" "}
      <ResultStatusBadge status={w.status} label={tcamp(`resultStatus.${w.status}`)} /> ·{" "}
      {t("explanation.records", { count: w.records })}
    </>
  );

  const basis = (line: RatingLine) => {
    if (line.source === "quota") {
      if (line.windows.length === 0) return <p>{t("explanation.noQuota")}</p>;
      const list = (
        <ul className="grid gap-1">
          {line.windows.map((w) => (
            <li key={w.start}>{windowText(w)}</li>
          ))}
        </ul>
      );
      return (
        <div className="grid gap-1">
          <p>
            {t("explanation.quotaFormula", {
              weight: amount(line.weight),
              total: amount(line.totalWeight),
              max: amount(line.maxPoints),
              pct: amount(line.compliance * 100),
              windows: line.windows.length,
            })}
          </p>
          {line.windows.length <= INLINE_WINDOWS ? (
            list
          ) : (
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-red-900">
                {t("explanation.windows", {
                  count: line.windows.length,
                  met: line.windows.filter((w) => w.compliance >= 1).length,
                })}
              </summary>
              {list}
            </details>
          )}
          {line.href ? (
            <p>
              <Link href={line.href} className="text-red-900 underline underline-offset-2">
                {t("explanation.quotaLink")}
                <span className="sr-only">
                  {t("colon")}
                  {line.label}
                </span>
              </Link>
            </p>
          ) : null}
        </div>
      );
    }
    const entry = line.entry;
    const who = entry
      ? t("explanation.entered", {
          by: entry.enteredByName,
          at: formatDateTime(entry.enteredAt, locale),
        })
      : null;
    if (line.source === "manual") {
      return entry ? (
        <div className="grid gap-1">
          <p>
            {t("explanation.manualPoints", {
              points: amount(entry.points ?? 0),
              max: amount(line.maxPoints),
            })}
          </p>
          <p className="whitespace-pre-line">“{entry.comment}”</p>
          <p className="text-stone-600">{who}</p>
          {entry.sourceHref ? (
            <p>
              <Link href={entry.sourceHref} className="text-red-900 underline underline-offset-2">
                {t("explanation.sourceRound")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t("explanation.notAssessed", { max: amount(line.maxPoints) })}</p>
      );
    }
    return (
      <div className="grid gap-1">
        <p>
          {line.binding
            ? t("explanation.vetoBinding", { cap: amount(line.capScore) })
            : t("explanation.vetoNotBinding", { cap: amount(line.capScore) })}
        </p>
        {entry ? (
          <>
            <p className="whitespace-pre-line">“{entry.comment}”</p>
            <p className="text-stone-600">{who}</p>
          </>
        ) : null}
      </div>
    );
  };

  const lineLabel = (line: RatingLine) => {
    if (line.source === "quota") {
      if (line.windows.length === 0) return t("explanation.quotaPool");
      return locale === "en" && line.labelEn ? line.labelEn : line.label;
    }
    return line.label;
  };

  return (
    <RatingFrame
      campaign={campaign}
      year={year}
      asOf={set.asOf}
      publication={publication}
      versions={versions}
      tab={null}
      path={`/${isOrg ? "organizations" : "members"}/${rating.id}`}
      title={name}
    >
      <p className="mb-3 text-sm">
        <Link
          href={ratingHref(campaign.id, year, isOrg ? "" : "/members", { version: v })}
          className="text-red-900 underline underline-offset-2"
        >
          {isOrg ? t("explanation.backOrgs") : t("explanation.backMembers")}
        </Link>
      </p>
      <section
        aria-labelledby="score-h"
        className="mb-4 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="score-h" className="text-sm font-medium text-stone-700">
          {isOrg ? t("explanation.orgIndex") : t("explanation.memberIndex")}
        </h2>
        <p className="mt-1 flex flex-wrap items-baseline gap-3">
          <span className="text-3xl font-semibold tabular-nums text-stone-950">
            {t("explanation.score", { score: formatScore(rating.score, locale) })}
          </span>
          <span className="text-lg">
            <Stars stars={rating.stars} label={t("starsLabel", { stars: rating.stars })} />
          </span>
        </p>
        <p className="mt-1 text-sm text-stone-700">
          {isOrg
            ? `${rating.level ? tc(`orgLevel.${rating.level}`) : ""} · ${rating.code}`
            : `${rating.code} · ${rating.orgName}`}
        </p>
        {!isOrg ? (
          <p className="mt-1 text-sm text-stone-700">
            {branch ? (
              <>
                {t("explanation.branch", { name: branch.name })}{" "}
                <Stars stars={branch.stars} label={t("starsLabel", { stars: branch.stars })} />
              </>
            ) : (
              t("explanation.branchUnrated")
            )}
          </p>
        ) : null}
        <p className="mt-2 text-sm text-stone-700">
          {t("explanation.bands", {
            bands: [...set.settings.bands]
              .sort((a, b) => b.stars - a.stars)
              .map((b) => t("explanation.band", { stars: b.stars, min: amount(b.minScore) }))
              .join("，"),
          })}
        </p>
      </section>

      <section aria-labelledby="breakdown-h" className="mb-6">
        <h2 id="breakdown-h" className="mb-2 text-lg font-semibold">
          {t("explanation.breakdown")}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("explanation.breakdown")}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("explanation.source")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("explanation.item")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("explanation.basis")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("explanation.points")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {rating.breakdown.map((line) => (
                <tr key={`${line.source}-${line.id}`}>
                  <td className="whitespace-nowrap px-3 py-2">
                    {t(`explanation.sourceKind.${line.source}`)}
                  </td>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {lineLabel(line)}
                  </th>
                  <td className="px-3 py-2 text-stone-800">{basis(line)}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {line.source === "veto"
                      ? amount(line.points)
                      : t("explanation.pointsOf", {
                          points: amount(line.points),
                          max: amount(line.maxPoints),
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-stone-300 bg-stone-50">
              <tr>
                <th scope="row" colSpan={3} className="px-3 py-2 text-right font-semibold">
                  {t("explanation.total")}
                </th>
                <td className="whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums">
                  {formatScore(rating.score, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      {plan ? <RaisePlanView plan={plan} /> : null}

      {canAssess ? (
        <div className="mb-6">
          <AssessmentForm
            campaignId={campaign.id}
            year={year}
            subjectKind={rating.kind}
            subjectId={rating.id}
            items={[
              ...set.settings.manualItems.map((m) => ({
                id: m.id,
                label: m.label,
                kind: "manual" as const,
                maxPoints: m.maxPoints,
              })),
              ...set.settings.vetoItems.map((x) => ({
                id: x.id,
                label: x.label,
                kind: "veto" as const,
                capScore: x.capScore,
              })),
            ]}
          />
        </div>
      ) : null}

      <section aria-labelledby="history-h" className="mb-6">
        <h2 id="history-h" className="mb-2 text-lg font-semibold">
          {t("history.title")}
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-stone-700">{t("history.none")}</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {history.map((h) => (
              <li key={h.id} className="rounded-md border border-stone-200 bg-white p-3">
                <p className="font-medium">
                  {itemLabel(h.itemId)}
                  {t("colon")}
                  {h.kind === "MANUAL"
                    ? t("history.points", { points: amount(h.points ?? 0) })
                    : h.triggered
                      ? t("history.triggered")
                      : t("history.notTriggered")}
                  <span className="ml-2 text-xs font-normal text-stone-700">
                    {h.supersededAt
                      ? t("history.superseded", { at: formatDateTime(h.supersededAt, locale) })
                      : t("history.current")}
                  </span>
                </p>
                <p className="whitespace-pre-line">“{h.comment}”</p>
                <p className="text-stone-600">
                  {t("explanation.entered", {
                    by: h.enteredByName,
                    at: formatDateTime(h.enteredAt, locale),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </RatingFrame>
  );
}

async function RaisePlanView({ plan }: { plan: RaisePlan }) {
  const [t, tr, tcamp, locale] = await Promise.all([
    getTranslations("ratings.raise"),
    getTranslations("ratings"),
    getTranslations("campaigns"),
    getLocale() as Promise<Locale>,
  ]);
  const amount = (n: number) => formatAmount(n, locale);
  const unit = (code: string) => unitLabel(tcamp as unknown as Translate, code, undefined);
  return (
    <section
      aria-labelledby="raise-h"
      className="mb-6 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="raise-h" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      {plan.kind === "top" ? (
        <p className="text-sm">{t("top")}</p>
      ) : plan.kind === "blockedByVeto" ? (
        <p className="text-sm">
          {t("blocked", {
            label: plan.veto.label,
            cap: amount(plan.veto.capScore),
            next: plan.nextStars,
            min: amount(plan.nextMinScore),
          })}
        </p>
      ) : (
        <div className="grid gap-2 text-sm">
          <p>
            {t("missing", {
              missing: amount(plan.missing),
              next: plan.nextStars,
              min: amount(plan.nextMinScore),
            })}
            {plan.steps.length ? ` ${t("stepsIntro")}` : null}
          </p>
          {plan.steps.length ? (
            <ol className="list-decimal pl-6">
              {plan.steps.map((s) => (
                <li key={`${s.quotaId}-${s.window.start}`}>
                  {s.href ? (
                    <Link href={s.href} className="text-red-900 underline underline-offset-2">
                      {locale === "en" && s.labelEn ? s.labelEn : s.label}
                    </Link>
                  ) : (
                    s.label
                  )}
                  {tr("colon")}
                  {t("step", {
                    units: amount(s.units),
                    unit: unit(s.unit),
                    points: amount(s.points),
                    from: formatDay(s.window.start, locale),
                    to: formatDay(s.window.end, locale),
                  })}
                  {s.open ? null : <span className="text-stone-600"> {t("closedWindow")}</span>}
                </li>
              ))}
            </ol>
          ) : null}
          <p>
            {plan.reachable
              ? t("projected", { score: amount(plan.projectedScore), stars: plan.projectedStars })
              : t("unreachable", { score: amount(plan.projectedScore) })}
          </p>
          {plan.manualHeadroom.length ? (
            <p className="text-stone-700">
              {t("manual", {
                items: plan.manualHeadroom
                  .map((m) => t("manualItem", { label: m.label, headroom: amount(m.headroom) }))
                  .join("、"),
              })}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
