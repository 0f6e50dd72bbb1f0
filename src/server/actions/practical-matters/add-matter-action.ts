"use server";
import { revalidatePath } from "next/cache";
import { AddMatterInput } from "@/lib/schemas/practical-matter";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addMatter } from "../../data/practical-matters/add-matter";
import { runAction } from "../run-action";

/** Adds an item (owner and deadline) to a practical-matters list. */
export async function addMatterAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AddMatterInput.parse(taskFormObject(formData));
    const { listId } = await addMatter(actor, input);
    revalidatePath(`/practical-matters/${listId}`);
    return { ok: true, message: "实事已添加" };
  });
}
