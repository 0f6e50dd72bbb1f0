import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkRequestOrigin,
  normalizeOrigin,
  ORIGIN_MISSING_MESSAGE,
  ORIGIN_REFUSED_MESSAGE,
  parseAllowedOrigins,
} from "@/server/http/origin";

const h = (entries: Record<string, string>) => new Headers(entries);
const APP = "http://127.0.0.1:3000/activities";

describe("checkRequestOrigin", () => {
  it("lets a same-origin POST through", () => {
    expect(
      checkRequestOrigin(
        "POST",
        APP,
        h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }),
      ),
    ).toBeNull();
  });

  it("refuses a POST from another site with 403 and a plain message", () => {
    expect(
      checkRequestOrigin(
        "POST",
        APP,
        h({ host: "127.0.0.1:3000", origin: "https://evil.example" }),
      ),
    ).toEqual({ status: 403, message: ORIGIN_REFUSED_MESSAGE });
  });

  it('refuses the opaque origin "null"', () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(
        checkRequestOrigin(method, APP, h({ host: "127.0.0.1:3000", origin: "null" })),
      ).toMatchObject({ status: 403 });
    }
  });

  it("refuses a server-action POST without Origin, but not a plain POST without one", () => {
    expect(
      checkRequestOrigin("POST", APP, h({ host: "127.0.0.1:3000", "next-action": "abc123" })),
    ).toEqual({ status: 403, message: ORIGIN_MISSING_MESSAGE });
    expect(checkRequestOrigin("POST", APP, h({ host: "127.0.0.1:3000" }))).toBeNull();
  });

  it("leaves GET and HEAD alone, whatever their Origin", () => {
    for (const method of ["GET", "HEAD", "get", "OPTIONS"]) {
      expect(checkRequestOrigin(method, APP, h({ origin: "null", "next-action": "x" }))).toBeNull();
    }
  });

  it("compares scheme and port too, not only the host name", () => {
    const headers = (origin: string) => h({ host: "127.0.0.1:3000", origin });
    expect(checkRequestOrigin("POST", APP, headers("https://127.0.0.1:3000"))).not.toBeNull();
    expect(checkRequestOrigin("POST", APP, headers("http://127.0.0.1:3001"))).not.toBeNull();
    expect(checkRequestOrigin("POST", APP, headers("http://127.0.0.1"))).not.toBeNull();
    expect(
      checkRequestOrigin("POST", APP, headers("http://127.0.0.1:3000.evil.example")),
    ).not.toBeNull();
  });

  it("accepts the reverse proxy's public host and scheme (X-Forwarded-Host / -Proto)", () => {
    const headers = h({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "dangjian.example.edu.cn",
      "x-forwarded-proto": "https",
      origin: "https://dangjian.example.edu.cn",
    });
    expect(checkRequestOrigin("POST", APP, headers)).toBeNull();
  });

  it("accepts the origins of the APP_ORIGINS allow-list, normalized", () => {
    const allowed = parseAllowedOrigins(" https://A.example.edu.cn:443/ , junk, ftp://x, ");
    expect(allowed).toEqual(["https://a.example.edu.cn"]);
    const headers = h({ host: "127.0.0.1:3000", origin: "https://a.example.edu.cn" });
    expect(checkRequestOrigin("DELETE", APP, headers, allowed)).toBeNull();
    expect(checkRequestOrigin("DELETE", APP, headers, [])).not.toBeNull();
  });

  it("refuses malformed origins", () => {
    for (const origin of ["evil", "file://", "javascript:alert(1)", "http://", "null "]) {
      expect(checkRequestOrigin("POST", APP, h({ host: "127.0.0.1:3000", origin }))).toMatchObject({
        status: 403,
      });
    }
  });

  it("normalizeOrigin keeps only http(s) origins", () => {
    expect(normalizeOrigin("HTTPS://X.cn:443")).toBe("https://x.cn");
    expect(normalizeOrigin("null")).toBeNull();
    expect(normalizeOrigin("data:text/html,x")).toBeNull();
  });

  // Randomized: any mutating method with an Origin that differs from the app's own is refused,
  // and any safe method passes, whatever the headers say.
  it("property: a foreign origin never passes, a safe method never fails", () => {
    const host = fc.constantFrom("127.0.0.1:3000", "dangjian.example.edu.cn", "localhost:3103");
    const foreign = fc.oneof(
      fc.webUrl().map((u) => new URL(u).origin),
      fc.constantFrom("null", "", " ", "http://", "chrome-extension://abc"),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("POST", "PUT", "PATCH", "DELETE", "post"),
        host,
        foreign,
        fc.boolean(),
        (method, hostName, origin, isAction) => {
          const own = `http://${hostName}`;
          fc.pre(normalizeOrigin(origin.trim()) !== own);
          const headers = h({
            host: hostName,
            ...(origin === "" ? {} : { origin }),
            ...(isAction ? { "next-action": "7f00" } : {}),
          });
          const result = checkRequestOrigin(method, `${own}/x`, headers);
          // A blank Origin is no Origin (Headers trims values): only a server action is refused.
          if (origin.trim() === "") return isAction ? result?.status === 403 : result === null;
          return result?.status === 403 && result.message.length > 0;
        },
      ),
      { seed: 20261121, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom("GET", "HEAD"), host, fc.string(), (method, hostName, origin) => {
        return (
          checkRequestOrigin(method, `http://${hostName}/`, h({ host: hostName, origin })) === null
        );
      }),
      { seed: 20261121, numRuns: 500 },
    );
  });
});
