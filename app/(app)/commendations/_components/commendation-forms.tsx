"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formKey } from "@/components/ui/form-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { answerObjectionAction } from "@/server/actions/commendations/answer-objection-action";
import { fileObjectionAction } from "@/server/actions/commendations/file-objection-action";
import { finalizeCommendationsAction } from "@/server/actions/commendations/finalize-commendations-action";
import { nominateCandidateAction } from "@/server/actions/commendations/nominate-candidate-action";
import { openCommendationWindowAction } from "@/server/actions/commendations/open-commendation-window-action";
import { publishCommendationsAction } from "@/server/actions/commendations/publish-commendations-action";
import { reviewNominationAction } from "@/server/actions/commendations/review-nomination-action";
import { useActionForm } from "@/components/ui/use-action-form";

type Option = { id: string; name: string };
const formClass = "grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3";
const CATEGORIES = ["EXCELLENT_MEMBER", "EXCELLENT_PARTY_WORKER", "ADVANCED_ORGANIZATION"] as const;

export function OpenWindowForm({
  roots,
  campaigns,
  year,
}: {
  roots: Option[];
  campaigns: Option[];
  year: number;
}) {
  const t = useTranslations("commendations");
  const { state, action, values: v, errors: e } = useActionForm(openCommendationWindowAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("openWindow")}
      className={formClass}
    >
      <Field name="rootOrgId" label={t("rootOrg")} errors={e?.rootOrgId}>
        {(p) => (
          <select
            {...p}
            name="rootOrgId"
            defaultValue={v?.rootOrgId ?? roots[0]?.id ?? ""}
            className={inputClass}
          >
            {roots.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
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
      <Field name="title" label={t("windowTitle")} errors={e?.title}>
        {(p) => (
          <input
            {...p}
            name="title"
            defaultValue={v?.title ?? `${year} 年度“两优一先”评选`}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        name="nominationStartsOn"
        label={t("nominationStartsOn")}
        errors={e?.nominationStartsOn}
      >
        {(p) => (
          <input
            {...p}
            type="date"
            name="nominationStartsOn"
            defaultValue={v?.nominationStartsOn ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="nominationEndsOn" label={t("nominationEndsOn")} errors={e?.nominationEndsOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="nominationEndsOn"
            defaultValue={v?.nominationEndsOn ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="campaignId" label={t("campaign")} errors={e?.campaignId}>
        {(p) => (
          <select
            {...p}
            name="campaignId"
            defaultValue={v?.campaignId ?? campaigns[0]?.id ?? ""}
            className={inputClass}
          >
            <option value="">{t("none")}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="minMemberStars" label={t("minMemberStars")} errors={e?.minMemberStars}>
        {(p) => (
          <input
            {...p}
            name="minMemberStars"
            inputMode="numeric"
            defaultValue={v?.minMemberStars ?? "4"}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="minOrgStars" label={t("minOrgStars")} errors={e?.minOrgStars}>
        {(p) => (
          <input
            {...p}
            name="minOrgStars"
            inputMode="numeric"
            defaultValue={v?.minOrgStars ?? "5"}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("openWindow")}</SubmitButton>
      </div>
    </form>
  );
}

export function NominateForm({
  windowId,
  nominatingOrgs,
  members,
  orgs,
}: {
  windowId: string;
  nominatingOrgs: Option[];
  members: Option[];
  orgs: Option[];
}) {
  const t = useTranslations("commendations");
  const { state, action, values: v, errors: e } = useActionForm(nominateCandidateAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("nominate")}
      className={formClass}
    >
      <input type="hidden" name="windowId" value={windowId} />
      <Field name="category" label={t("category")} errors={e?.category}>
        {(p) => (
          <select
            {...p}
            name="category"
            defaultValue={v?.category ?? CATEGORIES[0]}
            className={inputClass}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="nominatingOrgId" label={t("nominatingOrg")} errors={e?.nominatingOrgId}>
        {(p) => (
          <select
            {...p}
            name="nominatingOrgId"
            defaultValue={v?.nominatingOrgId ?? nominatingOrgs[0]?.id ?? ""}
            className={inputClass}
          >
            {nominatingOrgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="nomineeId" label={t("nominee")} hint={t("nomineeHint")} errors={e?.nomineeId}>
        {(p) => (
          <select {...p} name="nomineeId" defaultValue={v?.nomineeId ?? ""} className={inputClass}>
            <option value="">—</option>
            <optgroup label={t("members")}>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("orgs")}>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <Field name="citation" label={t("citation")} errors={e?.citation}>
        {(p) => (
          <textarea
            {...p}
            name="citation"
            rows={5}
            defaultValue={v?.citation ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("nominate")}</SubmitButton>
      </div>
    </form>
  );
}

export function ReviewForm({ nominationId, label }: { nominationId: string; label: string }) {
  const t = useTranslations("commendations");
  const { state, action, values: v, errors: e } = useActionForm(reviewNominationAction);
  const id = `r-${nominationId}`;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={`${t("review")} ${label}`}
      className="grid gap-2"
    >
      <input type="hidden" name="nominationId" value={nominationId} />
      <Field name={`${id}-decision`} label={t("decision")} errors={e?.decision}>
        {(p) => (
          <select
            {...p}
            name="decision"
            defaultValue={v?.decision ?? "ACCEPTED"}
            className={inputClass}
          >
            <option value="ACCEPTED">{t("accept")}</option>
            <option value="REJECTED">{t("reject")}</option>
          </select>
        )}
      </Field>
      <Field name={`${id}-note`} label={t("reason")} errors={e?.note}>
        {(p) => <input {...p} name="note" defaultValue={v?.note ?? ""} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("saveReview")}</SubmitButton>
      </div>
    </form>
  );
}

export function PublishForm({ windowId }: { windowId: string }) {
  const t = useTranslations("commendations");
  const { state, action, values: v, errors: e } = useActionForm(publishCommendationsAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("publish")}
      className={formClass}
    >
      <input type="hidden" name="windowId" value={windowId} />
      <Field name="noticeStartsOn" label={t("noticeStartsOn")} errors={e?.noticeStartsOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="noticeStartsOn"
            defaultValue={v?.noticeStartsOn ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="noticeEndsOn" label={t("noticeEndsOn")} errors={e?.noticeEndsOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="noticeEndsOn"
            defaultValue={v?.noticeEndsOn ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("publish")}</SubmitButton>
      </div>
    </form>
  );
}

export function ObjectionForm({ nominationId, label }: { nominationId: string; label: string }) {
  const t = useTranslations("commendations");
  const { state, action, values: v, errors: e } = useActionForm(fileObjectionAction);
  const id = `o-${nominationId}`;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={`${t("object")} ${label}`}
      className="grid gap-2"
    >
      <input type="hidden" name="nominationId" value={nominationId} />
      <Field name={`${id}-text`} label={t("objectionText")} errors={e?.text}>
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={3}
            defaultValue={v?.text ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="anonymous"
          defaultChecked={v?.anonymous === "on"}
          className="h-5 w-5"
        />
        {t("anonymous")}
      </label>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("object")}</SubmitButton>
      </div>
    </form>
  );
}

export function AnswerForm({ objectionId }: { objectionId: string }) {
  const t = useTranslations("commendations");
  const { state, action, values: v, errors: e } = useActionForm(answerObjectionAction);
  const id = `a-${objectionId}`;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("answer")}
      className="grid gap-2"
    >
      <input type="hidden" name="objectionId" value={objectionId} />
      <Field name={`${id}-answer`} label={t("answer")} errors={e?.answer}>
        {(p) => (
          <textarea
            {...p}
            name="answer"
            rows={2}
            defaultValue={v?.answer ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name={`${id}-upheld`} label={t("upheld")} errors={e?.upheld}>
        {(p) => (
          <select {...p} name="upheld" defaultValue={v?.upheld ?? "no"} className={inputClass}>
            <option value="no">{t("no")}</option>
            <option value="yes">{t("yes")}</option>
          </select>
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("saveAnswer")}</SubmitButton>
      </div>
    </form>
  );
}

export function FinalizeForm({ windowId }: { windowId: string }) {
  const t = useTranslations("commendations");
  const [state, action] = useActionState(finalizeCommendationsAction, undefined);
  return (
    <form action={action} aria-label={t("finalize")} className="grid max-w-xl gap-2">
      <input type="hidden" name="windowId" value={windowId} />
      <p className="text-sm text-stone-700">{t("finalizeHint")}</p>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("finalize")}</SubmitButton>
      </div>
    </form>
  );
}
