"use server";
import { revalidatePath } from "next/cache";
import { OpenAppraisalRoundInput } from "@/lib/schemas/appraisal";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { openAppraisalRound } from "../../data/appraisal/open-appraisal-round";
import { runAction } from "../run-action";

/** Opens a branch's democratic appraisal round for a year. */
export async function openAppraisalRoundAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = OpenAppraisalRoundInput.parse(Object.fromEntries(formData));
    await openAppraisalRound(actor, input);
    revalidatePath("/appraisal");
    return { ok: true, message: "已开启民主评议" };
  });
}
