"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { UpdateRectificationInput } from "@/lib/schemas/opinion";
import { formFiles } from "@/lib/schemas/self-report";
import { taskFormObject } from "@/lib/schemas/task";
import { requireActor } from "../../auth/get-actor";
import { updateRectification } from "../../data/opinions/answer-opinion";
import { runAction } from "../run-action";

/** Records rectification progress on an opinion; "done" needs evidence. */
export async function updateRectificationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const { roundId } = await updateRectification(actor, {
      ...(taskFormObject(formData) as UpdateRectificationInput),
      files: formFiles(formData),
    });
    revalidatePath(`/opinions/${roundId}`);
    return { ok: true, message: "已更新整改情况" };
  });
}
