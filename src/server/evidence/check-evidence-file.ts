import { fileTypeFromBuffer } from "file-type";
import { SINGLE_LINE_FORBIDDEN } from "@/lib/schemas/text";
import { AppError } from "../errors";

const FORBIDDEN_IN_NAME = new RegExp(SINGLE_LINE_FORBIDDEN.source, "g");

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** What may be uploaded as evidence: photos, PDF minutes and scanned sign-in sheets. */
export const EVIDENCE_TYPES: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "application/pdf": "pdf",
};

export type CheckedEvidence = { bytes: Uint8Array; mimeType: string; originalName: string };

/**
 * Strips directories, and the control and bidi formatting characters of the text policy
 * (src/lib/schemas/text.ts), from a client-supplied file name.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(FORBIDDEN_IN_NAME, "").trim();
  return (cleaned || "file").slice(0, 120);
}

/**
 * Checks an uploaded file by its content, never its name or the browser's MIME type: a renamed
 * executable is refused even when it is called photo.jpg. `field` names the form field for the
 * error message.
 */
export async function checkEvidenceFile(file: File, field = "evidence"): Promise<CheckedEvidence> {
  const fail = (message: string) => new AppError("VALIDATION", message, { [field]: [message] });
  if (file.size === 0) throw fail(`文件“${cleanFileName(file.name)}”是空的`);
  if (file.size > MAX_EVIDENCE_BYTES) throw fail(`文件“${cleanFileName(file.name)}”超过 10 MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !EVIDENCE_TYPES[detected.mime]) {
    throw fail(`文件“${cleanFileName(file.name)}”不是支持的类型（照片 JPG/PNG/WebP/HEIC 或 PDF）`);
  }
  return { bytes, mimeType: detected.mime, originalName: cleanFileName(file.name) };
}
