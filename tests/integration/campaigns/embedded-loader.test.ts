import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { findCampaignForFigures } from "@/server/data/campaigns/campaign-rules";
import {
  loadEvaluationInput,
  type EvaluationInput,
} from "@/server/data/campaigns/load-evaluation-input";
import { openEmbeddedDatabase } from "@/server/embedded-db";
import { generateDemoActivities, type DemoActivityData } from "../../../prisma/demo-activities";
import { generateDemoUniversity, type DemoUniversity } from "../../../prisma/demo-data";
import { insertUniversity } from "../../../prisma/seed";
import { deployMigrations } from "../../../scripts/migrate";
import { adminDb } from "../../setup/admin-db";

// The evaluation input is read with aggregated SQL whose values come back through two drivers:
// `pg` against PostgreSQL and PGlite's own in the embedded database of `npm run demo`. They differ
// in how they return timestamps and NULL elements of arrays, which twice broke the demo's
// dashboards while PostgreSQL was fine. The same university in both must load the same input.

const REFERENCE = new Date("2026-06-20T00:00:00.000Z");
let university: DemoUniversity;
let activity: DemoActivityData;
let dir: string;
let pglite: PGlite;
let embedded: PrismaClient;

/** What makes the drivers differ, written to both databases alike. */
const EDGE_CASES = (tenantId: string) => [
  // A record voided after approval, at a moment with milliseconds.
  `UPDATE "Activity" SET "voidedAt" = '2026-03-04 05:06:07.089+00', "voidReason" = 'test'
    WHERE "tenantId" = '${tenantId}' AND "id" = (SELECT "id" FROM "Activity"
      WHERE "tenantId" = '${tenantId}' AND "status" = 'APPROVED' ORDER BY "id" LIMIT 1)`,
  // Attendance credited with its own hours next to attendance without (NULL elements).
  `UPDATE "ActivityAttendance" SET "hours" = 1.5
    WHERE "tenantId" = '${tenantId}' AND ("activityId", "memberId") IN (SELECT "activityId", "memberId"
      FROM "ActivityAttendance" WHERE "tenantId" = '${tenantId}' AND "present" ORDER BY "activityId", "memberId" LIMIT 3)`,
  // A membership closed in the middle of the campaign (an open one's end is NULL), and a member who left.
  `UPDATE "Membership" SET "validTo" = '2026-01-15'
    WHERE "tenantId" = '${tenantId}' AND "id" = (SELECT "id" FROM "Membership"
      WHERE "tenantId" = '${tenantId}' AND "validTo" IS NULL ORDER BY "id" LIMIT 1)`,
  `UPDATE "Member" SET "leftAt" = '2026-02-01'
    WHERE "tenantId" = '${tenantId}' AND "id" = (SELECT "id" FROM "Member"
      WHERE "tenantId" = '${tenantId}' ORDER BY "id" OFFSET 5 LIMIT 1)`,
];

async function load(db: PrismaClient, campaignId: string, asOf: string | null) {
  const tenantId = university.tenant.id;
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      const campaign = await findCampaignForFigures(tx, tenantId, campaignId);
      return loadEvaluationInput(tx, { tenantId }, campaign, asOf);
    },
    { timeout: 60_000 },
  );
}

function summary(input: EvaluationInput) {
  const records = input.recordsFile.records;
  return {
    members: input.campaignFile.members.length,
    records: records.length,
    voided: records.filter((r) => r.voidedAt).length,
    withOwnHours: records.filter((r) => r.hoursByMember).length,
    closedMemberships: input.campaignFile.members.filter((m) =>
      (m.memberships ?? []).some((ms) => ms.to !== null && ms.to !== undefined),
    ).length,
  };
}

beforeAll(async () => {
  university = generateDemoUniversity({
    seed: 7301,
    slug: "loader-parity",
    name: "加载一致性大学",
    nameEn: "Loader Parity University",
    memberCount: 160,
    collegeCount: 2,
    referenceDate: REFERENCE,
    logins: "admin",
  });
  activity = generateDemoActivities(university, { referenceDate: REFERENCE });

  await insertUniversity(adminDb(), university, "x", "json", activity, REFERENCE);
  for (const sql of EDGE_CASES(university.tenant.id)) await adminDb().$executeRawUnsafe(sql);

  dir = mkdtempSync(path.join(tmpdir(), "party-pglite-"));
  pglite = await openEmbeddedDatabase(dir);
  await deployMigrations({ pglite });
  embedded = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  await insertUniversity(embedded, university, "x", "json", activity, REFERENCE);
  for (const sql of EDGE_CASES(university.tenant.id)) await embedded.$executeRawUnsafe(sql);
  // As in the demo: the app role, so row-level security applies.
  await pglite.exec("SET ROLE party_app");
}, 180_000);

afterAll(async () => {
  await embedded?.$disconnect();
  await pglite?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the evaluation input in the embedded database", () => {
  it("is what PostgreSQL gives for every demo campaign, up to a date and in full", async () => {
    expect(activity.campaigns.length).toBeGreaterThan(0);
    let covered = { voided: 0, withOwnHours: 0, closedMemberships: 0 };
    for (const campaign of activity.campaigns) {
      for (const asOf of ["2026-04-30", null]) {
        const fromPostgres = await load(adminDb(), campaign.id, asOf);
        const fromEmbedded = await load(embedded, campaign.id, asOf);
        expect(fromEmbedded).toEqual(fromPostgres);
        const s = summary(fromPostgres);
        covered = {
          voided: covered.voided + s.voided,
          withOwnHours: covered.withOwnHours + s.withOwnHours,
          closedMemberships: covered.closedMemberships + s.closedMemberships,
        };
        expect(s.members).toBeGreaterThan(0);
      }
    }
    // The comparison went through the cases the drivers disagree on.
    expect(covered.voided).toBeGreaterThan(0);
    expect(covered.withOwnHours).toBeGreaterThan(0);
    expect(covered.closedMemberships).toBeGreaterThan(0);
  }, 120_000);
});
