"use server";
import { revalidatePath } from "next/cache";
import { SignOffTaskInput, taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { signOffTask } from "../../data/tasks/sign-off-task";
import { runAction } from "../run-action";

/** The organization department signs a task off (销号). */
export async function signOffTaskAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = SignOffTaskInput.parse(taskFormObject(formData));
    const { id } = await signOffTask(actor, input);
    revalidatePath(`/tasks/${id}`);
    revalidatePath("/tasks");
    return { ok: true, message: "任务已销号" };
  });
}
