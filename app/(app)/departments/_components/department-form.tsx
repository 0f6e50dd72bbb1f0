"use client";
import { useTranslations } from "next-intl";
import { saveDepartmentAction } from "@/server/actions/departments/save-department-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formKey } from "@/components/ui/form-key";
import { useActionForm } from "@/components/ui/use-action-form";

type Department = {
  id: string;
  version: number;
  code: string;
  name: string;
  nameEn: string;
  isActive: boolean;
};

export function DepartmentForm({ department }: { department?: Department }) {
  const t = useTranslations("orgs.departments");
  const tc = useTranslations("common");
  const { state, action, values: v, errors: e } = useActionForm(saveDepartmentAction);
  const prefix = department ? `dept-${department.id.slice(-6)}-` : "dept-new-";
  return (
    <form key={formKey(state)} action={action} className="mt-2 grid gap-3">
      <input type="hidden" name="id" value={department?.id ?? ""} />
      <input type="hidden" name="version" value={department?.version ?? 0} />
      <Field name={`${prefix}code`} label={t("code")} errors={e?.code}>
        {(p) => (
          <input
            {...p}
            name="code"
            defaultValue={v?.code ?? department?.code}
            className={inputClass}
          />
        )}
      </Field>
      <Field name={`${prefix}name`} label={t("name")} errors={e?.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            defaultValue={v?.name ?? department?.name}
            className={inputClass}
          />
        )}
      </Field>
      <Field name={`${prefix}nameEn`} label={t("nameEn")} errors={e?.nameEn}>
        {(p) => (
          <input
            {...p}
            name="nameEn"
            defaultValue={v?.nameEn ?? department?.nameEn}
            className={inputClass}
          />
        )}
      </Field>
      <Field name={`${prefix}isActive`} label={t("status")} errors={e?.isActive}>
        {(p) => (
          <select
            {...p}
            name="isActive"
            defaultValue={v?.isActive ?? String(department?.isActive ?? true)}
            className={inputClass}
          >
            <option value="true">{t("active")}</option>
            <option value="false">{t("inactive")}</option>
          </select>
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={tc("actions.saving")}>{tc("actions.save")}</SubmitButton>
      </div>
    </form>
  );
}
