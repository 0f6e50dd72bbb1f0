"use server";
import { revalidatePath } from "next/cache";
import { AddCampaignLeaderInput } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addCampaignLeader } from "../../data/campaigns/add-campaign-leader";
import { runAction } from "../run-action";

/** Adds a member (by number) to the campaign's leadership group. */
export async function addCampaignLeaderAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AddCampaignLeaderInput.parse(Object.fromEntries(formData));
    await addCampaignLeader(actor, input);
    revalidatePath(`/campaigns/${input.campaignId}`);
    return { ok: true, message: "已加入领导小组" };
  });
}
