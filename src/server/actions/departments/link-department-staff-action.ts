"use server";
import { revalidatePath } from "next/cache";
import { LinkDepartmentStaffInput } from "@/lib/schemas/department-staff";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { linkDepartmentStaff } from "../../data/departments/department-staff";
import { runAction } from "../run-action";

/** Links a user to a department as its staff (the organization department only). */
export async function linkDepartmentStaffAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = LinkDepartmentStaffInput.parse(Object.fromEntries(formData));
    await linkDepartmentStaff(actor, input);
    revalidatePath("/departments");
    return { ok: true, message: "已添加" };
  });
}
