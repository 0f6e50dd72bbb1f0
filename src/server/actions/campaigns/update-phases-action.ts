"use server";
import { revalidatePath } from "next/cache";
import { UpdatePhasesInput, phasesFormObject } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updatePhases } from "../../data/campaigns/update-phases";
import { runAction } from "../run-action";

/** Saves the campaign's phases (rows left empty are removed, a filled new row is added). */
export async function updatePhasesAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ changed: boolean }>> {
  return runAction<{ changed: boolean }>(formData, async () => {
    const actor = await requireActor();
    const input = UpdatePhasesInput.parse(phasesFormObject(formData));
    const { id, changed } = await updatePhases(actor, input);
    revalidatePath(`/campaigns/${id}`, "layout");
    return { ok: true, message: changed ? "阶段已保存" : "没有需要保存的修改", data: { changed } };
  });
}
