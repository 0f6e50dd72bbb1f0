"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { activityFormObject, UpdateActivityInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateActivity } from "../../data/activities/update-activity";
import { runAction } from "../run-action";
import { readEvidenceFiles } from "./read-evidence-files";

/** Saves a draft or returned record (and submits it with "保存并提交"), then opens its page. */
export async function updateActivityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; status: string }>> {
  const result = await runAction<{ id: string; status: string }>(formData, async () => {
    const actor = await requireActor();
    const input = UpdateActivityInput.parse(activityFormObject(formData));
    const files = await readEvidenceFiles(formData);
    const { id, status } = await updateActivity(actor, input, files);
    revalidatePath("/activities");
    revalidatePath(`/activities/${id}`);
    return { ok: true, data: { id, status } };
  });
  if (result.ok && result.data)
    redirect(
      `/activities/${result.data.id}?saved=${result.data.status === "SUBMITTED" ? "submitted" : "draft"}`,
    );
  return result;
}
