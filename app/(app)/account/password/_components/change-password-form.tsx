"use client";
import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { changePasswordAction } from "@/server/actions/account/change-password-action";

/** How long the success message stays on screen before the sign-out. */
const SIGN_OUT_DELAY_MS = 2500;

/**
 * Changing the password ends every session of the account, this one included (sessionVersion
 * is bumped). On success the form says so, then signs out and goes to the login page.
 */
export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("admin.password");
  const [state, action] = useActionState(
    changePasswordAction,
    initialActionResult as ActionResult<{ signOut: boolean }>,
  );
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const done = state.ok && state.data?.signOut === true;

  useEffect(() => {
    if (!done) return;
    const timer = window.setTimeout(
      () => void signOut({ callbackUrl: "/login" }),
      SIGN_OUT_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [done]);

  if (done) {
    return (
      <div role="status" aria-live="polite" className="flex flex-col gap-3">
        <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{state.message}</p>
        <p className="text-sm text-stone-700">{t("signingOut")}</p>
        <div>
          <button
            type="button"
            onClick={() => void signOut({ callbackUrl: "/login" })}
            className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900"
          >
            {t("loginAgain")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form action={action} noValidate className="flex max-w-md flex-col gap-3">
      {/* Lets password managers pair the new password with the right account. */}
      <input
        type="text"
        name="username"
        autoComplete="username"
        defaultValue={username}
        hidden
        readOnly
      />
      <Field name="current" label={t("current")} errors={errors.current}>
        {(p) => (
          <input
            {...p}
            name="current"
            type="password"
            autoComplete="current-password"
            required
            className={inputClass}
          />
        )}
      </Field>
      <Field name="next" label={t("next")} hint={t("nextHint")} errors={errors.next}>
        {(p) => (
          <input
            {...p}
            name="next"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={128}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="confirm" label={t("confirm")} errors={errors.confirm}>
        {(p) => (
          <input
            {...p}
            name="confirm"
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
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
