import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { recordSecurityEvent } from "../audit/record-security-event";
import { getActor } from "../auth/get-actor";
import { isAppError } from "../errors";

/** Field errors from a zod failure, keyed by the dotted path of the field. */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The form's text fields, echoed back on failure so nothing the user typed is lost. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) {
      out[key] = out[key] ? `${out[key]},${value}` : value;
    }
  }
  return out;
}

/**
 * An action refused for lack of permission leaves an audit event (authz.forbidden). Written in
 * its own transaction: the action's transaction, if it got that far, has rolled back.
 */
async function auditForbidden(reason: string): Promise<void> {
  const actor = await getActor().catch(() => null);
  if (!actor) return;
  await recordSecurityEvent(actor, {
    action: "authz.forbidden",
    entityType: "Permission",
    after: { reason },
  });
}

/**
 * Turns expected failures (AppError, zod) into an ActionResult; anything else is rethrown
 * and reaches error.tsx. Use it as the body of every server action.
 */
export async function runAction<T>(
  formData: FormData | null,
  body: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    const values = formData ? formValues(formData) : undefined;
    if (error instanceof z.ZodError) {
      return { ok: false, message: "请修正标出的字段", fieldErrors: zodFieldErrors(error), values };
    }
    if (isAppError(error)) {
      if (error.code === "FORBIDDEN") await auditForbidden(error.message);
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
    }
    throw error;
  }
}
