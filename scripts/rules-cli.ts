// Command-line front of the rules module: validates the input files and prints an evaluation as JSON.
//   npx tsx scripts/rules-cli.ts evaluate --campaign FILE --records FILE --as-of YYYY-MM-DD [--windows all|current]
//   npx tsx scripts/rules-cli.ts validate --campaign FILE [--records FILE]
//   npx tsx scripts/rules-cli.ts templates [--code CODE --start YYYY-MM-DD]
// Exit codes: 0 ok, 1 invalid input (the first invalid field is printed), 2 usage error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  campaignTemplates,
  evaluateCampaign,
  findCampaignTemplate,
  instantiateCampaignTemplate,
  IsoDate,
  parseCampaignFile,
  parseRecords,
  type ValidationError,
} from "../src/rules/index";

const USAGE = `usage:
  rules-cli evaluate --campaign FILE --records FILE --as-of YYYY-MM-DD [--windows all|current]
  rules-cli validate --campaign FILE [--records FILE]
  rules-cli templates [--code CODE [--start YYYY-MM-DD]]

The campaign file is { "campaign": <campaign definition>, "organizations": [...], "members": [...] };
the records file is an array of records or { "records": [...] }. See docs/rules.md.`;

class InputError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(`${file}: cannot read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

function describeErrors(file: string, errors: ValidationError[]): string {
  const [first, ...rest] = errors;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
  return `${file}: invalid at ${first?.path}: ${first?.message}${more}`;
}

function loadCampaignFile(file: string) {
  const parsed = parseCampaignFile(readJson(file));
  if (!parsed.ok) throw new InputError(describeErrors(file, parsed.errors));
  return parsed.value;
}

function loadRecords(file: string) {
  const parsed = parseRecords(readJson(file));
  if (!parsed.ok) throw new InputError(describeErrors(file, parsed.errors));
  return parsed.value;
}

function main(argv: string[]): void {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      campaign: { type: "string" },
      records: { type: "string" },
      "as-of": { type: "string" },
      windows: { type: "string" },
      code: { type: "string" },
      start: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0];
  if (values.help || !command) fail(USAGE, command ? 0 : 2);

  switch (command) {
    case "evaluate": {
      if (!values.campaign || !values.records || !values["as-of"]) fail(USAGE, 2);
      const asOf = values["as-of"];
      if (!IsoDate.safeParse(asOf).success)
        throw new InputError(`--as-of: not a date (YYYY-MM-DD): ${asOf}`);
      const windows = values.windows ?? "all";
      if (windows !== "all" && windows !== "current")
        throw new InputError(`--windows: expected all or current`);
      const file = loadCampaignFile(values.campaign);
      const records = loadRecords(values.records);
      const evaluation = evaluateCampaign({
        campaign: file.campaign,
        organizations: file.organizations,
        members: file.members,
        records,
        asOf,
        windows,
      });
      process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
      return;
    }
    case "validate": {
      if (!values.campaign) fail(USAGE, 2);
      const file = loadCampaignFile(values.campaign);
      const records = values.records ? loadRecords(values.records) : [];
      process.stdout.write(
        `${JSON.stringify({ ok: true, quotas: file.campaign.quotas.length, organizations: file.organizations.length, members: file.members.length, records: records.length })}\n`,
      );
      return;
    }
    case "templates": {
      if (values.code) {
        const template = findCampaignTemplate(values.code);
        if (!template) throw new InputError(`--code: no template "${values.code}"`);
        const out = instantiateCampaignTemplate(template, {
          id: template.code,
          ...(values.start ? { startDate: values.start } : {}),
        });
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const list = campaignTemplates.map((t) => ({
        code: t.code,
        name: t.name,
        nameEn: t.nameEn,
        seeds: t.seeds,
        rows: t.rows,
        quotas: t.quotas.map((q) => q.id),
        unexpressed: t.unexpressed.map((u) => ({ row: u.row, coverage: u.coverage })),
      }));
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return;
    }
    default:
      fail(`unknown command "${command}"\n${USAGE}`, 2);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError) fail(e.message, 1);
  if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
    fail(`${e.message}\n${USAGE}`, 2);
  throw e;
}
