"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { activityFormObject, CreateActivityInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createActivity } from "../../data/activities/create-activity";
import { runAction } from "../run-action";
import { readEvidenceFiles } from "./read-evidence-files";

/**
 * Records an activity (draft, or submitted with "保存并提交"), then opens its page. A retry of
 * the same form (same idempotencyKey) opens the record the first attempt created.
 */
export async function createActivityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; status: string }>> {
  const result = await runAction<{ id: string; status: string }>(formData, async () => {
    const actor = await requireActor();
    const input = CreateActivityInput.parse(activityFormObject(formData));
    const files = await readEvidenceFiles(formData);
    const { id, status } = await createActivity(actor, input, files);
    revalidatePath("/activities");
    return { ok: true, data: { id, status } };
  });
  // Outside runAction: redirect() works by throwing, and must not be caught there.
  if (result.ok && result.data)
    redirect(
      `/activities/${result.data.id}?saved=${result.data.status === "SUBMITTED" ? "submitted" : "draft"}`,
    );
  return result;
}
