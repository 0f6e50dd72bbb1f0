"use server";
import { revalidatePath } from "next/cache";
import { ReviewNominationInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { reviewNomination } from "../../data/commendations/review-nomination";
import { runAction } from "../run-action";

/** Accepts or rejects a nomination (a rejection with a reason). */
export async function reviewNominationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = ReviewNominationInput.parse(Object.fromEntries(formData));
    const result = await reviewNomination(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.windowId}`);
    return { ok: true, message: "审核结果已保存" };
  });
}
