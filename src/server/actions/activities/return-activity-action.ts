"use server";
import { revalidatePath } from "next/cache";
import { ReturnActivityInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { returnActivity } from "../../data/activities/review-activity";
import { runAction } from "../run-action";

/** 退回: returns a submitted record to its owner with a reason (required). */
export async function returnActivityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = ReturnActivityInput.parse(Object.fromEntries(formData));
    const { id } = await returnActivity(actor, input);
    revalidatePath("/activities", "layout");
    revalidatePath(`/activities/${id}`);
    return { ok: true, message: "已退回" };
  });
}
