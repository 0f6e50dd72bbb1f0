import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { instantiateCampaignTemplate } from "../../../src/rules/instantiate-campaign-template";
import { campaignTemplates } from "../../../src/rules/templates";
import type { CampaignEvaluation } from "../../../src/rules/types";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const CLI = join(ROOT, "scripts", "rules-cli.ts");
const EXAMPLE_CAMPAIGN = join(ROOT, "docs", "examples", "rules-campaign.json");
const EXAMPLE_RECORDS = join(ROOT, "docs", "examples", "rules-records.json");

function runCli(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

describe("campaign templates", () => {
  it("have stable, unique codes in seed order", () => {
    expect(campaignTemplates.map((t) => [t.code, t.seeds])).toEqual([
      ["san-chuang-liu-jin", ["000"]],
      ["san-ji-lian-chuang", ["001"]],
      ["liang-zai-liang-tong", ["002"]],
      ["chuang-xian-zheng-you", ["004"]],
    ]);
  });

  it("resolve phases relative to the start date", () => {
    const cxzy = campaignTemplates.find((t) => t.code === "chuang-xian-zheng-you")!;
    const { campaign } = instantiateCampaignTemplate(cxzy, { id: "x", startDate: "2026-06-01" });
    expect(campaign.endDate).toBe("2028-12-31");
    expect(campaign.phases?.map((p) => [p.id, p.startDate, p.endDate])).toEqual([
      ["mobilization", "2026-06-01", "2026-12-31"],
      ["anniversary", "2027-01-01", "2027-06-30"],
      ["congress", "2027-07-01", "2028-11-07"],
      ["summary", "2028-11-08", "2028-12-31"],
    ]);
  });

  it("list every unexpressible or partial row in docs/rules.md", () => {
    const doc = readFileSync(join(ROOT, "docs", "rules.md"), "utf8");
    for (const t of campaignTemplates) {
      for (const u of t.unexpressed)
        expect(doc, `row ${u.row}`).toMatch(new RegExp(`\\|\\s*${u.row}\\s*\\|`));
    }
  });
});

describe("rules CLI", () => {
  it("evaluates the example pair", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        CLI,
        "evaluate",
        "--campaign",
        EXAMPLE_CAMPAIGN,
        "--records",
        EXAMPLE_RECORDS,
        "--as-of",
        "2026-03-15",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    const evaluation = JSON.parse(out) as CampaignEvaluation;
    expect(evaluation.campaignId).toBe("demo-2025");
    const teachers = evaluation.results.find(
      (r) => r.quotaId === "concentrated-study" && r.subjectId === "cs-teachers",
    );
    expect(teachers).toMatchObject({ achieved: 5, status: "onTrack" });
    const students = evaluation.results.find(
      (r) => r.quotaId === "concentrated-study" && r.subjectId === "cs-students",
    );
    expect(students).toMatchObject({ achieved: 1, status: "behind", gap: 4 });
  });

  it("exits 1 naming the first invalid field", () => {
    const dir = mkdtempSync(join(tmpdir(), "rules-cli-"));
    const file = JSON.parse(readFileSync(EXAMPLE_CAMPAIGN, "utf8"));
    file.campaign.quotas[3].period.kind = "fortnight";
    const bad = join(dir, "campaign.json");
    writeFileSync(bad, JSON.stringify(file));
    const result = runCli([
      "evaluate",
      "--campaign",
      bad,
      "--records",
      EXAMPLE_RECORDS,
      "--as-of",
      "2026-03-15",
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("invalid at campaign.quotas[3].period.kind");

    const badRecords = join(dir, "records.json");
    writeFileSync(
      badRecords,
      JSON.stringify([
        { id: "x", type: "PLEDGE", orgId: "o", date: "2026-02-30", status: "APPROVED" },
      ]),
    );
    const r2 = runCli([
      "evaluate",
      "--campaign",
      EXAMPLE_CAMPAIGN,
      "--records",
      badRecords,
      "--as-of",
      "2026-03-15",
    ]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain("invalid at [0].date");
  });

  it("exits 2 on usage errors", () => {
    expect(runCli(["evaluate", "--campaign", EXAMPLE_CAMPAIGN]).status).toBe(2);
    expect(runCli(["frobnicate"]).status).toBe(2);
  });
});
