import { getActor } from "@/server/auth/get-actor";
import { searchAttendees } from "@/server/data/activities/recording-options";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/** GET ?q=… — members the actor may add as attendees, by number or name (20 at most). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "登录已失效，请重新登录" }, { status: 401, headers: HEADERS });
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json({ members: await searchAttendees(actor, q) }, { headers: HEADERS });
}
