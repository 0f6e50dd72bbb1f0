"use server";
import { revalidatePath } from "next/cache";
import { UpdateMemberInput, memberFormObject } from "@/lib/schemas/member";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateMember } from "../../data/members/update-member";
import { runAction } from "../run-action";

/** Saves a member's fields; a stale form gets "记录已被他人修改，请刷新后重试". */
export async function updateMemberAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ changed: boolean }>> {
  return runAction<{ changed: boolean }>(formData, async () => {
    const actor = await requireActor();
    const input = UpdateMemberInput.parse(memberFormObject(formData));
    const { id, changed } = await updateMember(actor, input);
    revalidatePath(`/members/${id}`);
    revalidatePath("/members");
    return { ok: true, message: changed ? "已保存" : "没有需要保存的修改", data: { changed } };
  });
}
