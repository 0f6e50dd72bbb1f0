"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { markNotificationsRead } from "../../data/notifications/notifications";
import { runAction } from "../run-action";

/** Marks one of the user's notifications read, or all of them (id "all"). */
export async function markNotificationsReadAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const id = String(formData.get("id") ?? "");
    await markNotificationsRead(actor, id);
    revalidatePath("/", "layout");
    return { ok: true, message: "已标为已读" };
  });
}
