"use server";
import { revalidatePath } from "next/cache";
import { MoveOrganizationInput } from "@/lib/schemas/organization";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { moveOrganization } from "../../data/organizations/move-organization";
import { runAction } from "../run-action";

export async function moveOrganizationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = MoveOrganizationInput.parse(Object.fromEntries(formData));
    await moveOrganization(actor, input);
    revalidatePath("/orgs", "layout");
    return { ok: true, message: "已调整上级组织" };
  });
}
