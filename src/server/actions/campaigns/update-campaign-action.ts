"use server";
import { revalidatePath } from "next/cache";
import { UpdateCampaignInput } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateCampaign } from "../../data/campaigns/update-campaign";
import { runAction } from "../run-action";

/** Saves a campaign's name, description, dates and status; a stale form gets "记录已被他人修改，请刷新后重试". */
export async function updateCampaignAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ changed: boolean }>> {
  return runAction<{ changed: boolean }>(formData, async () => {
    const actor = await requireActor();
    const input = UpdateCampaignInput.parse(Object.fromEntries(formData));
    const { id, changed } = await updateCampaign(actor, input);
    revalidatePath(`/campaigns/${id}`, "layout");
    revalidatePath("/campaigns");
    return { ok: true, message: changed ? "已保存" : "没有需要保存的修改", data: { changed } };
  });
}
