// Benchmark of recording activities against PostgreSQL, through the same data function the server
// action calls (zod parse + createActivity: checks, activity, 30 attendance rows, campaign links,
// audit event, one transaction as the restricted app role under row-level security).
//
// Run: npx tsx bench/record-activity.ts [--runs N] [--recorders N] [--duration SECONDS]
//   1. latency: N sequential recordings of a 30-attendee branch meeting (default 200), p50/p95/p99;
//   2. load: N concurrent recorders (default 20), each a branch secretary, recording for the given
//      time (default 60 s); one submission in ten is sent twice at once with the same idempotency
//      key (a double click) and one in ten is retried afterwards (a lost response). At the end the
//      database must hold exactly one record per acknowledged key, each with its 30 attendance
//      rows, its campaign link and one audit event: no loss, no duplicates.
// It starts a throwaway PostgreSQL 15 cluster (tests/setup/postgres.ts) with every migration
// applied, unless BENCH_DATABASE_URL (app role) and BENCH_ADMIN_DATABASE_URL (superuser) name an
// existing database.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client";
import { CreateActivityInput } from "../src/lib/schemas/activity";
import { todayInShanghai } from "../src/lib/format";
import type { Actor } from "../src/server/authz/actor";
import { loadActor } from "../src/server/auth/load-actor";
import { createActivity } from "../src/server/data/activities/create-activity";
import { cloneTemplate, prepareTemplate } from "../tests/setup/databases";
import { startPostgres } from "../tests/setup/postgres";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 200);
const RECORDERS = arg("recorders", 20);
const DURATION_S = arg("duration", 60);
const ATTENDEES = 30;
const BRANCHES = Math.max(RECORDERS + 1, 25);

type Branch = { id: string; members: string[]; secretary: Actor };

async function setUp(admin: PrismaClient): Promise<{ tenantId: string; branches: Branch[] }> {
  const tenantId = randomUUID();
  await admin.tenant.create({
    data: { id: tenantId, slug: `bench-${tenantId.slice(0, 8)}`, name: "基准测试大学" },
  });
  const org = async (
    id: string,
    parent: { id: string; path: string } | null,
    level: "SCHOOL" | "COLLEGE" | "BRANCH",
    code: string,
  ) => {
    const path = parent ? `${parent.path}/${id}` : id;
    await admin.organization.create({
      data: {
        tenantId,
        id,
        parentId: parent?.id ?? null,
        path,
        depth: path.split("/").length - 1,
        name: code,
        code,
        level,
        kind: "TEACHER",
        validFrom: new Date("2020-01-01"),
      },
    });
    return { id, path };
  };
  const school = await org(randomUUID(), null, "SCHOOL", "S");
  const college = await org(randomUUID(), school, "COLLEGE", "C");
  await admin.campaign.create({
    data: {
      tenantId,
      name: "三会一课",
      startDate: new Date("2020-01-01"),
      endDate: new Date("2099-12-31"),
      rootOrgId: school.id,
      definition: {
        id: "bench",
        startDate: "2020-01-01",
        endDate: "2099-12-31",
        quotas: [
          {
            id: "meetings",
            name: "支部党员大会",
            subject: { kind: "organization", levels: ["BRANCH"] },
            period: { kind: "calendarYear" },
            metric: "count",
            activity: { types: ["BRANCH_GENERAL_MEETING"] },
            target: { op: "atLeast", value: 4 },
          },
        ],
      },
    },
  });
  const branches: Branch[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const branch = await org(randomUUID(), college, "BRANCH", `B${b}`);
    const members = Array.from({ length: ATTENDEES }, () => randomUUID());
    await admin.member.createMany({
      data: members.map((id, i) => ({
        tenantId,
        id,
        number: `B${b}-${i}`,
        name: `党员${b}-${i}`,
        gender: "MALE" as const,
        status: "FULL" as const,
        category: "TEACHER" as const,
        developmentStage: "FULL" as const,
        orgId: branch.id,
      })),
    });
    await admin.membership.createMany({
      data: members.map((memberId) => ({
        tenantId,
        memberId,
        orgId: branch.id,
        validFrom: new Date("2020-01-01"),
      })),
    });
    const userId = randomUUID();
    await admin.user.create({
      data: {
        tenantId,
        id: userId,
        username: `sec${b}`,
        displayName: `书记${b}`,
        passwordHash: "x",
        memberId: members[0]!,
      },
    });
    await admin.roleAssignment.create({
      data: { tenantId, userId, role: "SECRETARY", orgId: branch.id },
    });
    const secretary = await loadActor(tenantId, userId, 1);
    if (!secretary) throw new Error("secretary did not load");
    branches.push({ id: branch.id, members, secretary });
  }
  return { tenantId, branches };
}

const today = todayInShanghai();
function meeting(branch: Branch, key: string) {
  return CreateActivityInput.parse({
    idempotencyKey: key,
    orgId: branch.id,
    type: "BRANCH_GENERAL_MEETING",
    date: today,
    durationHours: "1.5",
    topic: "支部党员大会",
    attendance: branch.members.map((memberId) => ({ memberId, present: true })),
    submit: true,
  });
}

/** Server-side time of one recording: schema parse and the data function. */
async function record(branch: Branch, key: string) {
  const started = performance.now();
  const result = await createActivity(branch.secretary, meeting(branch, key));
  return { ms: performance.now() - started, result };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  let stop = () => {};
  if (!process.env.BENCH_DATABASE_URL || !process.env.BENCH_ADMIN_DATABASE_URL) {
    const pg = await startPostgres();
    stop = () => pg.stop();
    await prepareTemplate(pg.adminUrl);
    await cloneTemplate(pg.adminUrl, "bench");
    process.env.BENCH_DATABASE_URL = pg.appUrl("bench");
    process.env.BENCH_ADMIN_DATABASE_URL = pg.adminUrl("bench");
  }
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  process.env.DATABASE_POOL_SIZE = String(RECORDERS + 5);
  const admin = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.BENCH_ADMIN_DATABASE_URL!, max: 2 }),
  });
  try {
    const { tenantId, branches } = await setUp(admin);
    const [first] = branches;

    // Warm-up (connections, prepared statements, JIT), not timed.
    for (let i = 0; i < 10; i++) await record(first!, randomUUID());

    // 1. Latency, one recorder.
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await record(first!, randomUUID())).ms);
    times.sort((a, b) => a - b);
    const mean = times.reduce((s, t) => s + t, 0) / times.length;
    console.log(`latency, ${RUNS} sequential recordings of ${ATTENDEES} attendees:`);
    console.log(
      `  p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  p99 ${fmt(percentile(times, 99))}  mean ${fmt(mean)}  max ${fmt(times.at(-1)!)}`,
    );

    // 2. Load: concurrent recorders with double clicks and retries.
    const acknowledged = new Map<string, string>(); // key → id
    const loadTimes: number[] = [];
    let requests = 0;
    let replays = 0;
    let errors = 0;
    const errorSamples: string[] = [];
    const deadline = performance.now() + DURATION_S * 1000;
    const accept = (key: string, id: string) => {
      const known = acknowledged.get(key);
      if (known && known !== id) throw new Error(`key ${key} answered with two ids`);
      acknowledged.set(key, id);
    };
    const recorder = async (branch: Branch, n: number) => {
      let i = 0;
      while (performance.now() < deadline) {
        const key = randomUUID();
        const kind = (n + i++) % 10;
        try {
          if (kind === 0) {
            // A double click: the same key twice at once.
            requests += 2;
            const both = await Promise.all([record(branch, key), record(branch, key)]);
            for (const r of both) {
              loadTimes.push(r.ms);
              accept(key, r.result.id);
            }
            replays += both.filter((r) => !r.result.created).length;
          } else {
            requests++;
            const r = await record(branch, key);
            loadTimes.push(r.ms);
            accept(key, r.result.id);
            if (kind === 5) {
              // A lost response: the browser sends the same form again.
              requests++;
              const again = await record(branch, key);
              accept(key, again.result.id);
              if (!again.result.created) replays++;
            }
          }
        } catch (error) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(String(error));
        }
      }
    };
    const loadStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    await Promise.all(branches.slice(1, RECORDERS + 1).map((b, n) => recorder(b, n)));
    const elapsed = (performance.now() - loadStarted) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuShare = (cpu.user + cpu.system) / 1e6 / elapsed;
    loadTimes.sort((a, b) => a - b);

    // What the database holds for the load phase's keys.
    const keys = [...acknowledged.keys()];
    const rows = await admin.activity.findMany({
      where: { tenantId, idempotencyKey: { in: keys } },
      select: {
        id: true,
        idempotencyKey: true,
        _count: { select: { attendances: true, campaignLinks: true } },
      },
    });
    const audits = await admin.auditEvent.count({
      where: { tenantId, action: "activity.create", entityId: { in: rows.map((r) => r.id) } },
    });
    const missing = keys.filter((k) => !rows.some((r) => r.idempotencyKey === k)).length;
    const wrongId = rows.filter((r) => acknowledged.get(r.idempotencyKey!) !== r.id).length;
    const incomplete = rows.filter(
      (r) => r._count.attendances !== ATTENDEES || r._count.campaignLinks !== 1,
    ).length;

    console.log(`load, ${RECORDERS} concurrent recorders for ${elapsed.toFixed(1)} s:`);
    console.log(
      `  ${requests} requests (${replays} answered from an earlier submission of the same key), ${(requests / elapsed).toFixed(1)} requests/s, ${(rows.length / elapsed).toFixed(1)} records/s, Node process CPU ${(cpuShare * 100).toFixed(0)} % of one core`,
    );
    console.log(
      `  p50 ${fmt(percentile(loadTimes, 50))}  p95 ${fmt(percentile(loadTimes, 95))}  p99 ${fmt(percentile(loadTimes, 99))}  max ${fmt(loadTimes.at(-1)!)}`,
    );
    console.log(
      `  acknowledged keys ${keys.length}, records ${rows.length}, missing ${missing}, answered with another id ${wrongId}, incomplete ${incomplete}, audit events ${audits}, errors ${errors}`,
    );
    for (const sample of errorSamples) console.log(`  error: ${sample}`);
    const ok =
      missing === 0 &&
      wrongId === 0 &&
      incomplete === 0 &&
      rows.length === keys.length &&
      audits === rows.length &&
      errors === 0;
    console.log(ok ? "no loss, no duplicates" : "FAILED: loss, duplicates or errors");
    if (!ok) process.exitCode = 1;
  } finally {
    await admin.$disconnect();
    const { resetDbForTests } = await import("../src/server/db");
    await resetDbForTests();
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
