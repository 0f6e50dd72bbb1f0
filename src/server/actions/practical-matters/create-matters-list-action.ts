"use server";
import { revalidatePath } from "next/cache";
import { CreateMattersListInput } from "@/lib/schemas/practical-matter";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createMattersList } from "../../data/practical-matters/create-matters-list";
import { runAction } from "../run-action";

/** Opens the next bi-monthly list; open items of the previous list are carried over. */
export async function createMattersListAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction<{ id: string }>(formData, async () => {
    const actor = await requireActor();
    const input = CreateMattersListInput.parse(taskFormObject(formData));
    const { id, carried } = await createMattersList(actor, input);
    revalidatePath("/practical-matters");
    return {
      ok: true,
      message: carried ? `清单已创建，上期结转 ${carried} 项` : "清单已创建",
      data: { id },
    };
  });
}
