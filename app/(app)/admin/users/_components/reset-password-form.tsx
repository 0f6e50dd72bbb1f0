"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { resetUserPasswordAction } from "@/server/actions/users/reset-user-password-action";

/** An administrator sets a new password; the password is never echoed back. */
export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("admin.users.account");
  const [state, action] = useActionState(
    resetUserPasswordAction,
    initialActionResult as ActionResult,
  );
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="id" value={userId} />
      <Field
        name="reset-password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
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
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("resetPassword")}</SubmitButton>
      </div>
    </form>
  );
}
