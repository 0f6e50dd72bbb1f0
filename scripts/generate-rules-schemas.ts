// Writes the JSON Schemas of the rules module's input formats, generated from the zod schemas so the
// two cannot drift. Run: npx tsx scripts/generate-rules-schemas.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ActivityRecords, CampaignDefinition } from "../src/rules/types";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "docs", "schemas");

const schemas: Array<{ file: string; title: string; description: string; schema: z.ZodType }> = [
  {
    file: "campaign-definition.schema.json",
    title: "Campaign definition",
    description:
      "A campaign with its phases and quotas, as evaluated by src/rules (evaluateCampaign). Generated from src/rules/types.ts; see docs/rules.md.",
    schema: CampaignDefinition,
  },
  {
    file: "records.schema.json",
    title: "Activity records",
    description:
      "Activity records fed to the rules engine. Only APPROVED, non-voided records count. Generated from src/rules/types.ts; see docs/rules.md.",
    schema: ActivityRecords,
  },
];

mkdirSync(outDir, { recursive: true });
for (const s of schemas) {
  // "input": fields with defaults are optional in files, as the parser fills them in.
  const json = z.toJSONSchema(s.schema, { io: "input", unrepresentable: "any" });
  const out = {
    $schema: json.$schema,
    $id: `https://party-campaigns.local/schemas/${s.file}`,
    title: s.title,
    description: s.description,
    ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")),
  };
  writeFileSync(join(outDir, s.file), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`wrote docs/schemas/${s.file}\n`);
}
