"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { updatePhasesAction } from "@/server/actions/campaigns/update-phases-action";

export type PhaseRow = {
  id: string;
  name: string;
  theme: string;
  startDate: string;
  endDate: string;
};

/** Parallel lists of the echoed values ("a,b,c"), as runAction's formValues joins repeated fields. */
function echoed(values: Record<string, string> | undefined, key: string): string[] | undefined {
  const v = values?.[key];
  return v === undefined ? undefined : v.split(",");
}

/**
 * The phases as rows of inputs: clear a row to delete it, fill the extra last row to add one.
 * Errors come back per row (phases.<i>.<field>, numbered over the rows that were kept).
 */
export function PhasesForm({
  campaignId,
  version,
  phases,
}: {
  campaignId: string;
  version: number;
  phases: PhaseRow[];
}) {
  const t = useTranslations("campaigns.phasesForm");
  const [state, action] = useActionState(updatePhasesAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const e = failed?.fieldErrors ?? {};
  const ids = echoed(failed?.values, "phaseId");
  const rows: PhaseRow[] = ids
    ? ids.map((id, i) => ({
        id,
        name: echoed(failed?.values, "phaseName")?.[i] ?? "",
        theme: echoed(failed?.values, "phaseTheme")?.[i] ?? "",
        startDate: echoed(failed?.values, "phaseStart")?.[i] ?? "",
        endDate: echoed(failed?.values, "phaseEnd")?.[i] ?? "",
      }))
    : [...phases, { id: "", name: "", theme: "", startDate: "", endDate: "" }];
  const rowErrors = (i: number) =>
    Object.entries(e)
      .filter(([key]) => key.startsWith(`phases.${i}.`))
      .flatMap(([, messages]) => messages);
  const formErrors = Object.entries(e)
    .filter(([key]) => !key.startsWith("phases."))
    .flatMap(([, messages]) => messages);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="phases-form-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="phases-form-h" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-600">{t("hint")}</p>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      {rows.map((row, i) => {
        const errors = rowErrors(i);
        const label = row.id ? t("row", { n: i + 1 }) : t("newRow");
        return (
          <fieldset
            key={`${row.id}-${i}`}
            className="grid gap-2 rounded-md border border-stone-200 p-3 sm:grid-cols-4"
            aria-describedby={`phase-${i}-error`}
          >
            <legend className="px-1 text-xs font-medium text-stone-700">{label}</legend>
            <input type="hidden" name="phaseId" value={row.id} />
            <label className="grid gap-1 text-sm text-stone-800">
              {t("name")}
              <input
                name="phaseName"
                defaultValue={row.name}
                aria-invalid={errors.length > 0 || undefined}
                className={inputClass}
              />
            </label>
            <label className="grid gap-1 text-sm text-stone-800">
              {t("theme")}
              <input name="phaseTheme" defaultValue={row.theme} className={inputClass} />
            </label>
            <label className="grid gap-1 text-sm text-stone-800">
              {t("startDate")}
              <input
                type="date"
                name="phaseStart"
                defaultValue={row.startDate}
                className={inputClass}
              />
            </label>
            <label className="grid gap-1 text-sm text-stone-800">
              {t("endDate")}
              <input
                type="date"
                name="phaseEnd"
                defaultValue={row.endDate}
                className={inputClass}
              />
            </label>
            <p
              id={`phase-${i}-error`}
              className="text-sm text-red-700 sm:col-span-4"
              aria-live="polite"
            >
              {errors.join("；")}
            </p>
          </fieldset>
        );
      })}
      {formErrors.length ? (
        <p className="text-sm text-red-700" role="alert">
          {formErrors.join("；")}
        </p>
      ) : null}
      <FormMessage state={state} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
