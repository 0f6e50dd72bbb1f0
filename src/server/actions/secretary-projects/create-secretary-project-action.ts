"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CreateSecretaryProjectInput } from "@/lib/schemas/secretary-project";
import { taskFormObject } from "@/lib/schemas/task";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createSecretaryProject } from "../../data/secretary-projects/create-secretary-project";
import { runAction } from "../run-action";

/** A branch files its secretary project (书记项目) for a campaign. */
export async function createSecretaryProjectAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  let id: string | undefined;
  const result = await runAction(formData, async (): Promise<ActionResult> => {
    const actor = await requireActor();
    const input = CreateSecretaryProjectInput.parse(taskFormObject(formData));
    id = (await createSecretaryProject(actor, input)).id;
    revalidatePath("/secretary-projects");
    return { ok: true, message: "书记项目已提交" };
  });
  if (result.ok && id) redirect(`/secretary-projects/${id}`);
  return result;
}
