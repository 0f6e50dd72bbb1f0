"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { withdrawEvidenceAction } from "@/server/actions/self-reports/withdraw-evidence-action";

function Button({
  label,
  text,
  pendingText,
}: {
  label: string;
  text: string;
  pendingText: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={label}
      className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50 disabled:opacity-60"
    >
      {pending ? pendingText : text}
    </button>
  );
}

/** Withdraws one uploaded file before review; a refusal (already reviewed) is shown beside it. */
export function WithdrawEvidenceButton({
  evidenceId,
  label,
  text,
  pendingText,
}: {
  evidenceId: string;
  label: string;
  text: string;
  pendingText: string;
}) {
  const [state, action] = useActionState(withdrawEvidenceAction, undefined);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <Button label={label} text={text} pendingText={pendingText} />
      {state?.ok === false ? (
        <span role="status" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
