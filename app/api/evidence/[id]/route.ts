import { Readable } from "node:stream";
import { getActor } from "@/server/auth/get-actor";
import { getEvidenceForDownload } from "@/server/data/activities/activity-evidence";
import { contentDisposition } from "@/server/evidence/content-disposition";
import { getEvidenceStore } from "@/server/evidence/evidence-store";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

const TEXT = {
  "Content-Type": "text/plain; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
};

/** Types a browser shows itself; anything else (HEIC …) is downloaded. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "application/pdf"]);

/**
 * GET — an evidence file, to users who may see its record (activity.read over the record's
 * organization, or the member who self-reported it; for a pledge's progress post, those who may
 * see the pledge). The only way evidence leaves the store:
 * files live outside the web root under their content hash. The type served is the one
 * detected from the content at upload, never the client's; nosniff keeps browsers to it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("登录已失效，请重新登录", { status: 401, headers: TEXT });
  const { id } = await params;
  try {
    const file = await getEvidenceForDownload(actor, id);
    const stream = await getEvidenceStore().open(file.sha256);
    if (!stream) return new Response("文件不存在或无权访问", { status: 404, headers: TEXT });
    const disposition = INLINE_TYPES.has(file.mimeType) ? "inline" : "attachment";
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": contentDisposition(disposition, file.originalName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        // Images are shown by the browser itself; nothing in the response may run. (A sandbox
        // would stop Chromium's PDF viewer, so PDFs rely on the detected type and nosniff.)
        ...(file.mimeType.startsWith("image/")
          ? {
              "Content-Security-Policy":
                "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
            }
          : {}),
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN"))
      return new Response("文件不存在或无权访问", { status: 404, headers: TEXT });
    throw error;
  }
}
