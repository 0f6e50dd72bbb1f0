/** What every server action returns to its form (useActionState). */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the user typed, so the form can show it again after a failed submit. */
      values?: Record<string, string>;
    };

export const initialActionResult = { ok: true } as ActionResult<never>;
