"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CreateSelfReportInput, formFiles, selfReportFormObject } from "@/lib/schemas/self-report";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { createSelfReport } from "../../data/self-reports/create-self-report";
import { runAction } from "../run-action";

/**
 * Files the signed-in member's own self-report (submitted, or a draft), then opens it. A retried
 * submission (same idempotency key) opens the record the first one created.
 */
export async function createSelfReportAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; created: boolean }>> {
  const result = await runAction<{ id: string; created: boolean }>(formData, async () => {
    const actor = await requireActor();
    const input = CreateSelfReportInput.parse(selfReportFormObject(formData));
    const { id, created } = await createSelfReport(actor, { ...input, files: formFiles(formData) });
    revalidatePath("/me", "layout");
    return { ok: true, message: "已提交", data: { id, created } };
  });
  // Outside runAction: redirect() works by throwing, and must not be caught there.
  if (result.ok && result.data) redirect(`/me/reports/${result.data.id}?saved=1`);
  return result;
}
