import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay } from "@/lib/format";
import { requirePagePermission } from "@/server/auth/get-actor";
import { getRoundDetail } from "@/server/data/opinions/list-rounds";
import { isAppError } from "@/server/errors";
import { AnswerForm, RectificationForm, RoundManageForms } from "../_components/opinion-forms";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("opinions");
  return { title: t("title") };
}

/** One round: its opinions with answers and rectification, or an evaluation's results. */
export default async function RoundPage({ params }: Props) {
  const actor = await requirePagePermission("opinion.read");
  const { id } = await params;
  const detail = await getRoundDetail(actor, id).catch((error) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([
    getTranslations("opinions"),
    getLocale() as Promise<Locale>,
  ]);
  const { round, figures, opinions } = detail;
  const name = (o: { name: string; nameEn?: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const questionLabel = (q: { id: string; label: string }) =>
    t.has(`question.${q.id}`) ? t(`question.${q.id}`) : q.label;
  const rating = round.result?.rating;
  return (
    <>
      <PageHeader
        title={round.title}
        subtitle={
          <>
            {t(`kind.${round.kind}`)} · {name(round.org)} ·{" "}
            {t("dates", {
              from: formatDay(round.opensOn, locale),
              to: formatDay(round.closesOn, locale),
            })}{" "}
            · {t(`state.${round.state}`)}
            {round.campaign ? ` · ${t("campaign")}：${round.campaign.name}` : ""}
          </>
        }
      />
      {round.description ? (
        <p className="mb-4 whitespace-pre-line text-stone-800">{round.description}</p>
      ) : null}
      {detail.mayManage ? (
        <div className="mb-6">
          <RoundManageForms roundId={round.id} version={round.version} open={!round.closedAt} />
        </div>
      ) : null}

      {figures ? (
        <section
          aria-labelledby="figures"
          className="mb-6 grid gap-1 rounded-md border border-stone-200 p-3"
        >
          <h2 id="figures" className="text-lg font-semibold">
            {t("figures")}
          </h2>
          {figures.average === null ? (
            <p>{t("noResponses")}</p>
          ) : (
            <>
              <p>
                {t("average", {
                  average: figures.average.toFixed(2),
                  responses: figures.responses,
                })}
              </p>
              <ul className="text-sm text-stone-700">
                {figures.questions.map((q) => (
                  <li key={q.id}>
                    {t("questionAverage", {
                      label: questionLabel(q),
                      average: q.average?.toFixed(2) ?? "—",
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {rating?.fed ? (
            <p>
              {t("ratingFed", { year: rating.year, points: rating.points, max: rating.maxPoints })}{" "}
              <Link
                href={`/ratings/${rating.campaignId}/${rating.year}/organizations/${round.org.id}`}
                className="text-red-900 underline underline-offset-2"
              >
                {t("ratingLink")}
              </Link>
            </p>
          ) : rating ? (
            <p>{t("ratingNotFed", { reason: rating.reason })}</p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="opinions">
        <h2 id="opinions" className="mb-2 text-lg font-semibold">
          {round.kind === "EVALUATION" ? t("responses") : t("opinions")}
        </h2>
        {opinions.length === 0 ? (
          <p className="text-stone-600">{t("noOpinions")}</p>
        ) : (
          <ul className="grid gap-3">
            {opinions.map((o) => (
              <li
                key={o.id}
                className="grid gap-2 rounded-md border border-stone-200 p-3"
                data-testid="opinion"
              >
                <p className="text-sm text-stone-600">
                  {o.category ? `${t(`category.${o.category}`)} · ` : ""}
                  {name(o.org)} ·{" "}
                  {o.anonymous
                    ? t("anonymous")
                    : t("author", {
                        name: o.authorName ?? "",
                        contact: o.authorContact ?? "",
                      })}{" "}
                  · {t("receivedAt", { at: formatDateTime(o.createdAt, locale) })}
                </p>
                {o.scores ? (
                  <p className="text-sm">
                    {t("scores")}：
                    {round.questions
                      .map((q) => `${questionLabel(q)} ${o.scores?.[q.id] ?? "—"}`)
                      .join("；")}
                  </p>
                ) : null}
                {o.body ? (
                  <p className="whitespace-pre-line break-words text-base">{o.body}</p>
                ) : null}
                {o.answer ? (
                  <div className="rounded bg-stone-50 p-2 text-sm">
                    <p className="font-medium">{t("answer")}</p>
                    <p className="whitespace-pre-line">{o.answer}</p>
                    <p className="text-stone-600">
                      {t("answeredBy", {
                        by: o.answeredByName ?? "",
                        at: formatDateTime(o.answeredAt, locale),
                      })}
                    </p>
                  </div>
                ) : null}
                {o.rectification !== "NONE" ? (
                  <div className="text-sm">
                    <p>
                      {t("rectify")}：{t(`rectification.${o.rectification}`)}
                    </p>
                    {o.rectificationNote ? (
                      <p className="whitespace-pre-line">{o.rectificationNote}</p>
                    ) : null}
                    {o.evidence.length ? (
                      <p>
                        {t("evidence")}：
                        {o.evidence.map((e, i) => (
                          <span key={e.id}>
                            {i > 0 ? "、" : ""}
                            <a href={`/api/evidence/${e.id}`} className="text-red-900 underline">
                              {e.name}
                            </a>
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </div>
                ) : null}
                {o.mayManage && round.kind === "OPINION" ? (
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 text-red-900">
                      {t("answer")}
                    </summary>
                    <AnswerForm opinionId={o.id} version={o.version} answer={o.answer} />
                  </details>
                ) : null}
                {o.mayManage && o.rectification !== "NONE" && o.rectification !== "DONE" ? (
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 text-red-900">
                      {t("rectify")}
                    </summary>
                    <RectificationForm
                      opinionId={o.id}
                      version={o.version}
                      status={o.rectification}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
