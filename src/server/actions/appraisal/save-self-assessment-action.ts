"use server";
import { revalidatePath } from "next/cache";
import { SaveSelfAssessmentInput } from "@/lib/schemas/appraisal";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { saveSelfAssessment } from "../../data/appraisal/save-self-assessment";
import { runAction } from "../run-action";

/** A participant saves their self-assessment (自我评价). */
export async function saveSelfAssessmentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = SaveSelfAssessmentInput.parse(Object.fromEntries(formData));
    const { roundId } = await saveSelfAssessment(actor, input);
    revalidatePath(`/appraisal/${roundId}`);
    return { ok: true, message: "自我评价已保存" };
  });
}
