"use server";
import { revalidatePath } from "next/cache";
import { ActivityRefInput } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addActivityEvidence } from "../../data/activities/activity-evidence";
import { runAction } from "../run-action";
import { readEvidenceFiles } from "./read-evidence-files";

/** Uploads more evidence files to a record that is not yet approved. */
export async function addActivityEvidenceAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(null, async () => {
    const actor = await requireActor();
    const input = ActivityRefInput.parse(Object.fromEntries(formData));
    const files = await readEvidenceFiles(formData);
    const { id, added } = await addActivityEvidence(actor, input, files);
    revalidatePath(`/activities/${id}`);
    return { ok: true, message: `已上传 ${added} 个文件` };
  });
}
