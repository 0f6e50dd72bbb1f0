"use server";
import { revalidatePath } from "next/cache";
import { FilePlanInput } from "@/lib/schemas/secretary-project";
import { formFiles } from "@/lib/schemas/self-report";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { fileImplementationPlan } from "../../data/implementation-plans/file-plan";
import { runAction } from "../run-action";

/** An organization files (or revises) its implementation plan for a campaign. */
export async function filePlanAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = FilePlanInput.parse(taskFormObject(formData));
    const { revised } = await fileImplementationPlan(actor, {
      ...input,
      files: formFiles(formData),
    });
    revalidatePath("/implementation-plans");
    return { ok: true, message: revised ? "实施方案已修订" : "实施方案已提交" };
  });
}
