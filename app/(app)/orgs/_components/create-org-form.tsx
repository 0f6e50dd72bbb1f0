"use client";
import { useEffect } from "react";
import { formKey } from "@/components/ui/form-key";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createOrganizationAction } from "@/server/actions/orgs/create-organization-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ORG_KINDS, ORG_LEVELS } from "@/lib/schemas/organization";
import { OrgSelect, type OrgOption } from "./org-select";
import { useActionForm } from "@/components/ui/use-action-form";

export function CreateOrgForm({
  parents,
  defaultParentId,
  today,
}: {
  parents: OrgOption[];
  defaultParentId: string;
  today: string;
}) {
  const t = useTranslations("orgs.form");
  const tc = useTranslations("common");
  const router = useRouter();
  const { state, action, values: v, errors: e } = useActionForm(createOrganizationAction);

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/orgs/${state.data.id}`);
  }, [state, router]);

  return (
    <form
      key={formKey(state)}
      action={action}
      className="grid max-w-xl gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <Field name="parentId" label={t("parent")} errors={e?.parentId}>
        {(p) => (
          <OrgSelect
            fieldProps={p}
            name="parentId"
            options={parents}
            defaultValue={v?.parentId ?? defaultParentId}
            placeholder={t("choose")}
          />
        )}
      </Field>
      <Field name="name" label={t("name")} errors={e?.name}>
        {(p) => <input {...p} name="name" defaultValue={v?.name} className={inputClass} />}
      </Field>
      <Field name="nameEn" label={t("nameEn")} errors={e?.nameEn}>
        {(p) => <input {...p} name="nameEn" defaultValue={v?.nameEn} className={inputClass} />}
      </Field>
      <Field name="code" label={t("code")} hint={t("codeHint")} errors={e?.code}>
        {(p) => (
          <input
            {...p}
            name="code"
            defaultValue={v?.code}
            autoCapitalize="none"
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="level" label={t("level")} errors={e?.level}>
          {(p) => (
            <select {...p} name="level" defaultValue={v?.level ?? "BRANCH"} className={inputClass}>
              {ORG_LEVELS.filter((l) => l !== "SCHOOL").map((l) => (
                <option key={l} value={l}>
                  {tc(`orgLevel.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label={t("kind")} errors={e?.kind}>
          {(p) => (
            <select {...p} name="kind" defaultValue={v?.kind ?? "TEACHER"} className={inputClass}>
              {ORG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tc(`orgKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="validFrom" label={t("validFrom")} errors={e?.validFrom}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="validFrom"
              defaultValue={v?.validFrom ?? today}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="sortOrder" label={t("sortOrder")} errors={e?.sortOrder}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              name="sortOrder"
              defaultValue={v?.sortOrder ?? "0"}
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
