import { z } from "zod";
import { ActivityRecords, CampaignDefinition } from "./types";

export interface RulesJsonSchema {
  file: string;
  schema: Record<string, unknown>;
}

/**
 * JSON Schemas of the input formats, derived from the zod schemas so the documents in
 * docs/schemas cannot drift from what the parser accepts. Fields with defaults are optional,
 * as in files ("input" side of the schemas).
 */
export function buildRulesJsonSchemas(): RulesJsonSchema[] {
  const specs = [
    {
      file: "campaign-definition.schema.json",
      title: "Campaign definition",
      description:
        "A campaign with its phases and quotas, as evaluated by src/rules (evaluateCampaign). Generated from src/rules/types.ts by scripts/generate-rules-schemas.ts; see docs/rules.md.",
      schema: CampaignDefinition,
    },
    {
      file: "records.schema.json",
      title: "Activity records",
      description:
        "Activity records fed to the rules engine; only APPROVED, non-voided records count. Generated from src/rules/types.ts by scripts/generate-rules-schemas.ts; see docs/rules.md.",
      schema: ActivityRecords,
    },
  ];
  return specs.map((s) => {
    const json = z.toJSONSchema(s.schema, { io: "input", unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    const { $schema, ...rest } = json;
    return {
      file: s.file,
      schema: {
        $schema,
        $id: `https://party-campaigns.local/schemas/${s.file}`,
        title: s.title,
        description: s.description,
        ...rest,
      },
    };
  });
}
