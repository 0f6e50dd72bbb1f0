"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { enterAssessmentAction } from "@/server/actions/ratings/enter-assessment-action";

type Item = {
  id: string;
  label: string;
  kind: "manual" | "veto";
  maxPoints?: number;
  capScore?: number;
};

/**
 * Enters one assessment item for one organization or member: points for a manual item (0 to its
 * maximum) or triggered / not triggered for a veto item, always with a comment. A new entry
 * replaces the current one, which stays in the history.
 */
export function AssessmentForm({
  campaignId,
  year,
  subjectKind,
  subjectId,
  items,
}: {
  campaignId: string;
  year: number;
  subjectKind: "organization" | "member";
  subjectId: string;
  items: Item[];
}) {
  const t = useTranslations("ratings.assess");
  const [state, action] = useActionState(enterAssessmentAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const v = failed?.values ?? {};
  const e = failed?.fieldErrors;
  const [itemId, setItemId] = useState<string>(v.itemId ?? items[0]?.id ?? "");
  const item = items.find((i) => i.id === itemId) ?? items[0];
  if (!item) return null;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="assess-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="assess-h" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-700">{t("hint")}</p>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="subjectKind" value={subjectKind} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <Field name="itemId" label={t("item")} errors={e?.itemId}>
        {(p) => (
          <select
            {...p}
            name="itemId"
            value={item.id}
            onChange={(event) => setItemId(event.target.value)}
            className={inputClass}
          >
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.kind === "manual"
                  ? t("manualOption", { label: i.label, max: i.maxPoints ?? 0 })
                  : t("vetoOption", { label: i.label, cap: i.capScore ?? 0 })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {item.kind === "manual" ? (
        <Field name="points" label={t("points", { max: item.maxPoints ?? 0 })} errors={e?.points}>
          {(p) => (
            <input
              {...p}
              name="points"
              type="number"
              inputMode="decimal"
              min={0}
              max={item.maxPoints}
              step="0.01"
              required
              defaultValue={v.points ?? ""}
              className={inputClass}
            />
          )}
        </Field>
      ) : (
        <fieldset
          className="flex flex-col gap-1"
          aria-describedby={e?.triggered ? "field-triggered-error" : undefined}
        >
          <legend className="text-sm font-medium text-stone-800">
            {t("triggered", { cap: item.capScore ?? 0 })}
          </legend>
          <div className="flex flex-wrap gap-4">
            <label className="inline-flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="triggered"
                value="true"
                defaultChecked={v.triggered === "true"}
              />
              {t("triggeredYes")}
            </label>
            <label className="inline-flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="triggered"
                value="false"
                defaultChecked={v.triggered === "false"}
              />
              {t("triggeredNo")}
            </label>
          </div>
          <p id="field-triggered-error" className="text-sm text-red-700" aria-live="polite">
            {e?.triggered?.join("；")}
          </p>
        </fieldset>
      )}
      <Field name="comment" label={t("comment")} hint={t("commentHint")} errors={e?.comment}>
        {(p) => (
          <textarea
            {...p}
            name="comment"
            rows={3}
            required
            defaultValue={v.comment ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
