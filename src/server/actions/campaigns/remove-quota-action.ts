"use server";
import { revalidatePath } from "next/cache";
import { RemoveQuotaInput } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { removeQuota } from "../../data/campaigns/remove-quota";
import { runAction } from "../run-action";

/** Removes one quota from a campaign (version-checked). */
export async function removeQuotaAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = RemoveQuotaInput.parse(Object.fromEntries(formData));
    const { id } = await removeQuota(actor, input);
    revalidatePath(`/campaigns/${id}`, "layout");
    return { ok: true, message: "指标已删除" };
  });
}
