"use client";
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createCampaignFromTemplateAction } from "@/server/actions/campaigns/create-campaign-from-template-action";
import type { CampaignRootOption } from "@/server/data/campaigns/list-campaign-root-options";
import { OrgOptions } from "../../_components/org-options";

type TemplateOption = {
  code: string;
  name: string;
  description: string;
  quotaCount: number;
  phaseCount: number;
};

/** One form: the template, the campaign's name, its dates and the organization it covers. */
export function NewCampaignForm({
  templates,
  orgs,
  today,
  defaultTemplate,
}: {
  templates: TemplateOption[];
  orgs: CampaignRootOption[];
  today: string;
  defaultTemplate?: string;
}) {
  const t = useTranslations("campaigns.new");
  const locale = useLocale();
  // On success the action redirects to the new campaign, so only failures come back.
  const [state, action] = useActionState(createCampaignFromTemplateAction, undefined);
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
      <Fields
        templates={templates}
        orgs={orgs}
        today={today}
        values={values}
        errors={errors}
        defaultTemplate={defaultTemplate}
        locale={locale}
        t={t}
      />
      <FormMessage state={failed} />
      <div>
        <SubmitButton pendingText={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

function Fields({
  templates,
  orgs,
  today,
  values,
  errors,
  defaultTemplate,
  locale,
  t,
}: {
  templates: TemplateOption[];
  orgs: CampaignRootOption[];
  today: string;
  values: Record<string, string>;
  errors: Record<string, string[]>;
  defaultTemplate?: string;
  locale: string;
  t: ReturnType<typeof useTranslations>;
}) {
  const [name, setName] = useState(
    values.name ?? templates.find((x) => x.code === defaultTemplate)?.name ?? "",
  );
  const [nameTouched, setNameTouched] = useState(Boolean(values.name));
  const chosen = values.templateCode ?? defaultTemplate;
  return (
    <>
      <fieldset className="grid gap-2" aria-describedby="field-templateCode-error">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t("template")}</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {templates.map((tpl) => (
            <label
              key={tpl.code}
              className="flex cursor-pointer gap-3 rounded-lg border border-stone-200 p-3 hover:bg-stone-50 has-[:checked]:border-red-700 has-[:checked]:bg-red-50/40"
            >
              <input
                type="radio"
                name="templateCode"
                value={tpl.code}
                defaultChecked={chosen === tpl.code}
                onChange={() => {
                  if (!nameTouched) setName(tpl.name);
                }}
                className="mt-1 size-5 shrink-0 accent-red-800"
              />
              <span className="grid gap-1">
                <span className="font-medium text-stone-900">{tpl.name}</span>
                <span className="text-sm text-stone-700">{tpl.description}</span>
                <span className="text-xs text-stone-600">
                  {t("quotaCount", { count: tpl.quotaCount })} ·{" "}
                  {tpl.phaseCount ? t("phaseCount", { count: tpl.phaseCount }) : t("noPhases")}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p id="field-templateCode-error" className="text-sm text-red-700" aria-live="polite">
          {errors.templateCode?.join("；")}
        </p>
      </fieldset>
      <Field name="name" label={t("name")} errors={errors.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            required
            autoComplete="off"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameTouched(true);
            }}
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="startDate" label={t("startDate")} errors={errors.startDate}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="startDate"
              required
              defaultValue={values.startDate ?? today}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="endDate" label={t("endDate")} hint={t("endDateHint")} errors={errors.endDate}>
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
        hint={t("rootOrgHint")}
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
            <option value="">{t("choose")}</option>
            <OrgOptions orgs={orgs} locale={locale} />
          </select>
        )}
      </Field>
    </>
  );
}
