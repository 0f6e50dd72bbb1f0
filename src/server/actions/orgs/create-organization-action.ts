"use server";
import { revalidatePath } from "next/cache";
import { CreateOrganizationInput } from "@/lib/schemas/organization";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createOrganization } from "../../data/organizations/create-organization";
import { runAction } from "../run-action";

export async function createOrganizationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = CreateOrganizationInput.parse(Object.fromEntries(formData));
    const org = await createOrganization(actor, input);
    revalidatePath("/orgs");
    return { ok: true, message: "组织已创建", data: { id: org.id } };
  });
}
