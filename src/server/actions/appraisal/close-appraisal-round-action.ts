"use server";
import { revalidatePath } from "next/cache";
import { CloseAppraisalRoundInput } from "@/lib/schemas/appraisal";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { closeAppraisalRound } from "../../data/appraisal/close-appraisal-round";
import { runAction } from "../run-action";

/** Closes a round: voting ends and the tallies are shown, fixed from then on. */
export async function closeAppraisalRoundAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = CloseAppraisalRoundInput.parse(Object.fromEntries(formData));
    const { roundId } = await closeAppraisalRound(actor, input);
    revalidatePath(`/appraisal/${roundId}`);
    revalidatePath("/appraisal");
    return { ok: true, message: "评议已结束，结果已生成" };
  });
}
