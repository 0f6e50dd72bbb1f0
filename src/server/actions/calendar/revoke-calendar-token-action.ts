"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { revokeCalendarToken } from "../../data/calendar/calendar-tokens";
import { runAction } from "../run-action";

/** Revokes one of the user's calendar-feed URLs: it answers 404 from then on. */
export async function revokeCalendarTokenAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    await revokeCalendarToken(actor, String(formData.get("id") ?? ""));
    revalidatePath("/calendar");
    return { ok: true, message: "订阅地址已停用" };
  });
}
