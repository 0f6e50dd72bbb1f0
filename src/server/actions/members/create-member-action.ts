"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CreateMemberInput, memberFormObject } from "@/lib/schemas/member";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createMember } from "../../data/members/create-member";
import { runAction } from "../run-action";

/** Creates a member, then opens their page. The data function checks member.manage over the organization. */
export async function createMemberAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction<{ id: string }>(formData, async () => {
    const actor = await requireActor();
    const input = CreateMemberInput.parse(memberFormObject(formData));
    const { id } = await createMember(actor, input);
    revalidatePath("/members");
    return { ok: true, message: "已新建党员", data: { id } };
  });
  // Outside runAction: redirect() works by throwing, and must not be caught there.
  if (result.ok && result.data) redirect(`/members/${result.data.id}?created=1`);
  return result;
}
