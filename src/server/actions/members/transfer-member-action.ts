"use server";
import { revalidatePath } from "next/cache";
import { TransferMemberInput } from "@/lib/schemas/member";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { transferMember } from "../../data/members/transfer-member";
import { runAction } from "../run-action";

/** Transfers a member to another organization; the data function checks member.manage over both. */
export async function transferMemberAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = TransferMemberInput.parse(Object.fromEntries(formData));
    const { id } = await transferMember(actor, input);
    revalidatePath(`/members/${id}`);
    revalidatePath("/members");
    return { ok: true, message: "已完成组织关系转接" };
  });
}
