import { handlePublicSubmit } from "@/server/data/opinions/public-http";

export const dynamic = "force-dynamic";

/**
 * A visitor's opinion or evaluation response through a round's public link (no account). A route
 * handler rather than a server action: the body is capped at a few kilobytes before it is parsed
 * (server actions accept up to the app-wide upload limit), and flood and input errors come back
 * as JSON the page shows beside the fields.
 */
export async function POST(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await context.params;
  return handlePublicSubmit(request, token);
}
