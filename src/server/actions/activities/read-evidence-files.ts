import { MAX_EVIDENCE_FILES } from "@/lib/schemas/activity";
import { AppError } from "../../errors";
import { checkEvidenceFile, type CheckedEvidence } from "../../evidence/check-evidence-file";

/**
 * The evidence files of a form field, each checked by its content (type and the 10 MB limit).
 * A browser sends one empty nameless part when no file was chosen (React's encoding of a server
 * action's form turns that missing name into "undefined"); that is "no file", not an empty file.
 * Nothing is stored here.
 */
export async function readEvidenceFiles(
  formData: FormData,
  field = "files",
): Promise<CheckedEvidence[]> {
  const files = formData
    .getAll(field)
    .filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v)
    .filter((f) => !(f.size === 0 && (!f.name || f.name === "undefined")));
  if (files.length > MAX_EVIDENCE_FILES) {
    const message = `一次最多上传 ${MAX_EVIDENCE_FILES} 个文件`;
    throw new AppError("VALIDATION", message, { [field]: [message] });
  }
  const checked: CheckedEvidence[] = [];
  for (const file of files) checked.push(await checkEvidenceFile(file, field));
  return checked;
}
