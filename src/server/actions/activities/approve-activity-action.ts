"use server";
import { revalidatePath } from "next/cache";
import { ActivityRefInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { approveActivity } from "../../data/activities/review-activity";
import { runAction } from "../run-action";

/** 通过: approves a submitted record. */
export async function approveActivityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = ActivityRefInput.parse(Object.fromEntries(formData));
    const { id } = await approveActivity(actor, input);
    revalidatePath("/activities", "layout");
    revalidatePath(`/activities/${id}`);
    return { ok: true, message: "已审核通过" };
  });
}
