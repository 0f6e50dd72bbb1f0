"use server";
import { revalidatePath } from "next/cache";
import { NominateInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { nominateCandidate } from "../../data/commendations/nominate-candidate";
import { runAction } from "../run-action";

/** Nominates a member or an organization of the caller's subtree. */
export async function nominateCandidateAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = NominateInput.parse(Object.fromEntries(formData));
    const result = await nominateCandidate(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.windowId}`);
    return { ok: true, message: "推荐已提交" };
  });
}
