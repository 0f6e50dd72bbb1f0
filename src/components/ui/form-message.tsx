import type { ActionResult } from "@/lib/action-result";

/** The form-level outcome of an action, in a polite live region. */
export function FormMessage({ state }: { state: ActionResult<unknown> | undefined }) {
  const text = state?.ok === false ? state.message : state?.ok ? state.message : undefined;
  return (
    <div aria-live="polite" role="status" className="min-h-6">
      {text ? (
        <p
          className={
            state?.ok
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
          }
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
