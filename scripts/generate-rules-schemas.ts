// Writes the JSON Schemas of the rules module's input formats to docs/schemas/.
// Run: npx tsx scripts/generate-rules-schemas.ts (a unit test fails when the files are stale).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { buildRulesJsonSchemas } from "../src/rules/build-json-schemas";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "schemas");
mkdirSync(outDir, { recursive: true });
for (const { file, schema } of buildRulesJsonSchemas()) {
  const path = join(outDir, file);
  // Formatted like the rest of the repository so format:check stays green after regenerating.
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(schema), { ...options, filepath: path }));
  process.stdout.write(`wrote docs/schemas/${file}\n`);
}
