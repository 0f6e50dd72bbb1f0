"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { publishRatings } from "../../data/ratings/publish-ratings";
import { PublishRatingsInput, ratingFormObject } from "../../data/ratings/rating-input";
import { runAction } from "../run-action";

/** Publishes (freezes) a campaign year's ratings as a new version; a republication needs a reason. */
export async function publishRatingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ version: number }>> {
  return runAction<{ version: number }>(formData, async () => {
    const actor = await requireActor();
    const input = PublishRatingsInput.parse(ratingFormObject(formData));
    const { version } = await publishRatings(actor, input);
    revalidatePath(`/ratings/${input.campaignId}`, "layout");
    return { ok: true, message: `已发布第 ${version} 版评定结果`, data: { version } };
  });
}
