"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { SetUserDisabledInput } from "@/lib/schemas/user";
import { requireActor } from "@/server/auth/get-actor";
import { setUserDisabled } from "@/server/data/users/set-user-disabled";
import { runAction } from "../run-action";

/** Disables (ending the user's sessions at once) or re-enables an account. */
export async function setUserDisabledAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = SetUserDisabledInput.parse(Object.fromEntries(formData));
    await setUserDisabled(actor, input);
    revalidatePath("/admin/users", "layout");
    const t = await getTranslations("admin.users.messages");
    return { ok: true, message: input.disabled ? t("disabled") : t("enabled") };
  });
}
