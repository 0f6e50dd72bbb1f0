"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { RevokeRoleInput } from "@/lib/schemas/user";
import { requireActor } from "@/server/auth/get-actor";
import { revokeRole } from "@/server/data/users/revoke-role";
import { runAction } from "../run-action";

/** Revokes a role assignment (kept, with revokedAt, for the audit trail). */
export async function revokeRoleAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = RevokeRoleInput.parse(Object.fromEntries(formData));
    await revokeRole(actor, input);
    // The actor may have revoked one of their own roles: the whole app's navigation can change.
    revalidatePath("/", "layout");
    const t = await getTranslations("admin.users.messages");
    return { ok: true, message: t("roleRevoked") };
  });
}
