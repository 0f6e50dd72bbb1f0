"use server";
import { revalidatePath } from "next/cache";
import { DepartmentInput } from "@/lib/schemas/department";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { saveDepartment } from "../../data/departments/save-department";
import { runAction } from "../run-action";

export async function saveDepartmentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = DepartmentInput.parse(Object.fromEntries(formData));
    await saveDepartment(actor, input);
    revalidatePath("/departments");
    return { ok: true, message: "已保存" };
  });
}
