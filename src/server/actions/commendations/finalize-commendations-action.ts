"use server";
import { revalidatePath } from "next/cache";
import { FinalizeCommendationsInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { finalizeCommendations } from "../../data/commendations/finalize-commendations";
import { runAction } from "../run-action";

/** Finalizes the list after the notice period; it is immutable from then on. */
export async function finalizeCommendationsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = FinalizeCommendationsInput.parse(Object.fromEntries(formData));
    const result = await finalizeCommendations(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.windowId}`);
    return { ok: true, message: "名单已确定" };
  });
}
