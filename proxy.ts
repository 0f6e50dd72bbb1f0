import { NextResponse, type NextRequest } from "next/server";
import { checkRequestOrigin, parseAllowedOrigins } from "@/server/http/origin";
import { securityHeadersFor } from "@/server/http/security-headers";

const allowedOrigins = parseAllowedOrigins(process.env.APP_ORIGINS);

/**
 * Runs before every request: refuses cross-site mutating requests (src/server/http/origin.ts),
 * then adds the security headers and the per-request CSP nonce (docs/security.md).
 */
export function proxy(request: NextRequest) {
  const plan = securityHeadersFor(
    { url: request.nextUrl, headers: request.headers },
    { development: process.env.NODE_ENV === "development" },
  );
  const refusal = checkRequestOrigin(
    request.method,
    request.nextUrl,
    request.headers,
    allowedOrigins,
  );
  if (refusal) {
    const response = new NextResponse(refusal.message, {
      status: refusal.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
    for (const [name, value] of Object.entries(plan.responseHeaders))
      response.headers.set(name, value);
    return response;
  }
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(plan.requestHeaders)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(plan.responseHeaders))
    response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static files (hashed, immutable, no HTML, GET only).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
