import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getCommendationWindow } from "@/server/data/commendations/get-commendations";
import { isAppError } from "@/server/errors";
import {
  AnswerForm,
  FinalizeForm,
  NominateForm,
  ObjectionForm,
  PublishForm,
  ReviewForm,
} from "../_components/commendation-forms";

type Props = { params: Promise<{ id: string }> };

/** One selection: nominations, review, the public notice with objections, the final list. */
export default async function CommendationWindowPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const view = await getCommendationWindow(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([
    getTranslations("commendations"),
    getLocale() as Promise<Locale>,
  ]);
  const w = view.window;
  const stage = w.stage;
  const unpublished = stage === "nominating" || stage === "reviewing" || stage === "upcoming";
  return (
    <>
      <PageHeader
        title={w.title}
        subtitle={
          <>
            {w.rootOrgName} · {t(`stage.${stage}`)}
            {w.noticeStartsOn && w.noticeEndsOn
              ? ` · ${t("notice", { start: formatDay(w.noticeStartsOn, locale), end: formatDay(w.noticeEndsOn, locale) })}`
              : ""}
          </>
        }
      />
      <p className="mb-4 text-sm text-stone-700">
        {t("rules", { member: w.minMemberStars, org: w.minOrgStars })}
      </p>

      {view.nominatingOrgs.length > 0 ? (
        <section className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("nominate")}</h2>
          <NominateForm
            windowId={w.id}
            nominatingOrgs={view.nominatingOrgs}
            members={view.memberOptions}
            orgs={view.orgOptions}
          />
        </section>
      ) : null}

      <section aria-labelledby="nominations-heading" className="mb-6">
        <h2 id="nominations-heading" className="mb-2 text-lg font-semibold">
          {stage === "final" ? t("finalList") : t("nominations")}
        </h2>
        {view.nominations.length === 0 ? (
          <p className="text-stone-600">{t("noNominations")}</p>
        ) : (
          <ul className="grid gap-3">
            {view.nominations.map((n) => {
              const objections = view.objections.filter((o) => o.nominationId === n.id);
              return (
                <li key={n.id} className="rounded-md border border-stone-200 p-3 text-sm">
                  <p className="font-medium">
                    {t(`categories.${n.category}`)} · {n.nomineeName}
                    <span className="text-stone-600">
                      {" "}
                      · {n.nominatingOrgName} · {t(`status.${n.status}`)}
                    </span>
                  </p>
                  <p className="mt-1 whitespace-pre-wrap text-stone-800">{n.citation}</p>
                  {n.reviewNote ? <p className="mt-1 text-stone-700">{n.reviewNote}</p> : null}
                  {view.mayManage || unpublished ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-red-800">{t("eligibility")}</summary>
                      <ul className="list-disc pl-5">
                        {n.eligibility.map((c) => (
                          <li key={c.rule}>{c.detail}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {view.mayManage && unpublished && stage !== "upcoming" ? (
                    <div className="mt-2 max-w-md">
                      <ReviewForm nominationId={n.id} label={n.nomineeName} />
                    </div>
                  ) : null}
                  {stage === "notice" && n.status === "ACCEPTED" ? (
                    <div className="mt-2 max-w-md">
                      <ObjectionForm nominationId={n.id} label={n.nomineeName} />
                    </div>
                  ) : null}
                  {objections.length > 0 ? (
                    <div className="mt-2">
                      <h3 className="font-medium">{t("objections")}</h3>
                      <ul className="grid gap-2">
                        {objections.map((o) => (
                          <li key={o.id} className="rounded border border-stone-200 p-2">
                            <p className="whitespace-pre-wrap">{o.text}</p>
                            <p className="text-xs text-stone-600">
                              {o.filedByName ?? t("anonymousFiler")} ·{" "}
                              {formatDateTime(o.createdAt, locale)}
                            </p>
                            {o.answer !== null ? (
                              <p className="text-stone-800">
                                {t("answered")}：{o.answer}（{o.upheld ? t("yes") : t("no")}）
                              </p>
                            ) : view.mayManage && stage !== "final" ? (
                              <AnswerForm objectionId={o.id} />
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {view.mayManage && stage === "reviewing" ? (
        <section className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("publish")}</h2>
          <PublishForm windowId={w.id} />
        </section>
      ) : null}
      {view.mayManage && stage === "noticeEnded" ? (
        <section className="mb-6">
          <FinalizeForm windowId={w.id} />
        </section>
      ) : null}
    </>
  );
}
