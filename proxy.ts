import { NextResponse, type NextRequest } from "next/server";
import { checkRequestOrigin, parseAllowedOrigins } from "@/server/http/origin";

const allowedOrigins = parseAllowedOrigins(process.env.APP_ORIGINS);

/**
 * Runs before every request. Refuses cross-site mutating requests (see src/server/http/origin.ts);
 * everything else passes through unchanged.
 */
export function proxy(request: NextRequest) {
  const refusal = checkRequestOrigin(
    request.method,
    request.nextUrl,
    request.headers,
    allowedOrigins,
  );
  if (refusal) {
    return new NextResponse(refusal.message, {
      status: refusal.status,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
  return NextResponse.next();
}

export const config = {
  // Everything but Next's static assets (GET only, and they never reach the app's code).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
