"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formKey } from "@/components/ui/form-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { closeAppraisalRoundAction } from "@/server/actions/appraisal/close-appraisal-round-action";
import { openAppraisalRoundAction } from "@/server/actions/appraisal/open-appraisal-round-action";
import { recordAppraisalConclusionAction } from "@/server/actions/appraisal/record-appraisal-conclusion-action";
import { saveSelfAssessmentAction } from "@/server/actions/appraisal/save-self-assessment-action";
import { submitAppraisalBallotAction } from "@/server/actions/appraisal/submit-appraisal-ballot-action";
import { useActionForm } from "@/components/ui/use-action-form";

const VERDICTS = ["EXCELLENT", "QUALIFIED", "BASICALLY_QUALIFIED", "UNQUALIFIED"] as const;
const formClass = "grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3";

export function OpenRoundForm({
  branches,
  year,
}: {
  branches: { id: string; name: string }[];
  year: number;
}) {
  const t = useTranslations("appraisal");
  const { state, action, values: v, errors: e } = useActionForm(openAppraisalRoundAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("openRound")}
      className={formClass}
    >
      <Field name="orgId" label={t("branch")} errors={e?.orgId}>
        {(p) => (
          <select
            {...p}
            name="orgId"
            defaultValue={v?.orgId ?? branches[0]?.id ?? ""}
            className={inputClass}
          >
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="year" label={t("year")} errors={e?.year}>
        {(p) => (
          <input
            {...p}
            name="year"
            inputMode="numeric"
            defaultValue={v?.year ?? String(year)}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="title" label={t("roundTitle")} errors={e?.title}>
        {(p) => (
          <input
            {...p}
            name="title"
            defaultValue={v?.title ?? `${year} 年度民主评议党员`}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="startsOn" label={t("startsOn")} errors={e?.startsOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="startsOn"
            defaultValue={v?.startsOn ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="endsOn" label={t("endsOn")} errors={e?.endsOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="endsOn"
            defaultValue={v?.endsOn ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("open")}</SubmitButton>
      </div>
    </form>
  );
}

export function SelfAssessmentForm({ roundId, text }: { roundId: string; text: string | null }) {
  const t = useTranslations("appraisal");
  const { state, action, values: v, errors: e } = useActionForm(saveSelfAssessmentAction);
  return (
    <form action={action} noValidate aria-label={t("mySelfAssessment")} className={formClass}>
      <input type="hidden" name="roundId" value={roundId} />
      <Field name="text" label={t("mySelfAssessment")} errors={e?.text}>
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={5}
            defaultValue={v?.text ?? text ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("saveSelfAssessment")}</SubmitButton>
      </div>
    </form>
  );
}

/** The secret ballot: one radio group per member, large touch targets for phones. */
export function BallotForm({
  roundId,
  subjects,
}: {
  roundId: string;
  subjects: { memberId: string; name: string }[];
}) {
  const t = useTranslations("appraisal");
  const { state, action, values: v, errors: e } = useActionForm(submitAppraisalBallotAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("ballot")}
      className="grid gap-3"
    >
      <input type="hidden" name="roundId" value={roundId} />
      <p id="ballot-hint" className="text-sm text-stone-700">
        {t("ballotHint")}
      </p>
      {subjects.map((s) => {
        const name = `verdict.${s.memberId}`;
        const errors = e?.[name];
        return (
          <fieldset
            key={s.memberId}
            className="rounded-md border border-stone-300 p-3"
            aria-describedby={errors ? `${name}-error` : undefined}
          >
            <legend className="px-1 font-medium text-stone-900">{s.name}</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {VERDICTS.map((verdict) => (
                <label
                  key={verdict}
                  className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-200 bg-white px-3 py-2 has-[:checked]:border-red-800 has-[:checked]:bg-red-50"
                >
                  <input
                    type="radio"
                    name={name}
                    value={verdict}
                    defaultChecked={v?.[name] === verdict}
                    className="h-5 w-5 accent-red-800"
                  />
                  {t(`verdict.${verdict}`)}
                </label>
              ))}
            </div>
            <p id={`${name}-error`} className="text-sm text-red-700" aria-live="polite">
              {errors ? errors.join("；") : null}
            </p>
          </fieldset>
        );
      })}
      <FormMessage state={state} />
      <div>
        <SubmitButton
          pendingText={t("saving")}
          className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900 disabled:opacity-60 sm:w-auto"
        >
          {t("submitBallot")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function CloseRoundForm({ roundId }: { roundId: string }) {
  const t = useTranslations("appraisal");
  const [state, action] = useActionState(closeAppraisalRoundAction, undefined);
  return (
    <form action={action} aria-label={t("closeRound")} className="grid max-w-xl gap-2">
      <input type="hidden" name="roundId" value={roundId} />
      <p className="text-sm text-stone-700">{t("closeHint")}</p>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("closeRound")}</SubmitButton>
      </div>
    </form>
  );
}

export function ConclusionForm({
  roundId,
  memberId,
  memberName,
  verdict,
  note,
}: {
  roundId: string;
  memberId: string;
  memberName: string;
  verdict: string | null;
  note: string | null;
}) {
  const t = useTranslations("appraisal");
  const { state, action, values: v, errors: e } = useActionForm(recordAppraisalConclusionAction);
  const prefix = `c-${memberId}`;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={`${t("conclusion")} ${memberName}`}
      className="grid gap-2"
    >
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="memberId" value={memberId} />
      <Field name={`${prefix}-verdict`} label={t("conclusion")} errors={e?.verdict}>
        {(p) => (
          <select
            {...p}
            name="verdict"
            defaultValue={v?.verdict ?? verdict ?? ""}
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {VERDICTS.map((x) => (
              <option key={x} value={x}>
                {t(`verdict.${x}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name={`${prefix}-note`} label={t("note")} hint={t("noteHint")} errors={e?.note}>
        {(p) => (
          <input {...p} name="note" defaultValue={v?.note ?? note ?? ""} className={inputClass} />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("recordConclusion")}</SubmitButton>
      </div>
    </form>
  );
}
