"use server";
import { revalidatePath } from "next/cache";
import { EvidenceRefInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { withdrawEvidence } from "../../data/activities/activity-evidence";
import { runAction } from "../run-action";

/** Withdraws an evidence file before the record is approved (the row stays, marked withdrawn). */
export async function withdrawEvidenceAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = EvidenceRefInput.parse(Object.fromEntries(formData));
    const { activityId } = await withdrawEvidence(actor, input);
    revalidatePath(`/activities/${activityId}`);
    return { ok: true, message: "文件已撤回" };
  });
}
