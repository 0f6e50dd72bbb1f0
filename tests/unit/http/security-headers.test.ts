import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  isHttpsRequest,
  securityHeadersFor,
} from "@/server/http/security-headers";

const req = (url: string, headers: Record<string, string> = {}) => ({
  url: new URL(url),
  headers: new Headers(headers),
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...rest] = d.trim().split(/\s+/);
      return [name!, rest.join(" ")] as const;
    }),
  );
}

describe("security headers", () => {
  it("gives a page a nonce-based policy and passes the same nonce on to the renderer", () => {
    const plan = securityHeadersFor(req("http://127.0.0.1:3000/dashboard"), { nonce: "abc123==" });
    const csp = plan.responseHeaders["Content-Security-Policy"]!;
    expect(plan.requestHeaders["x-nonce"]).toBe("abc123==");
    expect(plan.requestHeaders["Content-Security-Policy"]).toBe(csp);
    const d = directives(csp);
    expect(d.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(d.get("script-src")).not.toContain("unsafe-inline");
    expect(d.get("script-src")).not.toContain("unsafe-eval");
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.get("base-uri")).toBe("'self'");
    expect(d.get("form-action")).toBe("'self'");
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("sets the other headers on every response, and HSTS only over https", () => {
    const plain = securityHeadersFor(req("http://127.0.0.1:3000/login")).responseHeaders;
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(plain["Permissions-Policy"]).toContain("geolocation=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();

    const secure = securityHeadersFor(req("https://party.example.edu.cn/login")).responseHeaders;
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    expect(directives(secure["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });

  it("trusts X-Forwarded-Proto from the reverse proxy for https", () => {
    expect(
      isHttpsRequest(new URL("http://app/x"), new Headers({ "x-forwarded-proto": "https" })),
    ).toBe(true);
    expect(
      isHttpsRequest(new URL("http://app/x"), new Headers({ "x-forwarded-proto": "http" })),
    ).toBe(false);
    expect(isHttpsRequest(new URL("http://app/x"), new Headers())).toBe(false);
  });

  it("leaves route handlers their own content policy but still sets the other headers", () => {
    const plan = securityHeadersFor(req("http://127.0.0.1:3000/api/evidence/x"));
    expect(plan.responseHeaders["Content-Security-Policy"]).toBeUndefined();
    expect(plan.responseHeaders["X-Content-Type-Options"]).toBe("nosniff");
    expect(plan.requestHeaders).toEqual({});
  });

  it("draws a fresh, unpredictable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy("n", { https: false, development: true })).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy("n", { https: false })).not.toContain("'unsafe-eval'");
  });
});
