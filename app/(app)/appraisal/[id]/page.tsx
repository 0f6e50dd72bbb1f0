import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getAppraisalRound } from "@/server/data/appraisal/get-appraisal";
import { isAppError } from "@/server/errors";
import {
  BallotForm,
  CloseRoundForm,
  ConclusionForm,
  SelfAssessmentForm,
} from "../_components/appraisal-forms";

type Props = { params: Promise<{ id: string }> };

const VERDICTS = ["EXCELLENT", "QUALIFIED", "BASICALLY_QUALIFIED", "UNQUALIFIED"] as const;

/** One round: self-assessment and secret ballot for members; turnout, closing and results for the branch. */
export default async function AppraisalRoundPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const view = await getAppraisalRound(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([
    getTranslations("appraisal"),
    getLocale() as Promise<Locale>,
  ]);
  const { round } = view;
  const open = round.state === "open";
  return (
    <>
      <PageHeader
        title={round.title}
        subtitle={`${round.orgName} · ${t("period", {
          start: formatDay(round.startsOn, locale),
          end: formatDay(round.endsOn, locale),
        })} · ${t(`state.${round.state}`)}`}
      />

      {round.isParticipant ? (
        <section aria-labelledby="ballot-heading" className="mb-6 grid gap-4">
          <h2 id="ballot-heading" className="text-lg font-semibold">
            {t("ballot")}
          </h2>
          {round.hasVoted ? (
            <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-green-900">
              {t("votedConfirmation")}
            </p>
          ) : !round.mayVote ? (
            <p className="text-stone-700">{t("notVoter")}</p>
          ) : open ? (
            <BallotForm roundId={round.id} subjects={view.ballotSubjects} />
          ) : (
            <p className="text-stone-700">{t("votingNotOpen")}</p>
          )}
          {open ? (
            <SelfAssessmentForm roundId={round.id} text={view.mySelfAssessment} />
          ) : (
            <div>
              <h3 className="font-medium">{t("mySelfAssessment")}</h3>
              <p className="whitespace-pre-wrap text-stone-800">
                {view.mySelfAssessment ?? t("noSelfAssessment")}
              </p>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="participants-heading" className="mb-6">
        <h2 id="participants-heading" className="mb-2 text-lg font-semibold">
          {t("participants")}
        </h2>
        <p className="mb-2 text-sm text-stone-700">{t("turnout", view.turnout)}</p>
        <ul className="grid gap-2">
          {view.members.map((m) => (
            <li key={m.memberId} className="rounded-md border border-stone-200 p-3 text-sm">
              <span className="font-medium">{m.name}</span>
              {m.canVote ? null : <span className="text-stone-600"> · {t("probationary")}</span>}
              <details className="mt-1">
                <summary className="cursor-pointer text-red-800">{t("selfAssessment")}</summary>
                <p className="whitespace-pre-wrap text-stone-800">
                  {m.selfAssessment ?? t("noSelfAssessment")}
                </p>
              </details>
            </li>
          ))}
        </ul>
      </section>

      {view.mayManage && !round.closedAt && round.state !== "upcoming" ? (
        <section className="mb-6">
          <CloseRoundForm roundId={round.id} />
        </section>
      ) : null}

      <section aria-labelledby="results-heading" className="mb-6">
        <h2 id="results-heading" className="mb-2 text-lg font-semibold">
          {view.mayManage || !round.isParticipant ? t("results") : t("myResult")}
        </h2>
        {view.results === null ? (
          <p className="text-stone-700">{t("resultsHidden")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-300 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t("member")}
                  </th>
                  {VERDICTS.map((v) => (
                    <th key={v} scope="col" className="py-2 pr-3">
                      {t(`verdict.${v}`)}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-3">
                    {t("leading")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("conclusion")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.results.map((r) => (
                  <tr key={r.memberId} className="border-b border-stone-200 align-top">
                    <td className="py-2 pr-3 font-medium">{r.name}</td>
                    {VERDICTS.map((v) => (
                      <td key={v} className="py-2 pr-3">
                        {r.tally[v]}
                      </td>
                    ))}
                    <td className="py-2 pr-3">{r.leading ? t(`verdict.${r.leading}`) : "—"}</td>
                    <td className="py-2 pr-3">
                      {view.mayManage ? (
                        <ConclusionForm
                          roundId={round.id}
                          memberId={r.memberId}
                          memberName={r.name}
                          verdict={r.conclusion?.verdict ?? null}
                          note={r.conclusion?.note ?? null}
                        />
                      ) : r.conclusion ? (
                        <>
                          {t(`verdict.${r.conclusion.verdict}`)}
                          {r.conclusion.note ? ` · ${r.conclusion.note}` : ""}
                        </>
                      ) : (
                        t("notDecided")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
