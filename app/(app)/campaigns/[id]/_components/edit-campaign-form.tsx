"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CAMPAIGN_STATUSES } from "@/lib/schemas/campaign";
import { updateCampaignAction } from "@/server/actions/campaigns/update-campaign-action";

export type CampaignFormValues = {
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  status: string;
};

export function EditCampaignForm({
  id,
  version,
  values,
}: {
  id: string;
  version: number;
  values: CampaignFormValues;
}) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common.actions");
  const [state, action] = useActionState(updateCampaignAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const v = failed?.values ?? values;
  const e = failed?.fieldErrors;
  const message = state?.ok
    ? {
        ok: true as const,
        message: state.data?.changed === false ? t("form.noChanges") : t("form.saved"),
      }
    : state;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="edit-campaign-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="edit-campaign-h" className="font-semibold">
        {t("form.editTitle")}
      </h2>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field name="name" label={t("form.name")} errors={e?.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            required
            autoComplete="off"
            defaultValue={v.name ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="description" label={t("form.description")} errors={e?.description}>
        {(p) => (
          <textarea
            {...p}
            name="description"
            rows={3}
            defaultValue={v.description ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="startDate" label={t("form.startDate")} errors={e?.startDate}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="startDate"
              required
              defaultValue={v.startDate ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="endDate" label={t("form.endDate")} errors={e?.endDate}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="endDate"
              required
              defaultValue={v.endDate ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="status" label={t("form.status")} errors={e?.status}>
          {(p) => (
            <select {...p} name="status" defaultValue={v.status ?? "ACTIVE"} className={inputClass}>
              {CAMPAIGN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormMessage state={message} />
      <div>
        <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}
