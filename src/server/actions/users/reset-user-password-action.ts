"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { ResetPasswordInput } from "@/lib/schemas/user";
import { requireActor } from "@/server/auth/get-actor";
import { resetUserPassword } from "@/server/data/users/reset-user-password";
import { runAction } from "../run-action";
import { publicFormData } from "./public-form-data";

/** An administrator sets a new password for an account; its sessions end. */
export async function resetUserPasswordAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(publicFormData(formData), async () => {
    const actor = await requireActor();
    const input = ResetPasswordInput.parse(Object.fromEntries(formData));
    await resetUserPassword(actor, input);
    revalidatePath(`/admin/users/${input.id}`);
    const t = await getTranslations("admin.users.messages");
    return { ok: true, message: t("passwordReset") };
  });
}
