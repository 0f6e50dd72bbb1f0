"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createSelfReportAction } from "@/server/actions/self-reports/create-self-report-action";
import { updateSelfReportAction } from "@/server/actions/self-reports/update-self-report-action";
import type { ActionResult } from "@/lib/action-result";
import { PAIRING_SUB_TYPES, SELF_REPORT_TYPES } from "@/lib/schemas/self-report";
import { IntentButton } from "./intent-button";

export type SelfReportValues = {
  type: string;
  subType: string;
  date: string;
  hours: string;
  topic: string;
  place: string;
  content: string;
};

type Props =
  | { mode: "create"; idempotencyKey: string; today: string; values?: Partial<SelfReportValues> }
  | { mode: "edit"; id: string; version: number; today: string; values: SelfReportValues };

const EVIDENCE_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";

/**
 * The self-report form, for a new report and for editing a draft or returned one. A new report
 * carries an idempotency key made when the page was rendered, so a double submit or a retried
 * request creates one record.
 */
export function SelfReportForm(props: Props) {
  const t = useTranslations("me.form");
  const tt = useTranslations("me");
  // Either action answers with an ActionResult; the form reads only ok, message and fields.
  const action: (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>> =
    props.mode === "create" ? createSelfReportAction : updateSelfReportAction;
  const [state, formAction] = useActionState(action, undefined);
  const failed = state?.ok === false ? state : undefined;
  const v = { ...props.values, ...failed?.values } as Partial<SelfReportValues>;
  const e = failed?.fieldErrors;
  const [type, setType] = useState(v.type ?? "");

  return (
    <form
      key={formKey(state)}
      action={formAction}
      noValidate
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      {props.mode === "create" ? (
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      ) : (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="type" label={t("type")} errors={e?.type}>
          {(p) => (
            <select
              {...p}
              name="type"
              required
              value={type}
              onChange={(event) => setType(event.target.value)}
              className={inputClass}
            >
              <option value="">{t("choose")}</option>
              {SELF_REPORT_TYPES.map((code) => (
                <option key={code} value={code}>
                  {tt(`types.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {type === "PAIRING" ? (
          <Field name="subType" label={t("subType")} errors={e?.subType}>
            {(p) => (
              <select
                {...p}
                name="subType"
                required
                defaultValue={v.subType ?? ""}
                className={inputClass}
              >
                <option value="">{t("choose")}</option>
                {PAIRING_SUB_TYPES.map((code) => (
                  <option key={code} value={code}>
                    {tt(`subTypes.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field name="date" label={t("date")} hint={t("dateHint")} errors={e?.date}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="date"
              required
              max={props.today}
              defaultValue={v.date ?? props.today}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="hours" label={t("hours")} hint={t("hoursHint")} errors={e?.hours}>
          {(p) => (
            <input
              {...p}
              type="number"
              name="hours"
              inputMode="decimal"
              min="0"
              max="24"
              step="any"
              required
              defaultValue={v.hours ?? ""}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field name="topic" label={t("topic")} hint={t("topicHint")} errors={e?.topic}>
        {(p) => (
          <input
            {...p}
            name="topic"
            required
            maxLength={100}
            defaultValue={v.topic ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="place" label={t("place")} errors={e?.place}>
        {(p) => (
          <input
            {...p}
            name="place"
            maxLength={100}
            defaultValue={v.place ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="content" label={t("content")} hint={t("contentHint")} errors={e?.content}>
        {(p) => (
          <textarea
            {...p}
            name="content"
            rows={4}
            maxLength={1000}
            defaultValue={v.content ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="files" label={t("files")} hint={t("filesHint")} errors={e?.files}>
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
      <div className="flex flex-wrap gap-2">
        <IntentButton intent="submit" pendingText={t("submitting")}>
          {t("submit")}
        </IntentButton>
        <IntentButton intent="draft" variant="secondary" pendingText={t("submitting")}>
          {t("draft")}
        </IntentButton>
      </div>
    </form>
  );
}
