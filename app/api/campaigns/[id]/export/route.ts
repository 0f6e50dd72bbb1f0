import { getActor } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import { exportCampaignDefinition } from "@/server/data/campaigns/export-campaign-definition";
import { exportEvaluationInput } from "@/server/data/campaigns/export-evaluation-input";

export const dynamic = "force-dynamic";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

/** RFC 6266/5987: an ASCII name for old clients, and the real (Chinese) name as UTF-8 for the rest. */
function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function json(body: unknown, asciiName: string, name: string): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(asciiName, name),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * GET — the campaign as a shareable template: the CLI's campaign file with the definition only
 * (any reader of the campaign). GET ?file=campaign|records — the evaluation input as the CLI's
 * two files, for those who read the whole covered subtree.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("登录已失效，请重新登录", { status: 401, headers: TEXT });
  const { id } = await params;
  const file = new URL(request.url).searchParams.get("file");
  try {
    if (file === "campaign" || file === "records") {
      const { campaignFile, recordsFile } = await exportEvaluationInput(actor, id);
      return file === "campaign"
        ? json(campaignFile, `campaign-${id}.json`, `campaign-${id}.json`)
        : json(recordsFile, `records-${id}.json`, `records-${id}.json`);
    }
    const { fileName, file: template } = await exportCampaignDefinition(actor, id);
    return json(template, `campaign-template-${id}.json`, fileName);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return new Response(error.message, { status: 404, headers: TEXT });
    if (isAppError(error) && error.code === "FORBIDDEN")
      return new Response(error.message, { status: 403, headers: TEXT });
    throw error;
  }
}
