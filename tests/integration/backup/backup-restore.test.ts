import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/server/backup/database-backup";
import { exportTenant, importTenant, TenantExistsError } from "@/server/backup/tenant-archive";
import { getCampaignDashboard } from "@/server/data/dashboard/get-campaign-dashboard";
import { getCampaignSummary } from "@/server/data/dashboard/get-campaign-summary";
import type { DashboardQuery } from "@/server/data/dashboard/dashboard-query";
import { resetDbForTests } from "@/server/db";
import { LocalDiskEvidenceStore } from "@/server/evidence/evidence-store";
import { cloneTemplate } from "../../setup/databases";
import { adminDb } from "../../setup/admin-db";
import { APP_ROLE, APP_ROLE_PASSWORD } from "../../setup/postgres";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

// Dashboard figures of a campaign with records are computed, the data is backed up (whole
// database, or one tenant), restored into a fresh database, and the figures computed again
// there must be identical. Evidence files travel with the backup and come back byte for byte.

const START = "2026-01-01";
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const work = mkdtempSync(path.join(tmpdir(), "party-backup-"));
const evidenceDir = path.join(work, "evidence-source");

const sourceAdminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const sourceAppUrl = process.env.DATABASE_URL!;
const cluster = new URL(sourceAdminUrl);
const adminUrl = (db = "postgres") => {
  const u = new URL(cluster);
  u.pathname = `/${db}`;
  return u.toString();
};
const appUrl = (db: string) => {
  const u = new URL(adminUrl(db));
  u.username = APP_ROLE;
  u.password = APP_ROLE_PASSWORD;
  return u.toString();
};

let a: TenantFixture;
let b: TenantFixture;
let campaignId: string;
let evidenceSha: string;
const evidenceBytes = randomBytes(4096);

async function sql(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Points the application (role party_app, RLS on) at another database. */
async function useAppDatabase(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  await resetDbForTests();
}

async function figures() {
  const admin = await a.actor("admin");
  const query: DashboardQuery = {
    campaignId,
    asOf: "2026-06-20",
    orgIds: [],
    orgKind: null,
    memberCategory: null,
  };
  const [dashboard, summary] = await Promise.all([
    getCampaignDashboard(admin, query),
    getCampaignSummary(admin, query),
  ]);
  // Everything but the moment the figures were computed, which differs between any two reads.
  return JSON.parse(
    JSON.stringify({ dashboard, summary }, (key, value: unknown) =>
      key === "computedAt" ? undefined : value,
    ),
  ) as unknown;
}

beforeAll(async () => {
  a = await createTenantFixture("backup-a");
  b = await createTenantFixture("backup-b");
  const db = adminDb();
  campaignId = randomUUID();
  await db.campaign.create({
    data: {
      tenantId: a.tenantId,
      id: campaignId,
      name: "备份恢复测试活动",
      startDate: day(START),
      endDate: day("2026-12-31"),
      rootOrgId: a.orgs.school!.id,
      status: "ACTIVE",
      definition: {
        id: campaignId,
        startDate: START,
        endDate: "2026-12-31",
        phases: [],
        quotas: [
          {
            id: "branch-study",
            name: "支部集中学习",
            subject: { kind: "organization", levels: ["BRANCH"] },
            period: { kind: "halfYear" },
            metric: "count",
            activity: { types: ["CONCENTRATED_STUDY"] },
            target: { op: "atLeast", value: 2 },
            options: { proRate: false, weight: 1, includeSubtree: false },
          },
          {
            id: "member-volunteer",
            name: "党员志愿服务",
            subject: { kind: "member" },
            period: { kind: "halfYear" },
            metric: "count",
            activity: { types: ["VOLUNTEER_SERVICE"] },
            target: { op: "atLeast", value: 1 },
            options: { proRate: false, weight: 1, includeSubtree: false },
          },
        ],
      },
    },
  });
  const specs = [
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-01-15" },
    { org: "b11", type: "CONCENTRATED_STUDY", date: "2026-03-10" },
    { org: "b12", type: "CONCENTRATED_STUDY", date: "2026-02-11" },
    { org: "b12", type: "CONCENTRATED_STUDY", date: "2026-04-02", status: "SUBMITTED" },
    { org: "b21", type: "CONCENTRATED_STUDY", date: "2026-05-05", voided: true },
    { org: "b11", type: "VOLUNTEER_SERVICE", date: "2026-02-14", present: ["b11-0", "b11-1"] },
    { org: "b21", type: "VOLUNTEER_SERVICE", date: "2026-03-28", present: ["b21-0"] },
  ] as const;
  const activityIds: string[] = [];
  for (const [i, s] of specs.entries()) {
    const id = randomUUID();
    activityIds.push(id);
    await db.activity.create({
      data: {
        tenantId: a.tenantId,
        id,
        orgId: a.orgs[s.org]!.id,
        type: s.type,
        date: day(s.date),
        durationHours: 2,
        topic: `${s.type} ${i}`,
        status: "status" in s ? s.status : "APPROVED",
        voidedAt: "voided" in s ? new Date("2026-06-10T08:00:00Z") : null,
        voidReason: "voided" in s ? "重复录入" : null,
        recordedById: a.users.admin!,
      },
    });
    await db.activityCampaign.create({
      data: { tenantId: a.tenantId, activityId: id, campaignId },
    });
    for (const m of "present" in s ? s.present : [])
      await db.activityAttendance.create({
        data: { tenantId: a.tenantId, activityId: id, memberId: a.members[m]!, present: true },
      });
  }
  // One evidence file on disk, referenced by a record of tenant A.
  evidenceSha = (await new LocalDiskEvidenceStore(evidenceDir).put(evidenceBytes)).sha256;
  await db.evidence.create({
    data: {
      tenantId: a.tenantId,
      activityId: activityIds[0]!,
      sha256: evidenceSha,
      mimeType: "image/png",
      sizeBytes: evidenceBytes.byteLength,
      originalName: "合影.png",
      uploadedById: a.users.admin!,
    },
  });
}, 60_000);

afterAll(async () => {
  await useAppDatabase(sourceAppUrl);
  rmSync(work, { recursive: true, force: true });
});

const storedFile = (dir: string, sha: string) => readFile(path.join(dir, sha.slice(0, 2), sha));

describe("whole-database backup", () => {
  it("restores into a fresh database with identical dashboard figures and evidence", async () => {
    const before = await figures();
    expect(JSON.stringify(before)).toContain("branch-study");

    const dir = path.join(work, "db-backup");
    const manifest = await backupDatabase({ adminUrl: sourceAdminUrl, outDir: dir, evidenceDir });
    expect(manifest.migrations.length).toBeGreaterThan(5);
    expect(manifest.evidence?.files).toBe(1);

    const target = `restore_${randomBytes(4).toString("hex")}`;
    await sql(adminUrl(), `CREATE DATABASE ${target}`);
    const restoredEvidence = path.join(work, "evidence-whole");
    await restoreDatabase({
      adminUrl: adminUrl(target),
      inDir: dir,
      evidenceDir: restoredEvidence,
    });

    await useAppDatabase(appUrl(target));
    try {
      expect(await figures()).toEqual(before);
    } finally {
      await useAppDatabase(sourceAppUrl);
    }
    expect(await storedFile(restoredEvidence, evidenceSha)).toEqual(evidenceBytes);
    // The catalog flag no dump carries is set again (enum filters use indexes under RLS).
    const c = new pg.Client({ connectionString: adminUrl(target) });
    await c.connect();
    try {
      const flag = await c.query(
        `SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.enum_eq'::regproc`,
      );
      expect(flag.rows[0]?.proleakproof).toBe(true);
    } finally {
      await c.end();
    }

    // Restoring over a database that is not empty is refused.
    await expect(
      restoreDatabase({ adminUrl: adminUrl(target), inDir: dir, evidenceDir: restoredEvidence }),
    ).rejects.toThrow(/not empty/);
  });
});

describe("one-tenant archive", () => {
  it("restores one tenant into a fresh migrated database with identical figures, nothing of the other", async () => {
    const before = await figures();
    const file = path.join(work, "backup-a.jsonl.gz");
    const exported = await exportTenant({
      adminUrl: sourceAdminUrl,
      tenant: a.slug,
      file,
      evidenceDir,
    });
    expect(exported.counts.Activity).toBe(7);
    expect(exported.counts.Tenant).toBe(1);
    expect(exported.files).toBe(1);

    const target = `tenant_${randomBytes(4).toString("hex")}`;
    await cloneTemplate(adminUrl, target); // a freshly migrated, empty database
    const restoredEvidence = path.join(work, "evidence-tenant");
    const imported = await importTenant({
      adminUrl: adminUrl(target),
      file,
      evidenceDir: restoredEvidence,
    });
    expect(imported.counts).toEqual(exported.counts);

    await useAppDatabase(appUrl(target));
    try {
      expect(await figures()).toEqual(before);
    } finally {
      await useAppDatabase(sourceAppUrl);
    }
    expect(await storedFile(restoredEvidence, evidenceSha)).toEqual(evidenceBytes);

    // Only tenant A came over.
    const c = new pg.Client({ connectionString: adminUrl(target) });
    await c.connect();
    try {
      const tenants = await c.query(`SELECT "slug" FROM "Tenant"`);
      expect(tenants.rows).toEqual([{ slug: a.slug }]);
      const foreign = await c.query(`SELECT count(*)::int AS n FROM "User" WHERE "tenantId" = $1`, [
        b.tenantId,
      ]);
      expect(foreign.rows[0].n).toBe(0);
    } finally {
      await c.end();
    }

    // A second import over the same tenant is refused and changes nothing …
    await expect(importTenant({ adminUrl: adminUrl(target), file })).rejects.toBeInstanceOf(
      TenantExistsError,
    );
    // … unless told to replace it, which leaves exactly one copy.
    const replaced = await importTenant({ adminUrl: adminUrl(target), file, replace: true });
    expect(replaced.counts).toEqual(exported.counts);
    await useAppDatabase(appUrl(target));
    try {
      expect(await figures()).toEqual(before);
    } finally {
      await useAppDatabase(sourceAppUrl);
    }
  });

  it("refuses a target database at another migration", async () => {
    const file = path.join(work, "backup-b.jsonl.gz");
    await exportTenant({ adminUrl: sourceAdminUrl, tenant: b.tenantId, file, evidenceDir });
    const target = `empty_${randomBytes(4).toString("hex")}`;
    await sql(adminUrl(), `CREATE DATABASE ${target}`);
    await expect(importTenant({ adminUrl: adminUrl(target), file })).rejects.toThrow(
      /not at the archive's migration/,
    );
  });
});
