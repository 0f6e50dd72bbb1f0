import { getActor } from "@/server/auth/get-actor";
import { listRoster } from "@/server/data/activities/recording-options";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?orgId=…&date=YYYY-MM-DD — the roster of an organization the actor records for on that
 * date, for the recording form (it reloads the attendance list when the organization or the
 * date changes).
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "登录已失效，请重新登录" }, { status: 401, headers: HEADERS });
  const params = new URL(request.url).searchParams;
  try {
    const members = await listRoster(actor, params.get("orgId") ?? "", params.get("date") ?? "");
    return Response.json({ members }, { headers: HEADERS });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: error.message }, { status: 404, headers: HEADERS });
    throw error;
  }
}
