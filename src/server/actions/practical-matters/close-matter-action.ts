"use server";
import { revalidatePath } from "next/cache";
import { CloseMatterInput } from "@/lib/schemas/practical-matter";
import { formFiles } from "@/lib/schemas/self-report";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { closeMatter } from "../../data/practical-matters/close-matter";
import { runAction } from "../run-action";

/** 对账销号: the owner closes an item with evidence. */
export async function closeMatterAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = CloseMatterInput.parse(taskFormObject(formData));
    const { id, listId } = await closeMatter(actor, { ...input, files: formFiles(formData) });
    revalidatePath(`/practical-matters/items/${id}`);
    revalidatePath(`/practical-matters/${listId}`);
    return { ok: true, message: "已销号" };
  });
}
