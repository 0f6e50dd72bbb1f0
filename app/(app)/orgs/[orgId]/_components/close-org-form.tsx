"use client";
import { formKey } from "@/components/ui/form-key";
import { useTranslations } from "next-intl";
import { closeOrganizationAction } from "@/server/actions/orgs/close-organization-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { OrgSelect, type OrgOption } from "../../_components/org-select";
import { useActionForm } from "@/components/ui/use-action-form";

export function CloseOrgForm({
  orgId,
  version,
  targets,
  today,
}: {
  orgId: string;
  version: number;
  targets: OrgOption[];
  today: string;
}) {
  const t = useTranslations("orgs.form");
  const tc = useTranslations("common");
  const { state, action, values: v, errors: e } = useActionForm(closeOrganizationAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-labelledby="close-org-h"
    >
      <h2 id="close-org-h" className="font-semibold">
        {t("closeTitle")}
      </h2>
      <p className="text-sm text-stone-600">{t("closeHint")}</p>
      <input type="hidden" name="id" value={orgId} />
      <input type="hidden" name="version" value={version} />
      <Field name="mergedIntoId" label={t("mergedInto")} errors={e?.mergedIntoId}>
        {(p) => (
          <OrgSelect
            fieldProps={p}
            name="mergedIntoId"
            options={targets}
            defaultValue={v?.mergedIntoId}
            placeholder={t("noMerge")}
          />
        )}
      </Field>
      <Field name="effectiveDate" label={t("effectiveDate")} errors={e?.effectiveDate}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="effectiveDate"
            defaultValue={v?.effectiveDate ?? today}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="note" label={t("note")} errors={e?.note}>
        {(p) => <input {...p} name="note" defaultValue={v?.note} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton
          pendingText={tc("actions.saving")}
          className="inline-flex min-h-11 items-center rounded-md border border-red-800 bg-white px-4 py-2 text-base font-medium text-red-800 hover:bg-red-50"
        >
          {t("close")}
        </SubmitButton>
      </div>
    </form>
  );
}
