import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Opens (creating if needed) the embedded PGlite database kept in `dir`. */
export async function openEmbeddedDatabase(dir: string): Promise<PGlite> {
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  return pglite;
}
