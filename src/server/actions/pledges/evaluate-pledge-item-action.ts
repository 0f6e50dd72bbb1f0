"use server";
import { revalidatePath } from "next/cache";
import { EvaluatePledgeItemInput, plainFormObject } from "@/lib/schemas/pledge";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { evaluatePledgeItem } from "../../data/pledges/evaluate-pledge-item";
import { runAction } from "../run-action";

/** Records the branch's verdict on a pledge item (评诺). */
export async function evaluatePledgeItemAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = EvaluatePledgeItemInput.parse(plainFormObject(formData));
    const { pledgeId, changed } = await evaluatePledgeItem(actor, input);
    revalidatePath(`/pledges/${pledgeId}`);
    revalidatePath("/pledges");
    return { ok: true, message: changed ? "评议已保存" : "没有需要保存的修改" };
  });
}
