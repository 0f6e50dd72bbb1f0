"use server";
import { revalidatePath } from "next/cache";
import { RemoveCampaignLeaderInput } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { removeCampaignLeader } from "../../data/campaigns/remove-campaign-leader";
import { runAction } from "../run-action";

/** Takes a member out of the campaign's leadership group (the row is closed, not deleted). */
export async function removeCampaignLeaderAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = RemoveCampaignLeaderInput.parse(Object.fromEntries(formData));
    await removeCampaignLeader(actor, input);
    revalidatePath(`/campaigns/${input.campaignId}`);
    return { ok: true, message: "已移出领导小组" };
  });
}
