/**
 * Seeds the demo universities (see prisma/demo-data.ts): 演示大学 (school code `demo`, about
 * 2,000 members, one login per role) and 示例理工大学 (school code `other`, 60 members, an
 * `admin` login) so tenant isolation can be seen. Every login's password is `demo1234`.
 * 演示大学 also gets one campaign per seed template and about fifteen months of activity records
 * linked to them (prisma/demo-activities.ts), so the campaign pages have something to show.
 *
 *   npx tsx prisma/seed.ts            seed (run the migrations first)
 *   npx tsx prisma/seed.ts --migrate  apply pending migrations, then seed, in one process
 *                                     (saves opening the PGlite database twice: `npm run demo`)
 *
 * Target: MIGRATE_DATABASE_URL, else DATABASE_URL (PostgreSQL through @prisma/adapter-pg; it
 * must be the owner or a superuser, because the restricted app role cannot write across
 * tenants), else the embedded PGlite database in PGLITE_DIR (default .data/pglite), opened as
 * its superuser. Without --migrate, run the migrations first (`npx tsx scripts/migrate.ts deploy`).
 *
 * Idempotent: a university whose school code already exists is left alone.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaClient, type Prisma } from "../src/generated/prisma/client";
import { hashPassword } from "../src/server/auth/password";
import { generateDemoActivities, type DemoActivityData } from "./demo-activities";
import { seedDemoAppraisal } from "./demo-appraisal";
import { insertDemoOpinions } from "./demo-opinions";
import { generateDemoTaskData } from "./demo-tasks";
import {
  generateDemoUniversity,
  MAIN_DEMO_UNIVERSITY,
  OTHER_DEMO_UNIVERSITY,
  type DemoUniversity,
  type DemoUniversityOptions,
} from "./demo-data";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_UNIVERSITIES: readonly DemoUniversityOptions[] = [
  MAIN_DEMO_UNIVERSITY,
  OTHER_DEMO_UNIVERSITY,
];

export interface SeedDemoOptions {
  /** The universities to seed. Default: 演示大学 (`demo`) and 示例理工大学 (`other`). */
  universities?: readonly DemoUniversityOptions[];
  /** "Today" for the generated dates. Default: the current date (UTC). */
  referenceDate?: Date;
  /** Password of every demo login. Default `demo1234`. */
  password?: string;
  /** A ready bcrypt hash of the password (tests pass a cheap one); otherwise hashed once here. */
  passwordHash?: string;
  /**
   * How rows are written. "json" (default): one INSERT … SELECT FROM jsonb_populate_recordset per
   * table, about ten times faster than createMany on PGlite (2,000 members: 0.4 s instead of 3 s).
   * "createMany": Prisma's createMany. Both write the same rows.
   */
  insertMode?: InsertMode;
  /**
   * School codes that also get the demo campaigns (one per seed template) and about fifteen
   * months of activity records (prisma/demo-activities.ts). Default: the main demo university.
   */
  activitiesFor?: readonly string[];
  log?: (message: string) => void;
}

export interface SeededTenant {
  slug: string;
  tenantId: string;
  /** false when the school code already existed and nothing was written. */
  created: boolean;
  counts: { organizations: number; departments: number; members: number; users: number };
  /** The demo campaigns and records written with it, when it got them. */
  activity?: { campaigns: number; activities: number; attendances: number; links: number };
}

export interface SeedDemoResult {
  tenants: SeededTenant[];
  ms: number;
}

/**
 * Inserts the demo universities with `db`, which must bypass row-level security (a superuser
 * or the tables' owner). Each university is written in one transaction, so a failure leaves
 * nothing half-seeded.
 */
export async function seedDemo(
  db: PrismaClient,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const referenceDate = options.referenceDate ?? new Date();
  let hash: Promise<string> | undefined = options.passwordHash
    ? Promise.resolve(options.passwordHash)
    : undefined;
  // Hash once (bcrypt is slow on purpose) and reuse the hash for every login.
  const passwordHash = () => (hash ??= hashPassword(options.password ?? DEMO_PASSWORD));

  const tenants: SeededTenant[] = [];
  for (const spec of options.universities ?? DEMO_UNIVERSITIES) {
    const existing = await db.tenant.findUnique({
      where: { slug: spec.slug },
      select: { id: true },
    });
    if (existing) {
      log(`school code "${spec.slug}" already exists: left as it is`);
      tenants.push({
        slug: spec.slug,
        tenantId: existing.id,
        created: false,
        counts: { organizations: 0, departments: 0, members: 0, users: 0 },
      });
      continue;
    }
    const t0 = performance.now();
    const university = generateDemoUniversity({
      ...spec,
      referenceDate: spec.referenceDate ?? referenceDate,
    });
    const activityData = (options.activitiesFor ?? [MAIN_DEMO_UNIVERSITY.slug]).includes(spec.slug)
      ? generateDemoActivities(university, { referenceDate: spec.referenceDate ?? referenceDate })
      : undefined;
    const inserted = await insertUniversity(
      db,
      university,
      await passwordHash(),
      options.insertMode,
      activityData,
      spec.referenceDate ?? referenceDate,
    );
    if (activityData) await insertDemoOpinions(db, university, spec.referenceDate ?? referenceDate);
    const counts = {
      organizations: university.organizations.length,
      departments: university.departments.length,
      members: university.members.length,
      users: university.users.length + inserted.extraUsers,
    };
    log(
      `seeded ${university.tenant.name} (school code "${spec.slug}"): ${counts.organizations} organizations, ` +
        `${counts.departments} departments, ${counts.members} members, ${counts.users} logins ` +
        `in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );
    const activity = activityData
      ? {
          campaigns: activityData.campaigns.length,
          activities: activityData.activities.length,
          attendances: activityData.attendances.length,
          links: activityData.links.length,
        }
      : undefined;
    if (activity) {
      log(
        `  with ${activity.campaigns} demo campaigns, ${activity.activities} activity records, ` +
          `${activity.attendances} attendance rows`,
      );
      const appraisal = await seedDemoAppraisal(
        db,
        university.tenant.id,
        spec.referenceDate ?? referenceDate,
      );
      log(
        `  with ${appraisal.rounds} open appraisal round, ${appraisal.windows} 两优一先 selection`,
      );
    }
    tenants.push({
      slug: spec.slug,
      tenantId: university.tenant.id,
      created: true,
      counts,
      ...(activity ? { activity } : {}),
    });
  }
  return { tenants, ms: performance.now() - started };
}

export type InsertMode = "json" | "createMany";

/**
 * Writes one generated university, parents before children, in one transaction — with its demo
 * campaigns and activity records when `activity` is given, so a failure leaves nothing behind.
 */
export async function insertUniversity(
  db: PrismaClient,
  u: DemoUniversity,
  passwordHash: string,
  mode: InsertMode = "json",
  activity?: DemoActivityData,
  referenceDate: Date = new Date(),
): Promise<{ extraUsers: number }> {
  // Rows typed against the generated client, so a schema change breaks the build, not the seed.
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  const organizations = [...u.organizations]
    .sort((a, b) => a.depth - b.depth)
    .map((o) => ({ ...o, ...stamps })) satisfies Prisma.OrganizationCreateManyInput[];
  const placements = u.placements.map((p) => ({
    ...p,
    createdAt: now,
  })) satisfies Prisma.OrgPlacementCreateManyInput[];
  const departments = u.departments.map((d) => ({
    ...d,
    ...stamps,
  })) satisfies Prisma.DepartmentCreateManyInput[];
  const members = u.members.map((m) => ({
    ...m,
    ...stamps,
  })) satisfies Prisma.MemberCreateManyInput[];
  const memberships = u.memberships.map((m) => ({
    ...m,
    createdAt: now,
  })) satisfies Prisma.MembershipCreateManyInput[];
  const users = u.users.map((x) => ({
    ...x,
    passwordHash,
    ...stamps,
  })) satisfies Prisma.UserCreateManyInput[];
  const roles = u.roleAssignments.map((r) => ({
    ...r,
    createdAt: now,
  })) satisfies Prisma.RoleAssignmentCreateManyInput[];
  const campaigns = (activity?.campaigns ?? []).map((c) => ({
    ...c,
    definition: c.definition as unknown as Prisma.InputJsonValue,
    ...stamps,
  })) satisfies Prisma.CampaignCreateManyInput[];
  const leaders = (activity?.leaders ?? []).map((l) => ({
    ...l,
    createdAt: now,
  })) satisfies Prisma.CampaignLeaderCreateManyInput[];
  const activities = (activity?.activities ?? []).map((a) => ({
    ...a,
    ...stamps,
  })) satisfies Prisma.ActivityCreateManyInput[];
  const attendances = (activity?.attendances ??
    []) satisfies Prisma.ActivityAttendanceCreateManyInput[];
  const links = (activity?.links ?? []) satisfies Prisma.ActivityCampaignCreateManyInput[];
  const taskData = activity ? generateDemoTaskData(u, activity, referenceDate) : null;

  await db.$transaction(
    async (tx) => {
      await tx.tenant.create({ data: u.tenant });
      if (mode === "createMany") {
        await tx.organization.createMany({ data: organizations });
        await tx.orgPlacement.createMany({ data: placements });
        await tx.department.createMany({ data: departments });
        await tx.member.createMany({ data: members });
        await tx.membership.createMany({ data: memberships });
        await tx.user.createMany({ data: users });
        await tx.roleAssignment.createMany({ data: roles });
        await tx.campaign.createMany({ data: campaigns });
        await tx.campaignLeader.createMany({ data: leaders });
        await tx.activity.createMany({ data: activities });
        await tx.activityAttendance.createMany({ data: attendances });
        await tx.activityCampaign.createMany({ data: links });
      } else {
        await insertJson(tx, "Organization", organizations);
        await insertJson(tx, "OrgPlacement", placements);
        await insertJson(tx, "Department", departments);
        await insertJson(tx, "Member", members);
        await insertJson(tx, "Membership", memberships);
        await insertJson(tx, "User", users);
        await insertJson(tx, "RoleAssignment", roles);
        await insertJson(tx, "Campaign", campaigns);
        await insertJson(tx, "CampaignLeader", leaders);
        await insertJson(tx, "Activity", activities);
        await insertJson(tx, "ActivityAttendance", attendances);
        await insertJson(tx, "ActivityCampaign", links);
      }
      if (taskData) {
        // A handful of rows: Prisma's createMany in both modes.
        await tx.user.createMany({
          data: taskData.users.map((x) => ({ ...x, passwordHash, ...stamps })),
        });
        await tx.departmentStaff.createMany({ data: taskData.departmentStaff });
        await tx.practicalMattersList.createMany({ data: taskData.lists });
        await tx.practicalMatter.createMany({ data: taskData.matters });
        await tx.campaignTask.createMany({ data: taskData.tasks });
        await tx.secretaryProject.createMany({ data: taskData.projects });
        await tx.projectMilestone.createMany({ data: taskData.milestones });
        await tx.implementationPlan.createMany({ data: taskData.plans });
      }
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return { extraUsers: taskData?.users.length ?? 0 };
}

/**
 * INSERT INTO "table" (the rows' keys) SELECT them FROM jsonb_populate_recordset(NULL::"table", $1):
 * one statement and one parameter per chunk; PostgreSQL casts each JSON value to its column's
 * type (enums, dates, text[]). Columns the rows leave out get their defaults.
 */
async function insertJson(
  tx: Prisma.TransactionClient,
  table: string,
  rows: readonly object[],
  chunk = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!)
    .map((c) => `"${c.replaceAll('"', '""')}"`)
    .join(", ");
  const sql = `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const inserted = await tx.$executeRawUnsafe(sql, JSON.stringify(part));
    if (inserted !== part.length)
      throw new Error(`${table}: inserted ${inserted} of ${part.length} rows`);
  }
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

async function main(argv: string[]): Promise<void> {
  const started = performance.now();
  const log = (m: string) => console.log(`seed: ${m}`);
  const unknown = argv.filter((a) => a !== "--migrate");
  if (unknown.length > 0)
    throw new Error(`unknown argument ${unknown[0]} (usage: tsx prisma/seed.ts [--migrate])`);
  const migrate = argv.includes("--migrate");
  const url = process.env.MIGRATE_DATABASE_URL || process.env.DATABASE_URL;
  let db: PrismaClient;
  let close: () => Promise<void>;
  if (url) {
    log(`target: PostgreSQL ${redact(url)}`);
    const { PrismaPg } = await import("@prisma/adapter-pg");
    if (migrate) await runMigrations({ url }, log);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    close = () => db.$disconnect();
  } else {
    const dir = path.resolve(process.env.PGLITE_DIR || path.join(ROOT, ".data", "pglite"));
    log(`target: PGlite ${path.relative(process.cwd(), dir) || dir}`);
    mkdirSync(dir, { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // The superuser session (no SET ROLE): seeding writes across tenants, which RLS forbids the app role.
    const pglite = await PGlite.create(dir);
    if (migrate) await runMigrations({ pglite }, log);
    db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    close = async () => {
      await db.$disconnect();
      await pglite.close();
    };
  }
  try {
    await seedDemo(db, { log });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/does not exist/.test(message))
      log("the tables are missing: run `npx tsx scripts/migrate.ts deploy` first");
    if (/row-level security|permission denied/.test(message)) {
      log(
        "the database user may not bypass row-level security: set MIGRATE_DATABASE_URL to the owner or a superuser",
      );
    }
    throw error;
  } finally {
    await close();
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

async function runMigrations(
  target: { url: string } | { pglite: import("@electric-sql/pglite").PGlite },
  log: (m: string) => void,
) {
  const t0 = performance.now();
  const { deployMigrations } = await import("../scripts/migrate");
  await deployMigrations(target, { log: (m) => log(`migrate: ${m}`) });
  log(`migrations checked in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(
        `seed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
