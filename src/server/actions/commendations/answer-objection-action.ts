"use server";
import { revalidatePath } from "next/cache";
import { AnswerObjectionInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { answerObjection } from "../../data/commendations/answer-objection";
import { runAction } from "../run-action";

/** Answers an objection; an upheld one takes the nominee off the list. */
export async function answerObjectionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AnswerObjectionInput.parse(Object.fromEntries(formData));
    const result = await answerObjection(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.windowId}`);
    return { ok: true, message: "已答复异议" };
  });
}
