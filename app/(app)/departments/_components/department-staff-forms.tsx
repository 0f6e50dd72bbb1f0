"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { linkDepartmentStaffAction } from "@/server/actions/departments/link-department-staff-action";
import { unlinkDepartmentStaffAction } from "@/server/actions/departments/unlink-department-staff-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formKey } from "@/components/ui/form-key";
import { useActionForm } from "@/components/ui/use-action-form";

export function LinkStaffForm({ departmentId }: { departmentId: string }) {
  const t = useTranslations("projects.staff");
  const { state, action, values: v, errors: e } = useActionForm(linkDepartmentStaffAction);
  return (
    <form key={formKey(state)} action={action} noValidate className="mt-2 grid gap-2">
      <input type="hidden" name="departmentId" value={departmentId} />
      <Field
        name={`staff-${departmentId.slice(-6)}-username`}
        label={t("username")}
        errors={e?.username}
      >
        {(p) => (
          <input {...p} name="username" defaultValue={v?.username ?? ""} className={inputClass} />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("add")}</SubmitButton>
      </div>
    </form>
  );
}

export function UnlinkStaffButton({ linkId, name }: { linkId: string; name: string }) {
  const t = useTranslations("projects.staff");
  const [state, action] = useActionState(unlinkDepartmentStaffAction, undefined);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="linkId" value={linkId} />
      <button
        type="submit"
        className="min-h-11 px-2 text-sm text-red-800 underline"
        aria-label={t("removeNamed", { name })}
      >
        {t("remove")}
      </button>
      {state?.ok === false ? <span className="text-sm text-red-800">{state.message}</span> : null}
    </form>
  );
}
