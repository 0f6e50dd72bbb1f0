"use server";
import { revalidatePath } from "next/cache";
import { BulkApproveInput, bulkApproveFormObject } from "@/lib/schemas/activity";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { approveActivities, type BulkApproveResult } from "../../data/activities/review-activity";
import { runAction } from "../run-action";

/**
 * Approves the ticked records of the review queue, each on its own (and audited on its own).
 * Records that changed meanwhile come back in `data.failed` with the reason; when none could be
 * approved the result is a failure.
 */
export async function bulkApproveActivitiesAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<BulkApproveResult>> {
  return runAction<BulkApproveResult>(null, async () => {
    const actor = await requireActor();
    const input = BulkApproveInput.parse(bulkApproveFormObject(formData));
    const result = await approveActivities(actor, input);
    if (result.approved.length > 0) revalidatePath("/activities", "layout");
    if (result.approved.length === 0) {
      return {
        ok: false,
        message: result.failed[0]?.message ?? "没有记录被通过",
        fieldErrors: Object.fromEntries(result.failed.map((f) => [`item.${f.id}`, [f.message]])),
      };
    }
    const message =
      result.failed.length > 0
        ? `已通过 ${result.approved.length} 条，${result.failed.length} 条未通过`
        : `已通过 ${result.approved.length} 条`;
    return { ok: true, message, data: result };
  });
}
