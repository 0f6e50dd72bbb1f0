"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { AnswerOpinionInput } from "@/lib/schemas/opinion";
import { taskFormObject } from "@/lib/schemas/task";
import { requireActor } from "../../auth/get-actor";
import { answerOpinion } from "../../data/opinions/answer-opinion";
import { runAction } from "../run-action";

/** Answers an opinion, optionally marking it for rectification. */
export async function answerOpinionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const { roundId } = await answerOpinion(actor, taskFormObject(formData) as AnswerOpinionInput);
    revalidatePath(`/opinions/${roundId}`);
    return { ok: true, message: "已答复" };
  });
}
