"use server";
import { revalidatePath } from "next/cache";
import { VoidActivityInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { voidActivity } from "../../data/activities/void-activity";
import { runAction } from "../run-action";

/** Voids an approved record with a reason, or discards a draft/returned one. Nothing is deleted. */
export async function voidActivityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = VoidActivityInput.parse(Object.fromEntries(formData));
    const { id, discarded } = await voidActivity(actor, input);
    revalidatePath("/activities", "layout");
    revalidatePath(`/activities/${id}`);
    return { ok: true, message: discarded ? "草稿已撤销" : "记录已作废" };
  });
}
