"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { assignRoleAction } from "@/server/actions/users/assign-role-action";

export type OrgOption = { id: string; label: string; indent: number };

export function AssignRoleForm({
  userId,
  roles,
  orgs,
}: {
  userId: string;
  roles: { value: string; label: string }[];
  orgs: OrgOption[];
}) {
  const t = useTranslations("admin.users.roles");
  const [state, action] = useActionState(assignRoleAction, initialActionResult as ActionResult);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  // React resets the form after each submit to its defaults: empty after a success, the
  // submitted choices after a failure. A <select> takes defaultValue only when mounted, so
  // each select is keyed by the value it should come back with.
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="role" label={t("role")} errors={errors.role}>
          {(p) => (
            <select
              key={values.role ?? ""}
              {...p}
              name="role"
              defaultValue={values.role ?? ""}
              required
              className={`${inputClass} min-h-11`}
            >
              <option value="" disabled>
                {t("chooseRole")}
              </option>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="orgId" label={t("org")} hint={t("orgHint")} errors={errors.orgId}>
          {(p) => (
            <select
              key={values.orgId ?? ""}
              {...p}
              name="orgId"
              defaultValue={values.orgId ?? ""}
              required
              className={`${inputClass} min-h-11`}
            >
              <option value="" disabled>
                {t("chooseOrg")}
              </option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {"\u3000".repeat(o.indent)}
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("assigning")}>{t("assign")}</SubmitButton>
      </div>
    </form>
  );
}
