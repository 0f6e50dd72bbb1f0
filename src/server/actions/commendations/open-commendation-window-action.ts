"use server";
import { revalidatePath } from "next/cache";
import { OpenCommendationWindowInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { openCommendationWindow } from "../../data/commendations/open-commendation-window";
import { runAction } from "../run-action";

/** The organization department opens a year's 两优一先 nomination window. */
export async function openCommendationWindowAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = OpenCommendationWindowInput.parse(Object.fromEntries(formData));
    const result = await openCommendationWindow(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.id}`);
    return { ok: true, message: "已开启两优一先评选" };
  });
}
