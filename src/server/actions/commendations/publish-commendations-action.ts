"use server";
import { revalidatePath } from "next/cache";
import { PublishCommendationsInput } from "@/lib/schemas/commendation";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { publishCommendations } from "../../data/commendations/publish-commendations";
import { runAction } from "../run-action";

/** Publishes the accepted nominees for the notice period (公示). */
export async function publishCommendationsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = PublishCommendationsInput.parse(Object.fromEntries(formData));
    const result = await publishCommendations(actor, input);
    revalidatePath("/commendations");
    revalidatePath(`/commendations/${result.windowId}`);
    return { ok: true, message: "名单已公示" };
  });
}
