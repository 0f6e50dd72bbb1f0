"use server";
import { revalidatePath } from "next/cache";
import { WithdrawEvidenceInput } from "@/lib/schemas/self-report";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { withdrawEvidence } from "../../data/self-reports/withdraw-evidence";
import { runAction } from "../run-action";

/** Withdraws a file the member uploaded to their self-report or pledge progress, before review. */
export async function withdrawEvidenceAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = WithdrawEvidenceInput.parse({ evidenceId: formData.get("evidenceId") ?? "" });
    const { activityId, pledgeId } = await withdrawEvidence(actor, input);
    if (activityId) revalidatePath(`/me/reports/${activityId}`);
    if (pledgeId) revalidatePath(`/pledges/${pledgeId}`);
    revalidatePath("/me", "layout");
    return { ok: true, message: "文件已撤回" };
  });
}
