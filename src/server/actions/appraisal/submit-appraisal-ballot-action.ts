"use server";
import { revalidatePath } from "next/cache";
import { SubmitBallotInput, ballotFromForm } from "@/lib/schemas/appraisal";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { submitBallot } from "../../data/appraisal/submit-ballot";
import { runAction } from "../run-action";

/** Casts the caller's secret ballot in a round (one verdict per other participant). */
export async function submitAppraisalBallotAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = SubmitBallotInput.parse({
      roundId: formData.get("roundId"),
      verdicts: ballotFromForm(formData),
    });
    const { roundId } = await submitBallot(actor, input);
    revalidatePath(`/appraisal/${roundId}`);
    revalidatePath("/appraisal");
    return { ok: true, message: "投票成功，感谢参与" };
  });
}
