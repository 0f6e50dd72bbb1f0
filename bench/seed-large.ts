// A university at scale in PostgreSQL, for the load and crash-safety runs (docs/performance.md,
// "Load"; docs/load-and-crash.md).
//
// Run: npx tsx bench/seed-large.ts [--members 20000] [--branch-scale 15] [--secretaries 40]
//                                  [--slug big] [--url ADMIN_URL] [--keep]
//
// It generates the university with the demo generators (prisma/demo-data.ts with `branchScale`,
// prisma/demo-activities.ts): about 1,000 branches for --branch-scale 15, the members spread over
// them, the departments, the four seed-template campaigns with their quotas and leadership groups,
// and some fifteen months of activity records with attendance and campaign links. Logins (password
// demo1234, school code = --slug): admin, leader, secretary, member, inspector (one per role), and
// `sec1`…`secN`, the secretaries of N further branches, so that a load run can record as many
// secretaries at once. Rows are written with multi-row INSERT … SELECT FROM jsonb_populate_recordset
// (prisma/seed.ts), all in one transaction, then the tables are analysed.
//
// Target: --url (a superuser or owner URL of an existing, migrated or empty database; migrations
// are applied), else a durable throwaway PostgreSQL 15 cluster (fsync and synchronous_commit on),
// stopped and deleted at the end unless --keep is given, in which case its URLs are printed and it
// keeps running (stop it with the printed pg_ctl command).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../src/generated/prisma/client";
import { hashPassword } from "../src/server/auth/password";
import { generateDemoActivities } from "../prisma/demo-activities";
import { generateDemoUniversity, type DemoUniversity } from "../prisma/demo-data";
import { DEMO_PASSWORD, insertUniversity } from "../prisma/seed";
import { deployMigrations } from "../scripts/migrate";
import { APP_ROLE, APP_ROLE_PASSWORD, startPostgres } from "../tests/setup/postgres";

export type LargeSeedOptions = {
  members?: number;
  branchScale?: number;
  /** Extra secretary logins sec1…secN, one per branch (default 40). */
  secretaries?: number;
  slug?: string;
  referenceDate?: Date;
  log?: (message: string) => void;
};

export type LargeSeedResult = {
  tenantId: string;
  slug: string;
  counts: Record<string, number>;
  /** The campaign the load run reads (the one with the most linked records). */
  campaignId: string;
  /** Extra secretary logins and the branch each records for. */
  secretaries: { username: string; branchId: string; memberIds: string[] }[];
  seconds: number;
};

/** Adds `sec1`…`secN`: the secretary of each of N branches (those with ≥ 20 current members first). */
function addSecretaries(
  u: DemoUniversity,
  n: number,
): { username: string; branchId: string; memberIds: string[] }[] {
  const byBranch = new Map<string, string[]>();
  for (const m of u.members) {
    const list = byBranch.get(m.orgId);
    if (list) list.push(m.id);
    else byBranch.set(m.orgId, [m.id]);
  }
  const taken = new Set(
    u.roleAssignments.filter((r) => r.role === "SECRETARY").map((r) => r.orgId),
  );
  const branches = u.organizations
    .filter((o) => o.level === "BRANCH" && o.kind !== "RETIRED" && !taken.has(o.id))
    .map((o) => ({ id: o.id, members: byBranch.get(o.id) ?? [] }))
    .filter((b) => b.members.length >= 2)
    .sort((a, b) => b.members.length - a.members.length);
  const out: { username: string; branchId: string; memberIds: string[] }[] = [];
  for (const b of branches.slice(0, n)) {
    const username = `sec${out.length + 1}`;
    const userId = randomUUID();
    u.users.push({
      tenantId: u.tenant.id,
      id: userId,
      username,
      displayName: `支部书记 ${out.length + 1}`,
      memberId: b.members[0] ?? null,
    });
    u.roleAssignments.push({
      tenantId: u.tenant.id,
      id: randomUUID(),
      userId,
      role: "SECRETARY",
      orgId: b.id,
    });
    out.push({ username, branchId: b.id, memberIds: b.members });
  }
  return out;
}

/** Migrates the database at `adminUrl`, lets the app role log in, and writes the university. */
export async function seedLarge(
  adminUrl: string,
  options: LargeSeedOptions = {},
): Promise<LargeSeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  await deployMigrations({ url: adminUrl });
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE_PASSWORD}'`);
  } finally {
    await client.end();
  }
  const slug = options.slug ?? "big";
  const referenceDate = options.referenceDate ?? new Date();
  const u = generateDemoUniversity({
    seed: 20261121,
    slug,
    name: "大规模测试大学",
    nameEn: "Load Test University",
    memberCount: options.members ?? 20000,
    branchScale: options.branchScale ?? 15,
    referenceDate,
  });
  const secretaries = addSecretaries(u, options.secretaries ?? 40);
  const activity = generateDemoActivities(u, { referenceDate });
  const counts = {
    organizations: u.organizations.length,
    branches: u.organizations.filter((o) => o.level === "BRANCH").length,
    members: u.members.length,
    logins: u.users.length,
    campaigns: activity.campaigns.length,
    activities: activity.activities.length,
    attendances: activity.attendances.length,
    campaignLinks: activity.links.length,
  };
  log(
    `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
  );
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: adminUrl }) });
  try {
    const t0 = performance.now();
    await insertUniversity(db, u, await hashPassword(DEMO_PASSWORD), "json", activity);
    log(`inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    await db.$executeRawUnsafe("ANALYZE");
    log(`analysed in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  } finally {
    await db.$disconnect();
  }
  const linksPerCampaign = new Map<string, number>();
  for (const l of activity.links)
    linksPerCampaign.set(l.campaignId, (linksPerCampaign.get(l.campaignId) ?? 0) + 1);
  const campaignId = [...linksPerCampaign.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!campaignId) throw new Error("no campaign generated");
  return {
    tenantId: u.tenant.id,
    slug,
    counts,
    campaignId,
    secretaries,
    seconds: (performance.now() - started) / 1000,
  };
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const num = (name: string, fallback: number) => {
    const v = flag(argv, name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
    return n;
  };
  const options: LargeSeedOptions = {
    members: num("members", 20000),
    branchScale: num("branch-scale", 15),
    secretaries: num("secretaries", 40),
    slug: flag(argv, "slug") ?? "big",
    log: (m) => console.log(`seed-large: ${m}`),
  };
  const url = flag(argv, "url");
  if (url) {
    const r = await seedLarge(url, options);
    console.log(JSON.stringify({ ...r, secretaries: r.secretaries.length }, null, 2));
    return;
  }
  const cluster = await startPostgres({ durable: true });
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl() });
    await admin.connect();
    await admin.query("CREATE DATABASE party_load");
    await admin.end();
    const r = await seedLarge(cluster.adminUrl("party_load"), options);
    console.log(JSON.stringify({ ...r, secretaries: r.secretaries.length }, null, 2));
    if (argv.includes("--keep")) {
      console.log(`admin URL: ${cluster.adminUrl("party_load")}`);
      console.log(`app URL:   ${cluster.appUrl("party_load")}`);
      console.log(
        `stop with: runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D ${cluster.dataDir} -m fast stop`,
      );
    }
  } finally {
    if (!argv.includes("--keep")) cluster.stop();
  }
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
