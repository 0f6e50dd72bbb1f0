"use server";
import { revalidatePath } from "next/cache";
import { ApplyTemplateTasksInput, taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { applyTemplateTasks } from "../../data/tasks/apply-template-tasks";
import { runAction } from "../run-action";

/** One click: the campaign template's tasks, with their lead and cooperating departments. */
export async function applyTemplateTasksAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ created: number }>> {
  return runAction<{ created: number }>(formData, async () => {
    const actor = await requireActor();
    const input = ApplyTemplateTasksInput.parse(taskFormObject(formData));
    const { created, skipped } = await applyTemplateTasks(actor, input.campaignId);
    revalidatePath("/tasks");
    return {
      ok: true,
      message: `已添加 ${created} 项任务${skipped ? `（${skipped} 项已存在，跳过）` : ""}`,
      data: { created },
    };
  });
}
