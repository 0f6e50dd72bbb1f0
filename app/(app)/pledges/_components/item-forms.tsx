"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PLEDGE_TEXT_MAX, PLEDGE_VERDICTS } from "@/lib/schemas/pledge";
import { addPledgeProgressAction } from "@/server/actions/pledges/add-pledge-progress-action";
import { addPledgeCommentAction } from "@/server/actions/pledges/add-pledge-comment-action";
import { evaluatePledgeItemAction } from "@/server/actions/pledges/evaluate-pledge-item-action";
import { withdrawPledgeItemAction } from "@/server/actions/pledges/withdraw-pledge-item-action";
import { useActionForm } from "@/components/ui/use-action-form";

const EVIDENCE_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";
const secondaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50 disabled:opacity-60";

/** 践诺: the owner posts progress on one item, with optional evidence files. */
export function ProgressForm({ itemId, n }: { itemId: string; n: number }) {
  const t = useTranslations("pledges.progressForm");
  const { state, action, values: v, errors: e } = useActionForm(addPledgeProgressAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={`${t("title")} ${n}`}
      className="grid gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
    >
      <input type="hidden" name="itemId" value={itemId} />
      <Field name={`progress-${itemId}`} label={t("text")} errors={e?.text}>
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={2}
            maxLength={PLEDGE_TEXT_MAX}
            defaultValue={v?.text ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        name={`progress-files-${itemId}`}
        label={t("files")}
        hint={t("filesHint")}
        errors={e?.files}
      >
        {(p) => (
          <input
            {...p}
            type="file"
            name="files"
            multiple
            accept={EVIDENCE_ACCEPT}
            className="block w-full text-sm text-stone-700 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm"
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

/** The owner withdraws an item before it is evaluated. */
export function WithdrawItemButton({
  itemId,
  version,
  n,
}: {
  itemId: string;
  version: number;
  n: number;
}) {
  const t = useTranslations("pledges.withdrawItem");
  const [state, action] = useActionState(withdrawPledgeItemAction, undefined);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton className={secondaryButton} pendingText={t("submitting")}>
        {t("label", { n })}
      </SubmitButton>
      {state?.ok === false ? (
        <span role="status" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** 评诺: the evaluator's verdict on one item, with a comment (required unless fulfilled). */
export function EvaluateForm({
  itemId,
  version,
  n,
  current,
}: {
  itemId: string;
  version: number;
  n: number;
  current: { verdict: string | null; comment: string | null };
}) {
  const t = useTranslations("pledges.evaluateForm");
  const tv = useTranslations("pledges.verdict");
  const { state, action, values: v, errors: e } = useActionForm(evaluatePledgeItemAction);
  const verdict = v?.verdict ?? current.verdict ?? "";
  const groupId = `verdict-${itemId}`;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby={`${groupId}-title`}
      className="grid gap-3 rounded-md border border-amber-200 bg-amber-50 p-3"
    >
      <h4 id={`${groupId}-title`} className="text-sm font-semibold text-stone-900">
        {t("title", { n })}
      </h4>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={e?.verdict ? `${groupId}-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">{t("verdict")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {PLEDGE_VERDICTS.map((code) => (
            <label
              key={code}
              className="inline-flex min-h-11 items-center gap-2 text-sm text-stone-900"
            >
              <input
                type="radio"
                name="verdict"
                value={code}
                defaultChecked={verdict === code}
                className="h-4 w-4"
              />
              {tv(code)}
            </label>
          ))}
        </div>
        <p id={`${groupId}-error`} className="text-sm text-red-700" aria-live="polite">
          {e?.verdict?.join("；")}
        </p>
      </fieldset>
      <Field
        name={`verdict-comment-${itemId}`}
        label={t("comment")}
        hint={t("commentHint")}
        errors={e?.comment}
      >
        {(p) => (
          <textarea
            {...p}
            name="comment"
            rows={2}
            maxLength={PLEDGE_TEXT_MAX}
            defaultValue={v?.comment ?? current.comment ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("submitting")}>
          {current.verdict ? t("resubmit") : t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** A comment on the whole pledge or one of its items. */
export function CommentForm({
  pledgeId,
  items,
}: {
  pledgeId: string;
  items: { id: string; n: number }[];
}) {
  const t = useTranslations("pledges.commentForm");
  const { state, action, values: v, errors: e } = useActionForm(addPledgeCommentAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="comment-form-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h3 id="comment-form-h" className="font-semibold">
        {t("title")}
      </h3>
      <input type="hidden" name="pledgeId" value={pledgeId} />
      {items.length > 1 ? (
        <Field name="comment-item" label={t("about")} errors={e?.itemId}>
          {(p) => (
            <select {...p} name="itemId" defaultValue={v?.itemId ?? ""} className={inputClass}>
              <option value="">{t("whole")}</option>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {t("item", { n: item.n })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field name="comment-text" label={t("text")} errors={e?.text}>
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={3}
            maxLength={PLEDGE_TEXT_MAX}
            defaultValue={v?.text ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
