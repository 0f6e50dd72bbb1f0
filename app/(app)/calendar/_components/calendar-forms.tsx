"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { createCalendarTokenAction } from "@/server/actions/calendar/create-calendar-token-action";
import { revokeCalendarTokenAction } from "@/server/actions/calendar/revoke-calendar-token-action";

/** Creates the feed address and shows it once. */
export function CreateTokenForm({ origin }: { origin: string }) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(createCalendarTokenAction, undefined);
  const token = state?.ok ? state.data?.token : undefined;
  return (
    <form action={action} className="grid max-w-2xl gap-3">
      <div>
        <SubmitButton>{t("createToken")}</SubmitButton>
      </div>
      <FormMessage state={state} />
      {token ? (
        <label className="grid gap-1 text-sm">
          {t("feedUrl")}
          <input readOnly value={`${origin}/api/calendar/${token}`} className={inputClass} />
        </label>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ id }: { id: string }) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(revokeCalendarTokenAction, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50">
        {t("revoke")}
      </SubmitButton>
      {state?.ok === false ? <FormMessage state={state} /> : null}
    </form>
  );
}
