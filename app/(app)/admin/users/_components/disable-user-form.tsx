"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { setUserDisabledAction } from "@/server/actions/users/set-user-disabled-action";

/** Disables an active account (asking first) or re-enables a disabled one. */
export function DisableUserForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const t = useTranslations("admin.users.account");
  const [state, action] = useActionState(
    setUserDisabledAction,
    initialActionResult as ActionResult,
  );
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!disabled && !window.confirm(t("disableConfirm"))) event.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <p className="text-sm text-stone-600">{disabled ? t("enableHint") : t("disableHint")}</p>
      <div>
        <SubmitButton
          pendingText={t("saving")}
          className={
            disabled
              ? undefined
              : "inline-flex min-h-11 items-center justify-center rounded-md border border-red-700 bg-white px-4 py-2 text-base font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
          }
        >
          {disabled ? t("enable") : t("disable")}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
