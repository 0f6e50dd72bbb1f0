"use server";
import { revalidatePath } from "next/cache";
import { RecordConclusionInput } from "@/lib/schemas/appraisal";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { recordConclusion } from "../../data/appraisal/record-conclusion";
import { runAction } from "../run-action";

/** Records the branch's conclusion (评定等次) on one member of a closed round. */
export async function recordAppraisalConclusionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = RecordConclusionInput.parse(Object.fromEntries(formData));
    const { roundId } = await recordConclusion(actor, input);
    revalidatePath(`/appraisal/${roundId}`);
    return { ok: true, message: "已记录支部评定" };
  });
}
