"use server";
import { revalidatePath } from "next/cache";
import { FileObjectionInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { fileObjection } from "../../data/commendations/file-objection";
import { runAction } from "../run-action";

/** Files an objection to a published nominee (optionally anonymous). */
export async function fileObjectionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = FileObjectionInput.parse(Object.fromEntries(formData));
    const result = await fileObjection(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.windowId}`);
    return { ok: true, message: "异议已提交" };
  });
}
