"use server";
import { revalidatePath } from "next/cache";
import { AddPledgeProgressInput, plainFormObject } from "@/lib/schemas/pledge";
import { formFiles } from "@/lib/schemas/self-report";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addPledgeProgress } from "../../data/pledges/add-pledge-progress";
import { runAction } from "../run-action";

/** The owner posts progress on a pledge item (践诺), with evidence. */
export async function addPledgeProgressAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AddPledgeProgressInput.parse(plainFormObject(formData));
    const { pledgeId } = await addPledgeProgress(actor, { ...input, files: formFiles(formData) });
    revalidatePath(`/pledges/${pledgeId}`);
    revalidatePath("/me", "layout");
    return { ok: true, message: "进展已发布" };
  });
}
