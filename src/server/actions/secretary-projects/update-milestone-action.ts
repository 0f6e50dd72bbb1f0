"use server";
import { revalidatePath } from "next/cache";
import { UpdateMilestoneInput } from "@/lib/schemas/secretary-project";
import { formFiles } from "@/lib/schemas/self-report";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateMilestone } from "../../data/secretary-projects/update-milestone";
import { runAction } from "../run-action";

/** Reports progress on a milestone (status, note, evidence files). */
export async function updateMilestoneAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = UpdateMilestoneInput.parse(taskFormObject(formData));
    const { projectId } = await updateMilestone(actor, { ...input, files: formFiles(formData) });
    revalidatePath(`/secretary-projects/${projectId}`);
    revalidatePath("/secretary-projects");
    return { ok: true, message: "进展已保存" };
  });
}
