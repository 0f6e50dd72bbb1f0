"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportCampaignDefinitionInput, MAX_DEFINITION_BYTES } from "@/lib/schemas/campaign";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { importCampaignDefinition } from "../../data/campaigns/import-campaign-definition";
import { AppError } from "../../errors";
import { runAction } from "../run-action";

/**
 * Creates a campaign from a template file (uploaded, or pasted into the text box), then opens it.
 * Invalid JSON comes back beside the JSON field with the paths and reasons the CLI prints.
 */
export async function importCampaignDefinitionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction<{ id: string }>(formData, async () => {
    const actor = await requireActor();
    const file = formData.get("file");
    let json = formData.get("json");
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_DEFINITION_BYTES)
        throw new AppError("VALIDATION", "文件超过 512 KB", { json: ["文件超过 512 KB"] });
      json = (await file.text()).replace(/^\uFEFF/, "");
    }
    const input = ImportCampaignDefinitionInput.parse({
      json,
      name: formData.get("name"),
      startDate: formData.get("startDate") ?? "",
      endDate: formData.get("endDate") ?? "",
      rootOrgId: formData.get("rootOrgId"),
    });
    const { id } = await importCampaignDefinition(actor, input);
    revalidatePath("/campaigns");
    return { ok: true, message: "已导入活动", data: { id } };
  });
  if (result.ok && result.data) redirect(`/campaigns/${result.data.id}?created=1`);
  return result;
}
