import { NextResponse, type NextRequest } from "next/server";
import { securityHeadersFor } from "@/server/http/security-headers";

/** Runs before every request: security headers and the per-request CSP nonce (docs/security.md). */
export function proxy(request: NextRequest) {
  const plan = securityHeadersFor(
    { url: request.nextUrl, headers: request.headers },
    { development: process.env.NODE_ENV === "development" },
  );
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(plan.requestHeaders)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(plan.responseHeaders))
    response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Everything but Next's static files (hashed, immutable, no HTML).
    "/((?!_next/static|_next/image|favicon.ico).*)",
  ],
};
