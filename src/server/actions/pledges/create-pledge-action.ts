"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CreatePledgeInput, pledgeFormObject } from "@/lib/schemas/pledge";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createPledge } from "../../data/pledges/create-pledge";
import { runAction } from "../run-action";

/** Makes a pledge public (for oneself, or for an organization one evaluates), then opens it. */
export async function createPledgeAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  // Item rows are repeated fields: echoing them joined would garble them, so the form keeps its own state.
  const result = await runAction<{ id: string }>(null, async () => {
    const actor = await requireActor();
    const input = CreatePledgeInput.parse(pledgeFormObject(formData));
    const { id } = await createPledge(actor, input);
    revalidatePath("/pledges", "layout");
    revalidatePath("/me", "layout");
    return { ok: true, message: "承诺已公开", data: { id } };
  });
  if (result.ok && result.data) redirect(`/pledges/${result.data.id}?created=1`);
  return result;
}
