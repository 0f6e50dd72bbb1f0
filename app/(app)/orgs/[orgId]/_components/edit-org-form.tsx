"use client";
import { formKey } from "@/components/ui/form-key";
import { useTranslations } from "next-intl";
import { updateOrganizationAction } from "@/server/actions/orgs/update-organization-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ORG_KINDS } from "@/lib/schemas/organization";
import { useActionForm } from "@/components/ui/use-action-form";

type Props = {
  org: {
    id: string;
    version: number;
    name: string;
    nameEn: string;
    code: string;
    kind: string;
    sortOrder: number;
  };
};

export function EditOrgForm({ org }: Props) {
  const t = useTranslations("orgs.form");
  const tc = useTranslations("common");
  const { state, action, values: v, errors: e } = useActionForm(updateOrganizationAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-labelledby="edit-org-h"
    >
      <h2 id="edit-org-h" className="font-semibold">
        {t("editTitle")}
      </h2>
      <input type="hidden" name="id" value={org.id} />
      <input type="hidden" name="version" value={org.version} />
      <Field name="name" label={t("name")} errors={e?.name}>
        {(p) => (
          <input {...p} name="name" defaultValue={v?.name ?? org.name} className={inputClass} />
        )}
      </Field>
      <Field name="nameEn" label={t("nameEn")} errors={e?.nameEn}>
        {(p) => (
          <input
            {...p}
            name="nameEn"
            defaultValue={v?.nameEn ?? org.nameEn}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="code" label={t("code")} hint={t("codeHint")} errors={e?.code}>
        {(p) => (
          <input {...p} name="code" defaultValue={v?.code ?? org.code} className={inputClass} />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="kind" label={t("kind")} errors={e?.kind}>
          {(p) => (
            <select {...p} name="kind" defaultValue={v?.kind ?? org.kind} className={inputClass}>
              {ORG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tc(`orgKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="sortOrder" label={t("sortOrder")} errors={e?.sortOrder}>
          {(p) => (
            <input
              {...p}
              type="number"
              name="sortOrder"
              defaultValue={v?.sortOrder ?? String(org.sortOrder)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={tc("actions.saving")}>{tc("actions.save")}</SubmitButton>
      </div>
    </form>
  );
}
