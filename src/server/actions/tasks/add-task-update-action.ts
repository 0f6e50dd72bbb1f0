"use server";
import { revalidatePath } from "next/cache";
import { AddTaskUpdateInput, taskFormObject } from "@/lib/schemas/task";
import { formFiles } from "@/lib/schemas/self-report";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addTaskUpdate } from "../../data/tasks/add-task-update";
import { runAction } from "../run-action";

/** A progress update on a task, with evidence files. */
export async function addTaskUpdateAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AddTaskUpdateInput.parse(taskFormObject(formData));
    const { taskId } = await addTaskUpdate(actor, { ...input, files: formFiles(formData) });
    revalidatePath(`/tasks/${taskId}`);
    revalidatePath("/tasks");
    return { ok: true, message: "进展已发布" };
  });
}
