"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { enterAssessment } from "../../data/ratings/enter-assessment";
import { EnterAssessmentInput, ratingFormObject } from "../../data/ratings/rating-input";
import { runAction } from "../run-action";

/** Enters a manual assessment item's points or a veto item's trigger for one organization or member, with a comment. */
export async function enterAssessmentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ changed: boolean }>> {
  return runAction<{ changed: boolean }>(formData, async () => {
    const actor = await requireActor();
    const input = EnterAssessmentInput.parse(ratingFormObject(formData));
    const { changed } = await enterAssessment(actor, input);
    revalidatePath(`/ratings/${input.campaignId}`, "layout");
    return {
      ok: true,
      message: changed ? "评价已保存，评定结果已重新计算" : "没有需要保存的修改",
      data: { changed },
    };
  });
}
