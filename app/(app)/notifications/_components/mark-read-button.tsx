"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { markNotificationsReadAction } from "@/server/actions/notifications/mark-notifications-read-action";

const small =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 hover:bg-stone-50 disabled:opacity-60";

/** Marks one notification read, or all of them with id "all". */
export function MarkReadButton({ id, label }: { id: string; label: string }) {
  const [state, action] = useActionState(markNotificationsReadAction, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className={small}>{label}</SubmitButton>
      {state?.ok === false ? <FormMessage state={state} /> : null}
    </form>
  );
}
