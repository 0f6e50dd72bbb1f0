"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { CreateUserInput } from "@/lib/schemas/user";
import { requireActor } from "@/server/auth/get-actor";
import { createUser } from "@/server/data/users/create-user";
import { runAction } from "../run-action";
import { publicFormData } from "./public-form-data";

/** Creates an account, then opens its page (where roles are assigned). */
export async function createUserAction(
  _prev: ActionResult<{ id: string }>,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction<{ id: string }>(publicFormData(formData), async () => {
    const actor = await requireActor();
    const input = CreateUserInput.parse(Object.fromEntries(formData));
    const { id } = await createUser(actor, input);
    revalidatePath("/admin/users");
    return { ok: true, data: { id } };
  });
  // Outside runAction: redirect() works by throwing.
  if (result.ok && result.data) redirect(`/admin/users/${result.data.id}?created=1`);
  return result;
}
