"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createCalendarToken } from "../../data/calendar/calendar-tokens";
import { runAction } from "../run-action";

/** Creates the user's private calendar-feed URL (shown once); an earlier one stops working. */
export async function createCalendarTokenAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ token: string }>> {
  return runAction<{ token: string }>(formData, async () => {
    const actor = await requireActor();
    const { token } = await createCalendarToken(actor);
    revalidatePath("/calendar");
    return { ok: true, message: "订阅地址已生成，请立即复制：离开本页后不再显示", data: { token } };
  });
}
