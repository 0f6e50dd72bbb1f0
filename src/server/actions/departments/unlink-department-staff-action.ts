"use server";
import { revalidatePath } from "next/cache";
import { UnlinkDepartmentStaffInput } from "@/lib/schemas/department-staff";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { unlinkDepartmentStaff } from "../../data/departments/department-staff";
import { runAction } from "../run-action";

/** Ends a user's link to a department (the row stays for the audit trail). */
export async function unlinkDepartmentStaffAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, async () => {
    const actor = await requireActor();
    const input = UnlinkDepartmentStaffInput.parse(Object.fromEntries(formData));
    await unlinkDepartmentStaff(actor, input);
    revalidatePath("/departments");
    return { ok: true, message: "已移除" };
  });
}
