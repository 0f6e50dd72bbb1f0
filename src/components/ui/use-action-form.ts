"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * A form bound to a server action: the action's last result, the function to put on the form,
 * and, after a refused submit, what the user typed (`values`) and the messages per field
 * (`errors`). Put `key={formKey(state)}` on the form so selects show the echoed values.
 */
export function useActionForm<R extends ActionResult<unknown>>(
  serverAction: (prev: R | undefined, formData: FormData) => Promise<R>,
) {
  const [state, action] = useActionState<R | undefined, FormData>(serverAction, undefined);
  const failed = state?.ok === false ? (state as Extract<ActionResult, { ok: false }>) : undefined;
  return { state, action, values: failed?.values, errors: failed?.fieldErrors };
}
