import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { describe, expect, it } from "vitest";
import { pickNamespaces } from "@/i18n/area-messages";
import { CLIENT_NAMESPACES } from "@/i18n/client-namespaces";
import { loadMessages } from "@/i18n/messages";
import {
  computeClientNamespaces,
  renderClientNamespaces,
} from "../../../scripts/lib/client-namespaces";

const root = path.resolve(__dirname, "..", "..", "..");

describe("client message namespaces", () => {
  it("src/i18n/client-namespaces.ts is what the code asks for (else: npm run i18n:client-namespaces)", async () => {
    const file = path.join(root, "src", "i18n", "client-namespaces.ts");
    const expected = await format(renderClientNamespaces(computeClientNamespaces(root)), {
      ...((await resolveConfig(file)) ?? {}),
      filepath: file,
    });
    expect(readFileSync(file, "utf8")).toBe(expected);
  });

  it("every area whose client components need messages has a layout that hands them on", () => {
    for (const [area, namespaces] of Object.entries(CLIENT_NAMESPACES)) {
      if (area === "root" || namespaces.length === 0) continue;
      const layout = path.join(root, "app", area, "layout.tsx");
      expect(existsSync(layout), `${area} has no layout.tsx`).toBe(true);
      expect(readFileSync(layout, "utf8")).toContain(`<AreaMessages area="${area}">`);
    }
  });

  it("every namespace named exists in both catalogues", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const messages = await loadMessages(locale);
      for (const [area, namespaces] of Object.entries(CLIENT_NAMESPACES)) {
        const picked = pickNamespaces(messages, namespaces);
        for (const ns of namespaces) {
          const value = ns.split(".").reduce<unknown>((o, k) => (o as never)?.[k], picked);
          expect(value, `${locale}: ${area} needs ${ns}`).toBeTypeOf("object");
        }
      }
    }
  });

  it("picks nested namespaces without the rest of the catalogue", () => {
    const messages = { a: { b: { c: "1", d: "2" }, e: "3" }, f: { g: "4" }, h: "5" };
    expect(pickNamespaces(messages, ["a.b", "f", "missing.x"])).toEqual({
      a: { b: { c: "1", d: "2" } },
      f: { g: "4" },
    });
  });

  it("follows imports: the login page's form asks for auth messages", () => {
    const areas = computeClientNamespaces(root);
    expect(areas["(auth)/login"]).toContain("auth");
    expect(areas.root).toContain("common.language");
  });
});
