"use server";
import { revalidatePath } from "next/cache";
import { formFiles, selfReportFormObject, UpdateSelfReportInput } from "@/lib/schemas/self-report";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { updateSelfReport } from "../../data/self-reports/update-self-report";
import { runAction } from "../run-action";

/** Saves or resubmits the member's own draft or returned self-report. */
export async function updateSelfReportAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ status: string }>> {
  return runAction<{ status: string }>(formData, async () => {
    const actor = await requireActor();
    const input = UpdateSelfReportInput.parse(selfReportFormObject(formData));
    const { id, status } = await updateSelfReport(actor, { ...input, files: formFiles(formData) });
    revalidatePath(`/me/reports/${id}`);
    revalidatePath("/me", "layout");
    return {
      ok: true,
      message: status === "SUBMITTED" ? "已重新提交审核" : "草稿已保存",
      data: { status },
    };
  });
}
