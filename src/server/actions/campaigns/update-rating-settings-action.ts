"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateRatingSettings } from "../../data/campaigns/update-rating-settings";
import { runAction } from "../run-action";

const UpdateRatingSettingsInput = z.object({
  campaignId: z.uuid(),
  version: z.coerce.number().int().min(1),
  ratingJson: z.string().max(20_000, "评分方案过长"),
});

export async function updateRatingSettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = UpdateRatingSettingsInput.parse(Object.fromEntries(formData));
    const { changed } = await updateRatingSettings(actor, input);
    revalidatePath(`/campaigns/${input.campaignId}`);
    return { ok: true, message: changed ? "评分方案已保存" : "没有需要保存的修改" };
  });
}
