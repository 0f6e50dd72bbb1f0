"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CloseRoundInput } from "@/lib/schemas/opinion";
import { taskFormObject } from "@/lib/schemas/task";
import { requireActor } from "../../auth/get-actor";
import { closeRound } from "../../data/opinions/close-round";
import { runAction } from "../run-action";

/** Closes a round; an evaluation round's result feeds its rating item. */
export async function closeRoundAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const { id, result } = await closeRound(actor, taskFormObject(formData) as CloseRoundInput);
    revalidatePath(`/opinions/${id}`);
    revalidatePath("/opinions");
    const rating = result?.rating;
    const message = rating?.fed
      ? `已结束征集；平均满意度 ${result?.average} 分，计入星级评定 ${rating.points} 分`
      : rating && !rating.fed
        ? `已结束征集；${rating.reason}`
        : "已结束征集";
    return { ok: true, message };
  });
}
