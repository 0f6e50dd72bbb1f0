"use server";
import { revalidatePath } from "next/cache";
import { ActivityRefInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { submitActivity } from "../../data/activities/submit-activity";
import { runAction } from "../run-action";

/** Sends a draft or returned record for review. */
export async function submitActivityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = ActivityRefInput.parse(Object.fromEntries(formData));
    const { id } = await submitActivity(actor, input);
    revalidatePath("/activities", "layout");
    revalidatePath(`/activities/${id}`);
    return { ok: true, message: "已提交审核" };
  });
}
