"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { endSessionAction } from "@/server/actions/account/end-session-action";

export function EndSessionButton({ id }: { id: string }) {
  const t = useTranslations("sessions");
  const [state, action] = useActionState(endSessionAction, initialActionResult as ActionResult);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton
        pendingText={t("ending")}
        className="inline-flex min-h-11 items-center rounded-md border border-red-800 px-3 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {t("end")}
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}
