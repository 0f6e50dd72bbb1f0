"use server";
import { revalidatePath } from "next/cache";
import { UpdateOrganizationInput } from "@/lib/schemas/organization";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateOrganization } from "../../data/organizations/update-organization";
import { runAction } from "../run-action";

export async function updateOrganizationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = UpdateOrganizationInput.parse(Object.fromEntries(formData));
    await updateOrganization(actor, input);
    revalidatePath("/orgs", "layout");
    return { ok: true, message: "已保存" };
  });
}
