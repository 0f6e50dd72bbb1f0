"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { importCampaignDefinitionAction } from "@/server/actions/campaigns/import-campaign-definition-action";
import type { CampaignRootOption } from "@/server/data/campaigns/list-campaign-root-options";
import { OrgOptions } from "../../_components/org-options";

/** Upload or paste a template file, then name the campaign, optionally move its dates, pick the covered organization. */
export function ImportCampaignForm({ orgs }: { orgs: CampaignRootOption[] }) {
  const t = useTranslations("campaigns.import");
  const tn = useTranslations("campaigns.new");
  const locale = useLocale();
  const [state, action] = useActionState(importCampaignDefinitionAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <Field name="file" label={t("file")} hint={t("fileHint")}>
        {(p) => (
          <input
            {...p}
            type="file"
            name="file"
            accept=".json,application/json"
            className={`${inputClass} min-h-11 file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-stone-100 file:px-3`}
          />
        )}
      </Field>
      <Field name="json" label={t("json")} errors={errors.json}>
        {(p) => (
          <textarea
            {...p}
            name="json"
            rows={10}
            spellCheck={false}
            defaultValue={values.json ?? ""}
            className={`${inputClass} font-mono text-sm`}
          />
        )}
      </Field>
      <Field name="name" label={t("name")} errors={errors.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            required
            autoComplete="off"
            defaultValue={values.name ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="startDate"
          label={t("startDate")}
          hint={t("startDateHint")}
          errors={errors.startDate}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              name="startDate"
              defaultValue={values.startDate ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="endDate" label={t("endDate")} errors={errors.endDate}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="endDate"
              defaultValue={values.endDate ?? ""}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field
        name="rootOrgId"
        label={t("rootOrg")}
        hint={tn("rootOrgHint")}
        errors={errors.rootOrgId}
      >
        {(p) => (
          <select
            {...p}
            name="rootOrgId"
            required
            defaultValue={values.rootOrgId ?? orgs[0]?.id ?? ""}
            className={inputClass}
          >
            <option value="">{tn("choose")}</option>
            <OrgOptions orgs={orgs} locale={locale} />
          </select>
        )}
      </Field>
      <FormMessage state={failed} />
      <div>
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
