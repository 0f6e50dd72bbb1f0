import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildRulesJsonSchemas } from "../../../src/rules/build-json-schemas";
import { instantiateCampaignTemplate } from "../../../src/rules/instantiate-campaign-template";
import {
  formatIssuePath,
  parseCampaignDefinition,
  parseCampaignFile,
  parseRecords,
} from "../../../src/rules/parse-campaign-definition";
import { campaignTemplates } from "../../../src/rules/templates";

const ROOT = join(import.meta.dirname, "..", "..", "..");

const quota = (overrides: Record<string, unknown> = {}) => ({
  id: "q",
  name: "集中学习",
  subject: { kind: "organization", levels: ["BRANCH"] },
  period: { kind: "month" },
  metric: "count",
  activity: { types: ["CONCENTRATED_STUDY"] },
  target: { op: "atLeast", value: 1 },
  ...overrides,
});

const campaign = (quotas: unknown[], overrides: Record<string, unknown> = {}) => ({
  id: "c",
  startDate: "2026-03-01",
  endDate: "2026-12-31",
  quotas,
  ...overrides,
});

function firstError(result: ReturnType<typeof parseCampaignDefinition>) {
  if (result.ok) throw new Error("expected a validation error");
  return result.errors[0];
}

describe("parseCampaignDefinition", () => {
  it("accepts a valid definition and fills in option defaults", () => {
    const result = parseCampaignDefinition(campaign([quota()]));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value.quotas[0]?.options).toEqual({
        proRate: false,
        weight: 1,
        includeSubtree: false,
      });
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      "an unknown period kind",
      campaign([
        quota(),
        quota({ id: "b" }),
        quota({ id: "c" }),
        quota({ id: "d", period: { kind: "fortnight" } }),
      ]),
      "quotas[3].period.kind",
      /Expected 'week' \| 'halfMonth'/,
    ],
    [
      "a negative target",
      campaign([quota({ target: { op: "atLeast", value: -1 } })]),
      "quotas[0].target.value",
      /negative/,
    ],
    [
      "between with min > max",
      campaign([quota({ target: { op: "between", min: 3, max: 2 } })]),
      "quotas[0].target.max",
      /min must not exceed max/,
    ],
    [
      "a period longer than the campaign",
      campaign([quota({ period: { kind: "academicYear" } })]),
      "quotas[0].period.kind",
      /longer than the campaign \(306 days\)/,
    ],
    [
      "nYears longer than the campaign",
      campaign([quota({ period: { kind: "nYears", years: 2 } })]),
      "quotas[0].period.years",
      /longer than the campaign/,
    ],
    [
      "a composite with no parts",
      campaign([
        {
          ...quota(),
          metric: undefined,
          activity: undefined,
          target: undefined,
          composite: { kind: "all", parts: [] },
        },
      ]),
      "quotas[0].composite.parts",
      /at least one part/,
    ],
    [
      "a quota without metric or composite",
      campaign([{ ...quota(), metric: undefined }]),
      "quotas[0].metric",
      /required unless composite/,
    ],
    [
      "an unknown activity type",
      campaign([quota({ activity: { types: ["MEETING"] } })]),
      "quotas[0].activity.types[0]",
      /expected one of/,
    ],
    [
      "a share above 1",
      campaign([
        quota({
          target: { op: "shareOfSubjects", share: 1.5, inner: { op: "atLeast", value: 1 } },
        }),
      ]),
      "quotas[0].target.share",
      /at most 1/,
    ],
    [
      "an unknown phase",
      campaign([quota({ period: { kind: "phase", phaseId: "mobilization" } })]),
      "quotas[0].period.phaseId",
      /no phase "mobilization"/,
    ],
    ["an impossible date", campaign([quota()], { startDate: "2026-02-30" }), "startDate", /date/i],
    [
      "an end before the start",
      campaign([quota()], { endDate: "2026-01-01" }),
      "endDate",
      /ends before it starts/,
    ],
    ["duplicate quota ids", campaign([quota(), quota()]), "quotas[1].id", /duplicate quota id "q"/],
    [
      "a phase outside the campaign",
      campaign([quota()], {
        phases: [{ id: "p", name: "p", startDate: "2025-01-01", endDate: "2026-04-01" }],
      }),
      "phases[0].startDate",
      /outside the campaign/,
    ],
    [
      "an unknown subject kind",
      campaign([quota({ subject: { kind: "department" } })]),
      "quotas[0].subject.kind",
      /discriminator/i,
    ],
  ])("refuses %s", (_what, json, path, message) => {
    const error = firstError(parseCampaignDefinition(json));
    expect(error?.path).toBe(path);
    expect(error?.message).toMatch(message);
  });

  it("accepts every template campaign", () => {
    for (const template of campaignTemplates) {
      const { campaign: c } = instantiateCampaignTemplate(template, { id: template.code });
      const result = parseCampaignDefinition(JSON.parse(JSON.stringify(c)));
      expect(result.ok ? [] : result.errors).toEqual([]);
    }
  });
});

describe("parseRecords", () => {
  const record = (overrides: Record<string, unknown> = {}) => ({
    id: "r1",
    type: "PLEDGE",
    orgId: "B1",
    date: "2026-03-01",
    status: "APPROVED",
    ...overrides,
  });

  it("accepts a bare array or { records }, with datetimes", () => {
    expect(
      parseRecords([record(), record({ id: "r2", date: "2026-03-01T10:00:00+08:00" })]).ok,
    ).toBe(true);
    const wrapped = parseRecords({ records: [record()] });
    expect(wrapped.ok && wrapped.value[0]?.attendeeIds).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    [
      "an impossible date",
      [
        record(),
        record({ id: "r2" }),
        record({ id: "r3" }),
        record({ id: "r4", date: "2026-02-29" }),
      ],
      "[3].date",
    ],
    ["a bad status", [record({ status: "OK" })], "[0].status"],
    ["negative hours", [record({ hours: -2 })], "[0].hours"],
    ["a duplicate id", [record(), record()], "[1].id"],
    ["a wrapped file", { records: [record({ date: "yesterday" })] }, "records[0].date"],
    ["not an array", { rows: [] }, "(root)"],
  ])("refuses %s", (_what, json, path) => {
    const result = parseRecords(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe(path);
  });
});

describe("parseCampaignFile", () => {
  it("checks membership references and prefixes campaign paths", () => {
    const file = {
      campaign: campaign([quota({ target: { op: "atLeast", value: -3 } })]),
      organizations: [],
      members: [],
    };
    const bad = parseCampaignFile(file);
    expect(!bad.ok && bad.errors[0]?.path).toBe("campaign.quotas[0].target.value");
    const dangling = parseCampaignFile({
      campaign: campaign([quota()]),
      organizations: [
        { id: "B1", level: "BRANCH", kind: "TEACHER", path: "B1", validFrom: "2000-01-01" },
      ],
      members: [
        {
          id: "m",
          status: "FULL",
          category: "TEACHER",
          cadreLevel: "NONE",
          joinedAt: "2000-01-01",
          memberships: [{ orgId: "B9", from: "2000-01-01" }],
        },
      ],
    });
    expect(!dangling.ok && dangling.errors[0]).toEqual({
      path: "members[0].memberships[0].orgId",
      message: 'unknown organization "B9"',
    });
  });

  it("formats issue paths", () => {
    expect(formatIssuePath(["quotas", 3, "period", "kind"])).toBe("quotas[3].period.kind");
    expect(formatIssuePath([2, "date"])).toBe("[2].date");
    expect(formatIssuePath([])).toBe("(root)");
  });
});

describe("JSON Schemas in docs/schemas", () => {
  it("are up to date with the zod schemas (run scripts/generate-rules-schemas.ts)", () => {
    for (const { file, schema } of buildRulesJsonSchemas()) {
      const onDisk = JSON.parse(readFileSync(join(ROOT, "docs", "schemas", file), "utf8"));
      expect(onDisk, file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
