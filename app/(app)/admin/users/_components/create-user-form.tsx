"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { createUserAction } from "@/server/actions/users/create-user-action";

export function CreateUserForm({ memberRequired }: { memberRequired: boolean }) {
  const t = useTranslations("admin.users.create");
  const [state, action] = useActionState(
    createUserAction,
    initialActionResult as ActionResult<{ id: string }>,
  );
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="flex max-w-xl flex-col gap-3">
      <Field
        name="username"
        label={t("username")}
        hint={t("usernameHint")}
        errors={errors.username}
      >
        {(p) => (
          <input
            {...p}
            name="username"
            defaultValue={values.username ?? ""}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            minLength={3}
            maxLength={32}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="displayName" label={t("displayName")} errors={errors.displayName}>
        {(p) => (
          <input
            {...p}
            name="displayName"
            defaultValue={values.displayName ?? ""}
            required
            maxLength={40}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        name="password"
        label={t("password")}
        hint={t("passwordHint")}
        errors={errors.password}
      >
        {(p) => (
          <input
            {...p}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={128}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        name="memberNumber"
        label={memberRequired ? t("memberNumberRequired") : t("memberNumber")}
        hint={memberRequired ? t("memberNumberRequiredHint") : t("memberNumberHint")}
        errors={errors.memberNumber}
      >
        {(p) => (
          <input
            {...p}
            name="memberNumber"
            defaultValue={values.memberNumber ?? ""}
            required={memberRequired}
            maxLength={32}
            autoComplete="off"
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
