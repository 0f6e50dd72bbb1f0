/**
 * Cross-site request refusal for every mutating HTTP request (POST, PUT, PATCH, DELETE).
 *
 * Browsers send an Origin header on every cross-origin request and on every same-origin POST, so
 * a mutating request whose Origin is present and names another site, or is the opaque "null"
 * (sandboxed frames, data: URLs, some redirects), did not come from one of the app's own pages.
 * Next.js already compares a server action's Origin with its Host, but lets a server-action POST
 * with NO Origin through with a warning; such a request cannot come from a current browser, so it
 * is refused here too. GET and HEAD never change anything and are left alone.
 *
 * The app's own origins: the request's Host (or the first X-Forwarded-Host when a reverse proxy
 * sits in front), with the request URL's scheme or X-Forwarded-Proto, plus every origin listed in
 * APP_ORIGINS (comma-separated, e.g. "https://dangjian.example.edu.cn,https://m.example.edu.cn").
 */

export type OriginRefusal = { status: 403; message: string };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const ORIGIN_REFUSED_MESSAGE = "请求来源不被接受 (cross-site request refused)";
export const ORIGIN_MISSING_MESSAGE = "请求缺少来源信息 (missing Origin header)";

/** Minimal header access, satisfied by Headers, NextRequest.headers and plain maps in tests. */
export type HeaderSource = { get(name: string): string | null };

/** APP_ORIGINS ("https://a.example, https://b.example") as normalized origins; junk is dropped. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => normalizeOrigin(part.trim()))
    .filter((origin): origin is string => origin !== null);
}

/** "https://Example.edu:443/path" → "https://example.edu"; anything that is not http(s) → null. */
export function normalizeOrigin(value: string): string | null {
  if (!value || value === "null") return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The origins the request may come from: its own host (as the client addressed it) and the allow-list. */
function ownOrigins(url: URL, headers: HeaderSource, allowed: readonly string[]): Set<string> {
  const out = new Set(allowed);
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : null;
  const schemes = proto ? [proto] : [url.protocol.replace(/:$/, "")];
  const hosts = [
    headers.get("x-forwarded-host")?.split(",")[0]?.trim(),
    headers.get("host")?.trim(),
    url.host,
  ];
  for (const host of hosts) {
    if (!host) continue;
    for (const scheme of schemes) {
      const origin = normalizeOrigin(`${scheme}://${host}`);
      if (origin) out.add(origin);
    }
  }
  return out;
}

/**
 * null when the request may proceed; otherwise the 403 to answer with.
 *
 * `url` is the request URL as the server sees it; `allowed` the APP_ORIGINS allow-list
 * (see parseAllowedOrigins).
 */
export function checkRequestOrigin(
  method: string,
  url: string | URL,
  headers: HeaderSource,
  allowed: readonly string[] = [],
): OriginRefusal | null {
  if (!MUTATING.has(method.toUpperCase())) return null;
  const origin = headers.get("origin");
  if (origin === null || origin === "") {
    // Browsers always send Origin with a POST; only a server action (Next-Action header) is
    // refused without one, so server-to-server calls to route handlers keep working.
    return headers.get("next-action") !== null
      ? { status: 403, message: ORIGIN_MISSING_MESSAGE }
      : null;
  }
  const normalized = normalizeOrigin(origin.trim());
  if (normalized === null) return { status: 403, message: ORIGIN_REFUSED_MESSAGE };
  let requestUrl: URL;
  try {
    requestUrl = typeof url === "string" ? new URL(url) : url;
  } catch {
    return { status: 403, message: ORIGIN_REFUSED_MESSAGE };
  }
  return ownOrigins(requestUrl, headers, allowed).has(normalized)
    ? null
    : { status: 403, message: ORIGIN_REFUSED_MESSAGE };
}
