"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { endOwnSession } from "../../data/users/end-own-session";
import { runAction } from "../run-action";

/** Ends one of the signed-in user's sessions elsewhere: that browser is signed out on its next request. */
export async function endSessionAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    await endOwnSession(actor, String(formData.get("id") ?? ""));
    revalidatePath("/account/password");
    const t = await getTranslations("sessions");
    return { ok: true, message: t("ended") };
  });
}
