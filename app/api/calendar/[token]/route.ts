import { calendarFeedForToken } from "@/server/data/calendar/calendar-feed";

export const dynamic = "force-dynamic";

/**
 * A user's private ICS feed of deadlines, at a secret URL (the token is 32 random bytes; only its
 * sha256 is stored). No session: calendar apps fetch it on their own. An unknown or revoked token
 * is 404, with no hint which of the two.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token: raw } = await context.params;
  const token = raw.replace(/\.ics$/, "");
  const base = new URL(request.url).origin;
  const ics = await calendarFeedForToken(token, base);
  if (ics === null)
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(ics, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="deadlines.ics"',
    },
  });
}
