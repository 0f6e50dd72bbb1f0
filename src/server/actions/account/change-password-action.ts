"use server";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { ChangePasswordInput } from "@/lib/schemas/user";
import { requireActor } from "@/server/auth/get-actor";
import { changeOwnPassword } from "@/server/data/users/change-own-password";
import { runAction } from "../run-action";
import { publicFormData } from "../users/public-form-data";

/**
 * Changes the signed-in user's own password. Success bumps sessionVersion, which ends every
 * session of the account, this one included. Chosen re-issue: none. The result carries
 * `signOut: true`; the form then shows the message, calls next-auth's signOut() to clear the
 * now-dead cookie and lands on /login, where the user logs in with the new password.
 * No revalidatePath: re-rendering this page with the dead session would redirect before the
 * user could read the message.
 */
export async function changePasswordAction(
  _prev: ActionResult<{ signOut: boolean }>,
  formData: FormData,
): Promise<ActionResult<{ signOut: boolean }>> {
  return runAction<{ signOut: boolean }>(publicFormData(formData), async () => {
    const actor = await requireActor();
    const input = ChangePasswordInput.parse(Object.fromEntries(formData));
    await changeOwnPassword(actor, input);
    const t = await getTranslations("admin.password");
    return { ok: true, message: t("done"), data: { signOut: true } };
  });
}
