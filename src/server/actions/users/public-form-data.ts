import { SECRET_FIELDS } from "@/lib/schemas/user";

/**
 * A copy of the form without its password fields: runAction echoes the form's values back
 * on failure, and a password must never travel back to the browser.
 */
export function publicFormData(formData: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of formData.entries()) {
    if (!(SECRET_FIELDS as readonly string[]).includes(key)) out.append(key, value);
  }
  return out;
}
