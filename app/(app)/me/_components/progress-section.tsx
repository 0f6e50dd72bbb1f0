import { formatDecimal } from "@/lib/number-format";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import type {
  MyCampaignProgress,
  MyQuotaProgress,
} from "@/server/data/self-reports/get-my-progress";

const STATUS_TONE: Record<string, string> = {
  met: "bg-green-50 text-green-900 ring-green-200",
  onTrack: "bg-sky-50 text-sky-900 ring-sky-200",
  atRisk: "bg-amber-50 text-amber-900 ring-amber-200",
  behind: "bg-red-50 text-red-900 ring-red-200",
  notApplicable: "bg-stone-100 text-stone-700 ring-stone-300",
};

const BAR_TONE: Record<string, string> = {
  met: "bg-green-700",
  onTrack: "bg-sky-700",
  atRisk: "bg-amber-600",
  behind: "bg-red-700",
  notApplicable: "bg-stone-400",
};

/**
 * "Done / needed" for every quota that applies to the member, per campaign, with status and pace
 * (what the pace asks for by today). The figures come from the rules engine through getMyProgress.
 */
export async function ProgressSection({
  campaigns,
  locale,
}: {
  campaigns: MyCampaignProgress[];
  locale: Locale;
}) {
  const [t, tc] = await Promise.all([getTranslations("me"), getTranslations("campaigns")]);
  const amount = (n: number) => formatDecimal(n, locale, 2);
  const unitLabel = (unit: string) => (tc.has(`unit.${unit}`) ? tc(`unit.${unit}`) : unit);
  const name = (x: { name: string; nameEn: string | null }) =>
    locale === "en" && x.nameEn ? x.nameEn : x.name;

  /** "4/6 次", "12.5 / 20 小时", "1–2 项": done over needed, in the quota's unit. */
  const figure = (q: MyQuotaProgress) => {
    const needed =
      q.targetMax !== null && q.targetMax !== q.target
        ? `${amount(q.target)}–${amount(q.targetMax)}`
        : amount(q.target);
    const whole = Number.isInteger(q.achieved) && Number.isInteger(q.target);
    const sep = whole ? "/" : " / ";
    return `${amount(q.achieved)}${sep}${needed} ${unitLabel(q.unit)}`;
  };

  const quotaBlock = (q: MyQuotaProgress, nested: boolean) => {
    const share = q.target > 0 ? Math.min(1, q.achieved / q.target) : 1;
    const showPace = !q.final && q.status !== "met" && q.status !== "notApplicable";
    return (
      <div className={nested ? "py-2" : "py-3"}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <span className={nested ? "text-sm text-stone-800" : "font-medium text-stone-900"}>
            {name(q)}
          </span>
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-base font-semibold tabular-nums text-stone-900">{figure(q)}</span>
            <span
              className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_TONE[q.status] ?? STATUS_TONE.notApplicable}`}
            >
              {t(`status.${q.status}`)}
            </span>
          </span>
        </div>
        <div className="mt-1 h-2 w-full overflow-hidden rounded bg-stone-100" aria-hidden="true">
          <div
            className={`h-2 ${BAR_TONE[q.status] ?? BAR_TONE.notApplicable}`}
            style={{ width: `${Math.round(share * 100)}%` }}
          />
        </div>
        {!nested ? (
          <p className="mt-1 text-xs text-stone-600">
            {t("progress.window", {
              from: formatDay(q.window.start, locale),
              to: formatDay(q.window.end, locale),
            })}
            {showPace
              ? ` · ${t("progress.pace", { value: `${amount(q.expectedByNow)} ${unitLabel(q.unit)}` })}`
              : null}
            {q.final ? ` · ${t("progress.final")}` : null}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section aria-labelledby="me-progress-h" className="flex flex-col gap-3">
      <div>
        <h2 id="me-progress-h" className="text-lg font-semibold text-stone-900">
          {t("progress.title")}
        </h2>
        <p className="text-sm text-stone-600">{t("progress.intro")}</p>
      </div>
      {campaigns.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {t("progress.none")}
        </p>
      ) : (
        <ul className="grid gap-3">
          {campaigns.map((c) => (
            <li key={c.campaignId} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="font-semibold text-red-900">{name(c)}</h3>
              <p className="text-xs text-stone-600">
                {t("progress.dates", {
                  from: formatDay(c.startDate, locale),
                  to: formatDay(c.endDate, locale),
                })}
              </p>
              {c.invalid ? (
                <p className="mt-2 text-sm text-red-800">{t("progress.invalid")}</p>
              ) : !c.started ? (
                <p className="mt-2 text-sm text-stone-700">
                  {t("progress.notStarted", { date: formatDay(c.startDate, locale) })}
                </p>
              ) : c.quotas.length === 0 ? (
                <p className="mt-2 text-sm text-stone-700">{t("progress.noQuotas")}</p>
              ) : (
                <ul className="mt-1 divide-y divide-stone-100">
                  {c.quotas.map((q) => (
                    <li key={q.quotaId}>
                      {quotaBlock(q, false)}
                      {q.parts.length > 0 ? (
                        <div className="mb-2 border-l-2 border-stone-200 pl-3">
                          <p className="text-xs text-stone-600">{t("progress.parts")}</p>
                          <ul>
                            {q.parts.map((p) => (
                              <li key={p.partId ?? p.name}>{quotaBlock(p, true)}</li>
                            ))}
                          </ul>
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
