"use server";
import { revalidatePath } from "next/cache";
import { AddPledgeCommentInput, plainFormObject } from "@/lib/schemas/pledge";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { addPledgeComment } from "../../data/pledges/add-pledge-comment";
import { runAction } from "../run-action";

/** Comments on a pledge or one of its items (the branch's members, the secretary). */
export async function addPledgeCommentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = AddPledgeCommentInput.parse(plainFormObject(formData));
    const { pledgeId } = await addPledgeComment(actor, input);
    revalidatePath(`/pledges/${pledgeId}`);
    return { ok: true, message: "评论已发布" };
  });
}
