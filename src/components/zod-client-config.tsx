"use client";
import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may, and probes for that on first use.
// Under the Content Security Policy (no 'unsafe-eval') the probe is refused, and Chromium
// reports the refusal as a CSP violation even though zod catches it. In the browser zod is
// told not to try; the server keeps the compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

/** Rendered once in the root layout so that this module runs before any form parses. */
export function ZodClientConfig() {
  return null;
}
