import { describe, expect, it } from "vitest";
import { parseCampaignFile, parseRecords } from "@/rules";
import { parseInputInTurns } from "@/server/data/campaigns/campaign-evaluation";

// A campaign file and records large enough to be parsed in several slices.
const definition = {
  id: "c1",
  startDate: "2025-01-01",
  endDate: "2025-12-31",
  quotas: [
    {
      id: "study",
      name: "集中学习",
      subject: { kind: "organization", levels: ["BRANCH"] },
      period: { kind: "calendarYear" },
      metric: "count",
      activity: { types: ["CONCENTRATED_STUDY"] },
      target: { op: "atLeast", value: 10 },
    },
  ],
};
const organizations = [
  { id: "s", level: "SCHOOL", kind: "MIXED", path: "s", validFrom: "2020-01-01", validTo: null },
  {
    id: "b",
    level: "BRANCH",
    kind: "STUDENT",
    path: "s/b",
    validFrom: "2020-01-01",
    validTo: null,
  },
];
const members = Array.from({ length: 9_001 }, (_, i) => ({
  id: `m${i}`,
  status: "FULL",
  category: "STUDENT",
  cadreLevel: "NONE",
  positions: [],
  joinedAt: "2020-01-01",
  memberships: [{ orgId: "b", from: "2020-01-01", to: null }],
}));
const records = Array.from({ length: 9_001 }, (_, i) => ({
  id: `r${i}`,
  type: "CONCENTRATED_STUDY",
  subType: null,
  orgId: "b",
  date: `2025-03-${String(1 + (i % 28)).padStart(2, "0")}`,
  hours: 2,
  days: null,
  status: "APPROVED",
  voidedAt: null,
  attendeeIds: [`m${i}`],
  selfReportedBy: null,
}));
const input = () => ({
  campaignFile: { campaign: definition, organizations, members },
  recordsFile: { records },
});

describe("parseInputInTurns", () => {
  it("gives exactly what a whole parse gives", async () => {
    const file = parseCampaignFile(input().campaignFile);
    const parsed = parseRecords(input().recordsFile);
    expect(file.ok && parsed.ok).toBe(true);
    const inTurns = await parseInputInTurns(input() as never);
    expect(inTurns.file).toEqual(file.ok ? file.value : null);
    expect(inTurns.records).toEqual(parsed.ok ? parsed.value : null);
  });

  it("names the same path as a whole parse for an error in a later slice", async () => {
    const bad = input();
    bad.recordsFile.records = records.map((r, i) =>
      i === 8_500 ? { ...r, date: "2025-02-30" } : r,
    );
    const whole = parseRecords(bad.recordsFile);
    expect(whole.ok).toBe(false);
    const path = whole.ok ? "" : whole.errors[0]!.path;
    expect(path).toMatch(/^records\[8500\]/);
    await expect(parseInputInTurns(bad as never)).rejects.toThrow(path);

    const badMember = input();
    badMember.campaignFile.members = members.map((m, i) =>
      i === 5_000 ? { ...m, memberships: [{ orgId: "nowhere", from: "2020-01-01", to: null }] } : m,
    );
    await expect(parseInputInTurns(badMember as never)).rejects.toThrow(
      "members[5000].memberships[0].orgId",
    );
    const dup = input();
    dup.recordsFile.records = [...records, { ...records[3]! }];
    await expect(parseInputInTurns(dup as never)).rejects.toThrow("records[9001].id");
  });
});
