"use server";
import { revalidatePath } from "next/cache";
import { CreateTaskInput, taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createTask } from "../../data/tasks/create-task";
import { runAction } from "../run-action";

/** The organization department adds a task to a campaign. */
export async function createTaskAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction<{ id: string }>(formData, async () => {
    const actor = await requireActor();
    const input = CreateTaskInput.parse(
      taskFormObject(formData, ["cooperatingDepartmentIds", "orgIds"]),
    );
    const { id } = await createTask(actor, input);
    revalidatePath("/tasks");
    return { ok: true, message: "任务已创建", data: { id } };
  });
}
