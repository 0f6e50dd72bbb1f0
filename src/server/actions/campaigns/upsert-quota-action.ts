"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { QuotaFormInput, quotaFormObject } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { upsertQuota } from "../../data/campaigns/upsert-quota";
import { runAction } from "../run-action";

/**
 * Saves the quota form (a new quota or an edited one), then returns to the campaign. Refusals come
 * back beside the form's fields, each message with the rules path (e.g. quotas[3].target.value).
 */
export async function upsertQuotaAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; quotaId: string }>> {
  const result = await runAction<{ id: string; quotaId: string }>(formData, async () => {
    const actor = await requireActor();
    const input = QuotaFormInput.parse(quotaFormObject(formData));
    const { id, quotaId } = await upsertQuota(actor, input);
    revalidatePath(`/campaigns/${id}`, "layout");
    return { ok: true, message: "指标已保存", data: { id, quotaId } };
  });
  if (result.ok && result.data) redirect(`/campaigns/${result.data.id}?saved=quota#quotas`);
  return result;
}
