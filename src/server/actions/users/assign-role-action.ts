"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { AssignRoleInput } from "@/lib/schemas/user";
import { requireActor } from "@/server/auth/get-actor";
import { assignRole } from "@/server/data/users/assign-role";
import { runAction } from "../run-action";

/** Grants a role over an organization's subtree. */
export async function assignRoleAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AssignRoleInput.parse(Object.fromEntries(formData));
    await assignRole(actor, input);
    revalidatePath("/admin/users", "layout");
    const t = await getTranslations("admin.users.messages");
    return { ok: true, message: t("roleAssigned") };
  });
}
