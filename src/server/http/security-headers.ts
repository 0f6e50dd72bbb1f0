/**
 * Security headers for every response the proxy (proxy.ts) sees.
 *
 * Pages get a Content Security Policy with a fresh nonce per request: Next reads the policy from
 * the request header, puts the nonce on its own inline and bootstrap scripts, and nothing
 * without it runs. `'strict-dynamic'` lets those scripts load the app's chunks. Styles allow
 * inline: server-rendered `style="…"` attributes (charts, progress bars) are not scripts and a
 * nonce cannot cover attributes. Route handlers under /api set their own content types (and the
 * evidence route its own sandboxing policy), so they get every header except the page policy.
 * See docs/security.md.
 */

export type SecurityHeaderOptions = {
  /** The request arrived over https (directly or as told by a trusted reverse proxy). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids there, never in production. */
  development?: boolean;
};

/** A nonce: 128 random bits, base64 (what a CSP nonce-source accepts). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The page policy for one request. */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const directives: string[] = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Photos chosen for upload are previewed from blob: URLs before they are sent.
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers for every response, pages and route handlers alike. */
export function baseSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Older browsers that do not know frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-DNS-Prefetch-Control": "off",
  };
  // HSTS only means something over https; sent over http it would be ignored anyway, and on a
  // plain-http deployment (the demo on a laptop) it must not be promised.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** Whether the request came over https: the URL itself, or X-Forwarded-Proto from the reverse proxy. */
export function isHttpsRequest(url: URL, requestHeaders: Headers): boolean {
  if (url.protocol === "https:") return true;
  const forwarded = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https";
}

export type SecurityHeaderPlan = {
  /** Set on the request passed on to Next (the nonce travels to the renderer this way). */
  requestHeaders: Record<string, string>;
  /** Set on the response sent to the browser. */
  responseHeaders: Record<string, string>;
};

/** Which headers to set for one request: the function proxy.ts calls. */
export function securityHeadersFor(
  request: { url: URL; headers: Headers },
  options: { development?: boolean; nonce?: string } = {},
): SecurityHeaderPlan {
  const https = isHttpsRequest(request.url, request.headers);
  const opts = { https, development: options.development };
  const responseHeaders = baseSecurityHeaders(opts);
  if (request.url.pathname.startsWith("/api/")) return { requestHeaders: {}, responseHeaders };
  const nonce = options.nonce ?? createNonce();
  const csp = contentSecurityPolicy(nonce, opts);
  responseHeaders["Content-Security-Policy"] = csp;
  return { requestHeaders: { "x-nonce": nonce, "Content-Security-Policy": csp }, responseHeaders };
}
