"use server";
import { revalidatePath } from "next/cache";
import { plainFormObject, WithdrawPledgeItemInput } from "@/lib/schemas/pledge";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { withdrawPledgeItem } from "../../data/pledges/withdraw-pledge-item";
import { runAction } from "../run-action";

/** The owner withdraws a pledge item before it is evaluated. */
export async function withdrawPledgeItemAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = WithdrawPledgeItemInput.parse(plainFormObject(formData));
    const { pledgeId } = await withdrawPledgeItem(actor, input);
    revalidatePath(`/pledges/${pledgeId}`);
    revalidatePath("/me", "layout");
    return { ok: true, message: "承诺事项已撤回" };
  });
}
