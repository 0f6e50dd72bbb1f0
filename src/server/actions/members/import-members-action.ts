"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireActor } from "../../auth/get-actor";
import { importMembers, type ImportMembersResult } from "../../data/members/import-members";
import { AppError } from "../../errors";
import { MAX_IMPORT_BYTES } from "../../import/parse-roster";
import { runAction } from "../run-action";

/**
 * Imports an uploaded roster. A file with errors is not a failed action: it comes back as
 * `data.status === "rejected"` with the row/column/reason report, and nothing was written.
 */
export async function importMembersAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ImportMembersResult>> {
  // No form values to echo: the only field is the file, which a browser cannot refill.
  return runAction<ImportMembersResult>(null, async () => {
    const actor = await requireActor();
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("VALIDATION", "请选择要导入的文件", { file: ["请选择要导入的文件"] });
    }
    if (file.size > MAX_IMPORT_BYTES) {
      throw new AppError("VALIDATION", "文件大小超过 5 MB，请拆分为多个文件分批导入", {
        file: ["文件大小超过 5 MB"],
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importMembers(actor, { fileName: file.name, bytes });
    if (result.status === "imported") revalidatePath("/members", "layout");
    return { ok: true, data: result };
  });
}
