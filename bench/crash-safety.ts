// Crash safety of recording and approving activities (docs/load-and-crash.md).
//
// Run: npx tsx bench/crash-safety.ts [--clients 8] [--kills 20] [--min-gap 1.5] [--max-gap 5]
//                                    [--pg-crash-at 10] [--members 2000] [--branch-scale 1]
//                                    [--port 3104] [--seed N]
//
// A durable PostgreSQL 15 cluster (fsync=on, synchronous_commit=on) with a university seeded by
// bench/seed-large.ts, and the built app (`npx next build` first) under `next start`. Then:
//   - --clients secretaries each record concentrated study sessions one after another through the real
//     server action over HTTP ("保存并提交", a fresh idempotency key per form); a submission that is
//     not acknowledged (connection refused or reset, timeout, 5xx …) is sent again with the SAME key
//     until it is — as the browser's retry of the same form would;
//   - one reviewer approves the acknowledged records (retrying likewise; "already approved" after a
//     retry counts as done);
//   - --kills times, after a random 1.5–5 s of that load, the app's process group gets SIGKILL, and
//     the app is started again at once; after the --pg-crash-at-th kill, PostgreSQL is also
//     stopped with `pg_ctl stop -m immediate` (no checkpoint: a crash) and started again (recovery
//     from the write-ahead log) while the app runs.
// Finally, with the app stopped, it checks the database:
//   1. every acknowledged submission exists exactly once, with the id it was answered with;
//   2. nothing is half-written: every record of the run has all the attendance rows it was
//      submitted with, its campaign links, and exactly one `activity.create` audit event (also for
//      submissions that were written but never acknowledged); no attendance row without its record;
//   3. audit matches data: `activity.create` events of the run = records of the run; `activity.approve`
//      events = APPROVED records of the run; every acknowledged approval is APPROVED; no audit event
//      of the run names a record that does not exist.
// It prints a summary and exits 1 on any violation.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { todayInShanghai } from "../src/lib/format";
import {
  actionIds,
  approvalFields,
  callAction,
  login,
  recordIdFromRedirect,
  recordingFields,
  startApp,
  type AppServer,
} from "./lib/app-http";
import { readTenantInfo, type Recorder } from "./lib/tenant-info";
import { seedLarge } from "./seed-large";
import { startPostgres } from "../tests/setup/postgres";

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = flag(name);
  return v === undefined ? fallback : Number(v);
};
const CLIENTS = num("clients", 8);
const KILLS = num("kills", 20);
const MIN_GAP = num("min-gap", 1.5);
const MAX_GAP = num("max-gap", 5);
const PG_CRASH_AT = num("pg-crash-at", Math.ceil(KILLS / 2));
const PORT = num("port", 3104);
const SEED = num("seed", Date.now() % 1_000_000);
const SLUG = "big";
const ATTENDEES = 20;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errText = (e: unknown) =>
  e instanceof Error
    ? `${e.name}: ${e.message}${e.cause ? ` (${String(e.cause)})` : ""}`
    : String(e);

async function main() {
  const rng = mulberry32(SEED);
  console.log(
    `crash: seed ${SEED}, ${CLIENTS} clients, ${KILLS} kills, PostgreSQL crash after kill ${PG_CRASH_AT}`,
  );
  const cluster = await startPostgres({ durable: true });
  let app: AppServer | undefined;
  try {
    const c0 = new pg.Client({ connectionString: cluster.adminUrl() });
    await c0.connect();
    await c0.query("CREATE DATABASE party_crash");
    await c0.end();
    const adminUrl = cluster.adminUrl("party_crash");
    const appUrl = cluster.appUrl("party_crash");
    await seedLarge(adminUrl, {
      members: num("members", 2000),
      branchScale: num("branch-scale", 1),
      secretaries: CLIENTS,
      slug: SLUG,
      log: (m) => console.log(`seed: ${m}`),
    });
    const info = await readTenantInfo(adminUrl, SLUG);
    const ids = actionIds();
    const recordAction = ids.get("createActivityAction");
    const approveAction = ids.get("approveActivityAction");
    if (!recordAction || !approveAction) throw new Error("action ids not in the build's manifest");

    app = await startApp({ databaseUrl: appUrl, port: PORT });
    const base = app.base;
    const adminCookie = await login(base, SLUG, "admin", "demo1234");
    const recorders: (Recorder & { cookie: string })[] = [];
    for (const r of info.recorders.slice(0, CLIENTS)) {
      recorders.push({ ...r, cookie: await login(base, SLUG, r.username, "demo1234") });
    }
    const runStart = new Date();
    const today = todayInShanghai();

    // key → what was submitted, and the answer once acknowledged
    const sent = new Map<string, { attendees: number; ackId: string | null; attempts: number }>();
    const approvedAck = new Set<string>();
    const approveQueue: string[] = [];
    const failures = new Map<string, number>();
    const noteFailure = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
    let running = true;
    let retrying = true;
    let retries = 0;

    const recorderLoop = async (r: (typeof recorders)[number]) => {
      while (running) {
        const key = randomUUID();
        const attendees = r.memberIds.slice(0, ATTENDEES);
        const entry = { attendees: attendees.length, ackId: null as string | null, attempts: 0 };
        sent.set(key, entry);
        const fields = recordingFields({
          idempotencyKey: key,
          orgId: r.branchId,
          date: today,
          topic: `集中学习（崩溃测试 ${key.slice(0, 8)}）`,
          attendees,
        });
        // Until acknowledged: the same form, the same key. Give up only when the run is over
        // and the retry window (below) has closed.
        for (;;) {
          entry.attempts++;
          if (entry.attempts > 1) retries++;
          try {
            const res = await callAction(
              base,
              "/activities/new",
              recordAction,
              r.cookie,
              fields,
              AbortSignal.timeout(15_000),
            );
            const id = recordIdFromRedirect(res.redirect);
            if (res.status === 200 && id) {
              entry.ackId = id;
              approveQueue.push(id);
              break;
            }
            noteFailure(`record HTTP ${res.status}`);
          } catch (e) {
            noteFailure(`record ${errText(e).slice(0, 80)}`);
          }
          if (!retrying) break;
          await sleep(200);
        }
      }
    };

    const approverLoop = async () => {
      while (running || (retrying && approveQueue.length > 0)) {
        const id = approveQueue.shift();
        if (!id) {
          await sleep(100);
          continue;
        }
        for (let attempt = 1; ; attempt++) {
          try {
            const res = await callAction(
              base,
              "/activities/review",
              approveAction,
              adminCookie,
              approvalFields(id),
              AbortSignal.timeout(15_000),
            );
            if (res.status === 200 && res.body.includes('"ok":true')) {
              approvedAck.add(id);
              break;
            }
            // A retry of an approval that had committed before the crash is refused (the record's
            // version moved on): the reviewer would reload and see it approved. Not acknowledged.
            if (res.status === 200 && attempt > 1) {
              noteFailure("approve refused after a retry (already done)");
              break;
            }
            noteFailure(
              `approve HTTP ${res.status}${res.status === 200 ? ` ${res.body.slice(0, 120)}` : ""}`,
            );
          } catch (e) {
            noteFailure(`approve ${errText(e).slice(0, 80)}`);
          }
          if (!retrying) break;
          await sleep(200);
        }
      }
    };

    const loops = [...recorders.map((r) => recorderLoop(r)), approverLoop()];

    // The faults.
    const restarts: number[] = [];
    for (let k = 1; k <= KILLS; k++) {
      await sleep((MIN_GAP + rng() * (MAX_GAP - MIN_GAP)) * 1000);
      await app.kill();
      const t0 = performance.now();
      if (k === PG_CRASH_AT) {
        cluster.crash();
        console.log(`crash: kill ${k}: app SIGKILL + PostgreSQL stopped in immediate mode`);
        await sleep(500);
        cluster.restart();
      }
      app = await startApp({ databaseUrl: appUrl, port: PORT });
      restarts.push(performance.now() - t0);
      const acked = [...sent.values()].filter((s) => s.ackId).length;
      console.log(
        `crash: kill ${k} done, restarted in ${Math.round(restarts[restarts.length - 1]!)} ms; ${acked} acknowledged so far`,
      );
    }
    // A little more load after the last restart, then let the outstanding retries finish.
    await sleep(3000);
    running = false;
    const drained = Promise.all(loops);
    await Promise.race([drained, sleep(60_000)]);
    retrying = false;
    await drained;
    await app.stop();
    app = undefined;

    // --- checks ----------------------------------------------------------------------------
    const db = new pg.Client({ connectionString: adminUrl });
    await db.connect();
    const violations: string[] = [];
    const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      (await db.query<T>(sql, params)).rows;
    const recorderUserIds = (
      await q<{ id: string }>(
        `SELECT id::text FROM "User" WHERE "tenantId" = $1 AND username = ANY($2::text[])`,
        [info.tenantId, recorders.map((r) => r.username)],
      )
    ).map((r) => r.id);
    const runActivities = await q<{
      id: string;
      key: string | null;
      status: string;
      att: string;
      links: string;
      creates: string;
      approves: string;
    }>(
      `SELECT a.id::text, a."idempotencyKey" AS key, a.status::text AS status,
              (SELECT count(*) FROM "ActivityAttendance" t WHERE t."tenantId" = a."tenantId" AND t."activityId" = a.id) AS att,
              (SELECT count(*) FROM "ActivityCampaign" l WHERE l."tenantId" = a."tenantId" AND l."activityId" = a.id) AS links,
              (SELECT count(*) FROM "AuditEvent" e WHERE e."tenantId" = a."tenantId" AND e."entityType" = 'Activity' AND e."entityId" = a.id::text AND e.action = 'activity.create') AS creates,
              (SELECT count(*) FROM "AuditEvent" e WHERE e."tenantId" = a."tenantId" AND e."entityType" = 'Activity' AND e."entityId" = a.id::text AND e.action = 'activity.approve') AS approves
         FROM "Activity" a
        WHERE a."tenantId" = $1 AND a."recordedById" = ANY($2::uuid[]) AND a."createdAt" >= $3`,
      [info.tenantId, recorderUserIds, runStart],
    );
    const byKey = new Map<string, typeof runActivities>();
    for (const a of runActivities) {
      if (!a.key) continue;
      const list = byKey.get(a.key) ?? [];
      list.push(a);
      byKey.set(a.key, list);
    }
    let acknowledged = 0;
    let writtenUnacknowledged = 0;
    let notWritten = 0;
    for (const [key, s] of sent) {
      const rows = byKey.get(key) ?? [];
      if (s.ackId) {
        acknowledged++;
        if (rows.length === 0) violations.push(`lost: acknowledged ${key} is missing`);
        else if (rows.length > 1) violations.push(`duplicate: ${key} ×${rows.length}`);
        else if (rows[0]!.id !== s.ackId)
          violations.push(`${key}: answered ${s.ackId}, stored ${rows[0]!.id}`);
      } else if (rows.length > 0) writtenUnacknowledged++;
      else notWritten++;
      if (rows.length > 1 && !s.ackId) violations.push(`duplicate: ${key} ×${rows.length}`);
      for (const a of rows) {
        if (Number(a.att) !== s.attendees)
          violations.push(`half-written: ${a.id} has ${a.att}/${s.attendees} attendance rows`);
        if (Number(a.links) < 1) violations.push(`half-written: ${a.id} has no campaign link`);
      }
    }
    const unknown = runActivities.filter((a) => !a.key || !sent.has(a.key));
    if (unknown.length > 0)
      violations.push(`${unknown.length} records of the run were never submitted`);
    const linkCounts = new Set(runActivities.map((a) => a.links));
    if (linkCounts.size > 1)
      violations.push(
        `records of the run have different numbers of campaign links: ${[...linkCounts].join(", ")}`,
      );
    for (const a of runActivities) {
      if (Number(a.creates) !== 1) violations.push(`${a.id}: ${a.creates} activity.create events`);
      const wantApproves = a.status === "APPROVED" ? 1 : 0;
      if (Number(a.approves) !== wantApproves)
        violations.push(`${a.id}: status ${a.status} with ${a.approves} activity.approve events`);
    }
    const statusOf = new Map(runActivities.map((a) => [a.id, a.status]));
    for (const id of approvedAck) {
      if (statusOf.get(id) !== "APPROVED")
        violations.push(
          `acknowledged approval of ${id} not kept (status ${statusOf.get(id) ?? "missing"})`,
        );
    }
    const [orphans] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM "ActivityAttendance" t
        WHERE NOT EXISTS (SELECT 1 FROM "Activity" a WHERE a."tenantId" = t."tenantId" AND a.id = t."activityId")`,
    );
    if (Number(orphans?.n ?? 0) > 0)
      violations.push(`${orphans?.n} attendance rows without their record`);
    const [orphanLinks] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM "ActivityCampaign" l
        WHERE NOT EXISTS (SELECT 1 FROM "Activity" a WHERE a."tenantId" = l."tenantId" AND a.id = l."activityId")`,
    );
    if (Number(orphanLinks?.n ?? 0) > 0)
      violations.push(`${orphanLinks?.n} campaign links without their record`);
    const [danglingAudit] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM "AuditEvent" e
        WHERE e."tenantId" = $1 AND e."entityType" = 'Activity' AND e.at >= $2
          AND NOT EXISTS (SELECT 1 FROM "Activity" a WHERE a."tenantId" = e."tenantId" AND a.id::text = e."entityId")`,
      [info.tenantId, runStart],
    );
    if (Number(danglingAudit?.n ?? 0) > 0)
      violations.push(`${danglingAudit?.n} audit events of the run name a missing record`);
    const [events] = await q<{ creates: string; approves: string }>(
      `SELECT count(*) FILTER (WHERE action = 'activity.create') AS creates,
              count(*) FILTER (WHERE action = 'activity.approve') AS approves
         FROM "AuditEvent" WHERE "tenantId" = $1 AND at >= $2 AND "entityType" = 'Activity'`,
      [info.tenantId, runStart],
    );
    const approvedRecords = runActivities.filter((a) => a.status === "APPROVED").length;
    if (Number(events?.creates) !== runActivities.length)
      violations.push(
        `activity.create events ${events?.creates} ≠ records ${runActivities.length}`,
      );
    if (Number(events?.approves) !== approvedRecords)
      violations.push(
        `activity.approve events ${events?.approves} ≠ approved records ${approvedRecords}`,
      );
    await db.end();

    const sortedRestarts = [...restarts].sort((a, b) => a - b);
    console.log("\ncrash-safety summary");
    console.log(
      `  faults: ${KILLS} app SIGKILLs (restart median ${Math.round(sortedRestarts[Math.floor(sortedRestarts.length / 2)] ?? 0)} ms), 1 PostgreSQL immediate stop`,
    );
    console.log(
      `  submissions: ${sent.size} forms, ${acknowledged} acknowledged, ${writtenUnacknowledged} written but never acknowledged, ${notWritten} never written (abandoned at the end), ${retries} retries`,
    );
    console.log(
      `  records of the run: ${runActivities.length}; approvals acknowledged ${approvedAck.size}, approved records ${approvedRecords}`,
    );
    console.log(
      `  audit events: activity.create ${events?.creates}, activity.approve ${events?.approves}`,
    );
    console.log(`  failed attempts by cause:`);
    for (const [k, v] of [...failures.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`    ${v} × ${k}`);
    console.log(`  violations: ${violations.length}`);
    for (const v of violations.slice(0, 30)) console.log(`    ${v}`);
    process.exitCode = violations.length > 0 ? 1 : 0;
  } finally {
    if (app) await app.kill();
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
