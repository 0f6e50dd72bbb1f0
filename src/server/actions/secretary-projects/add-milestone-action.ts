"use server";
import { revalidatePath } from "next/cache";
import { AddMilestoneInput } from "@/lib/schemas/secretary-project";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addMilestone } from "../../data/secretary-projects/add-milestone";
import { runAction } from "../run-action";

/** Adds a dated milestone to a secretary project's roadmap. */
export async function addMilestoneAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AddMilestoneInput.parse(taskFormObject(formData));
    await addMilestone(actor, input);
    revalidatePath(`/secretary-projects/${input.projectId}`);
    revalidatePath("/secretary-projects");
    return { ok: true, message: "节点已添加" };
  });
}
