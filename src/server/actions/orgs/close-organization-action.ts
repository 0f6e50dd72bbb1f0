"use server";
import { revalidatePath } from "next/cache";
import { CloseOrganizationInput } from "@/lib/schemas/organization";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { closeOrganization } from "../../data/organizations/close-organization";
import { runAction } from "../run-action";

export async function closeOrganizationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = CloseOrganizationInput.parse(Object.fromEntries(formData));
    await closeOrganization(actor, input);
    revalidatePath("/orgs", "layout");
    return { ok: true, message: "组织已撤销" };
  });
}
