"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formKey } from "@/components/ui/form-key";
import { addActivityEvidenceAction } from "@/server/actions/activities/add-activity-evidence-action";
import { approveActivityAction } from "@/server/actions/activities/approve-activity-action";
import { returnActivityAction } from "@/server/actions/activities/return-activity-action";
import { submitActivityAction } from "@/server/actions/activities/submit-activity-action";
import { voidActivityAction } from "@/server/actions/activities/void-activity-action";
import { withdrawEvidenceAction } from "@/server/actions/activities/withdraw-evidence-action";

// The detail page's small forms. Each carries the record's version: acting on a page that is
// out of date gets "记录已被他人修改，请刷新后重试" instead of overwriting someone else's change.

const secondary =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-base text-stone-800 hover:bg-stone-50 disabled:opacity-60";

function RecordRef({ id, version }: { id: string; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function SubmitRecordForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("activities.detail");
  const [state, action] = useActionState(submitActivityAction, undefined);
  return (
    <form action={action} className="grid gap-2">
      <RecordRef id={id} version={version} />
      <div>
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** 通过 / 退回: the two choices of a reviewer; returning needs a reason. */
export function ReviewForms({ id, version }: { id: string; version: number }) {
  const t = useTranslations("activities.detail");
  const [approveState, approve] = useActionState(approveActivityAction, undefined);
  const [returnState, giveBack] = useActionState(returnActivityAction, undefined);
  const failed = returnState?.ok === false ? returnState : undefined;
  return (
    <div className="grid gap-3">
      <form action={approve} className="grid gap-2">
        <RecordRef id={id} version={version} />
        <div>
          <SubmitButton pendingText={t("approving")}>{t("approve")}</SubmitButton>
        </div>
        <FormMessage state={approveState} />
      </form>
      <form
        key={formKey(returnState)}
        action={giveBack}
        noValidate
        className="grid gap-2 border-t border-stone-200 pt-3"
      >
        <RecordRef id={id} version={version} />
        <Field
          name="reason"
          label={t("returnReason")}
          hint={t("returnReasonHint")}
          errors={failed?.fieldErrors?.reason}
        >
          {(p) => (
            <textarea
              {...p}
              name="reason"
              rows={3}
              required
              maxLength={500}
              defaultValue={failed?.values?.reason ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <button type="submit" className={secondary}>
            {t("return")}
          </button>
        </div>
        <FormMessage state={returnState} />
      </form>
    </div>
  );
}

/** Voids an approved record (reason required) or discards a draft (reason optional). */
export function VoidForm({
  id,
  version,
  kind,
}: {
  id: string;
  version: number;
  kind: "void" | "discard";
}) {
  const t = useTranslations("activities.detail");
  const [state, action] = useActionState(voidActivityAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  return (
    <details className="rounded-md border border-stone-300">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-stone-800">
        {kind === "void" ? t("voidTitle") : t("discardTitle")}
      </summary>
      <form
        key={formKey(state)}
        action={action}
        noValidate
        className="grid gap-2 border-t border-stone-200 p-3"
      >
        <RecordRef id={id} version={version} />
        <Field
          name="reason"
          label={kind === "void" ? t("voidReason") : t("discardReason")}
          hint={kind === "void" ? t("voidHint") : t("discardHint")}
          errors={failed?.fieldErrors?.reason}
        >
          {(p) => (
            <textarea
              {...p}
              name="reason"
              rows={2}
              required={kind === "void"}
              maxLength={500}
              defaultValue={failed?.values?.reason ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <button type="submit" className={secondary}>
            {kind === "void" ? t("void") : t("discard")}
          </button>
        </div>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

export function WithdrawEvidenceButton({
  evidenceId,
  version,
  name,
}: {
  evidenceId: string;
  version: number;
  name: string;
}) {
  const t = useTranslations("activities.detail");
  const [state, action] = useActionState(withdrawEvidenceAction, undefined);
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="id" value={evidenceId} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        aria-label={`${t("withdraw")} ${name}`}
        className="min-h-11 px-2 text-sm text-red-800 underline"
      >
        {t("withdraw")}
      </button>
      {state?.ok === false ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function AddEvidenceForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("activities");
  const [state, action] = useActionState(addActivityEvidenceAction, undefined);
  const [count, setCount] = useState(0);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} className="grid gap-2">
      <RecordRef id={id} version={version} />
      <Field
        name="files"
        label={t("detail.addEvidence")}
        hint={
          (count > 0 ? t("form.evidenceChosen", { count }) + " · " : "") + t("form.evidenceHint")
        }
        errors={failed?.fieldErrors?.files}
      >
        {(p) => (
          <input
            {...p}
            type="file"
            name="files"
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            onChange={(e) => setCount(e.target.files?.length ?? 0)}
            className="text-sm text-stone-800 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm"
          />
        )}
      </Field>
      <div>
        <SubmitButton pendingText={t("detail.uploading")}>{t("detail.upload")}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
