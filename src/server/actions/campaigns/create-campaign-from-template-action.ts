"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CreateCampaignFromTemplateInput } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createCampaignFromTemplate } from "../../data/campaigns/create-campaign-from-template";
import { runAction } from "../run-action";

/** Creates a campaign from a seed template (one form: template, name, dates, covered organization), then opens it. */
export async function createCampaignFromTemplateAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; skipped: number }>> {
  const result = await runAction<{ id: string; skipped: number }>(formData, async () => {
    const actor = await requireActor();
    const input = CreateCampaignFromTemplateInput.parse(Object.fromEntries(formData));
    const { id, skipped } = await createCampaignFromTemplate(actor, input);
    revalidatePath("/campaigns");
    return { ok: true, message: "已创建活动", data: { id, skipped: skipped.length } };
  });
  // Outside runAction: redirect() works by throwing, and must not be caught there.
  if (result.ok && result.data)
    redirect(
      `/campaigns/${result.data.id}?created=1${result.data.skipped ? `&skipped=${result.data.skipped}` : ""}`,
    );
  return result;
}
