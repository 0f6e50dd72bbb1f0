// Load over HTTP against `next start` and a large university in PostgreSQL (docs/performance.md,
// "Load").
//
// Run: npx tsx bench/load-http.ts [--rate 20] [--duration 300] [--port 3104]
//                                 [--members 20000] [--branch-scale 15] [--recorders 40]
//                                 [--admin-url URL --app-url URL] [--slug big] [--pool N]
//                                 [--server-log FILE] [--instances N] [--node-options "…"]
//                                 [--print-slow MS] [--cpu-prof DIR]
//                                 [--balance least-open|round-robin]
//
// 1. Unless --admin-url/--app-url name a database already seeded by bench/seed-large.ts, it starts
//    a durable PostgreSQL 15 cluster (fsync=on, synchronous_commit=on) and seeds the university
//    there (bench/seed-large.ts: ~1,000 branches, 20,000 members, campaigns, a year of records).
// 2. It starts the existing build (`npx next build` first) with `next start` on 127.0.0.1:--port,
//    logs in (next-auth credentials: admin, leader, and the secretaries sec1…secN).
// 3. Open loop: request k is sent at start + k / rate seconds whether or not earlier ones have
//    been answered, and its latency is measured from that scheduled moment (so a stalled server
//    shows as latency, not as fewer requests). 80 % reads, spread evenly over the campaign
//    dashboard, the activity list, the member roster, the organization tree, the campaign's
//    ratings page and the review queue (as admin, leader or a secretary where the page allows);
//    20 % writes: three in four record a concentrated study session with ~20 attendees through the
//    real server action (POST with Next-Action, multipart body as React sends it, "保存并提交"),
//    one in four approves a record submitted earlier in the run (approve action, as admin).
// 4. Afterwards every acknowledged recording (answered with a redirect to its record) must exist
//    exactly once under its idempotency key, with the id it was answered with, all its attendance
//    rows, a campaign link and its `activity.create` audit event; every acknowledged approval must
//    have left the record APPROVED with an `activity.approve` event. Exit code 1 on any error or
//    lost write.
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { todayInShanghai } from "../src/lib/format";
import {
  actionIds,
  approvalFields,
  callAction,
  cpuSeconds,
  lightRequest,
  login,
  percentile,
  recordIdFromRedirect,
  recordingFields,
  startApp,
} from "./lib/app-http";
import { readTenantInfo, type Recorder } from "./lib/tenant-info";
import { seedLarge } from "./seed-large";
import { startPostgres, type TestPostgres } from "../tests/setup/postgres";

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = flag(name);
  return v === undefined ? fallback : Number(v);
};
const RATE = num("rate", 20);
const DURATION_S = num("duration", 300);
const PORT = num("port", 3104);
const INSTANCES = num("instances", 1);
/** --print-slow MS: print every request slower than MS with the moment it was sent. */
const PRINT_SLOW_MS = flag("print-slow") ? num("print-slow", 1000) : null;
const SLUG = flag("slug") ?? "big";
const ATTENDEES = 20;
/** Per-request timeout: generous in the warm-up (first evaluations are slow), 30 s under load. */
let TIMEOUT_MS = 180_000;

type Kind =
  "dashboard" | "activities" | "members" | "orgs" | "ratings" | "review" | "record" | "approve";
const READS: Kind[] = ["dashboard", "activities", "members", "orgs", "ratings", "review"];
type Sample = { kind: Kind; ms: number; ok: boolean; detail?: string };

/** A small deterministic PRNG, so two runs send the same sequence. */
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

async function main() {
  let cluster: TestPostgres | undefined;
  let adminUrl = flag("admin-url");
  let appUrl = flag("app-url");
  if (!adminUrl || !appUrl) {
    cluster = await startPostgres({ durable: true });
    const c = new pg.Client({ connectionString: cluster.adminUrl() });
    await c.connect();
    await c.query("CREATE DATABASE party_load");
    await c.end();
    adminUrl = cluster.adminUrl("party_load");
    appUrl = cluster.appUrl("party_load");
    const seeded = await seedLarge(adminUrl, {
      members: num("members", 20000),
      branchScale: num("branch-scale", 15),
      secretaries: num("recorders", 40),
      slug: SLUG,
      log: (m) => console.log(`seed: ${m}`),
    });
    console.log(`seed: done in ${seeded.seconds.toFixed(1)} s`);
  }
  const info = await readTenantInfo(adminUrl, SLUG);
  const ids = actionIds();
  const recordAction = ids.get("createActivityAction");
  const approveAction = ids.get("approveActivityAction");
  if (!recordAction || !approveAction) throw new Error("action ids not in the build's manifest");

  // --instances N: N app processes on PORT, PORT+1, …, the requests spread over them in turn, as a
  // load balancer in front of stateless instances would (docs/scaling.md).
  const apps = await Promise.all(
    Array.from({ length: INSTANCES }, (_, i) =>
      startApp({
        databaseUrl: appUrl,
        port: PORT + i,
        env: {
          ...(flag("pool") ? { DATABASE_POOL_SIZE: flag("pool")! } : {}),
          ...(flag("node-options") ? { NODE_OPTIONS: flag("node-options")! } : {}),
        },
        ...(flag("server-log") ? { logFile: flag("server-log")! } : {}),
        // --cpu-prof DIR: each instance writes a V8 CPU profile there when it stops.
        ...(flag("cpu-prof")
          ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${flag("cpu-prof")}`] }
          : {}),
      }),
    ),
  );
  // --balance: how requests are spread over the instances. `least-open` (the default) sends each
  // to the instance with the fewest requests open, as a least-connections balancer (nginx
  // least_conn, HAProxy leastconn) does, so an instance busy refreshing its figures gets fewer;
  // `round-robin` sends them in turn whatever their state.
  const balance = flag("balance") ?? "least-open";
  if (balance !== "least-open" && balance !== "round-robin")
    throw new Error("--balance is least-open or round-robin");
  const openAt = apps.map(() => 0);
  let turn = 0;
  const onInstance = async <T>(send: (base: string) => Promise<T>): Promise<T> => {
    let i = turn++ % apps.length;
    if (balance === "least-open")
      for (let j = 0; j < apps.length; j++) {
        const k = (turn + j) % apps.length;
        if (openAt[k]! < openAt[i]!) i = k;
      }
    openAt[i]!++;
    try {
      return await send(apps[i]!.base);
    } finally {
      openAt[i]!--;
    }
  };
  try {
    const base = apps[0]!.base;
    const adminCookie = await login(base, SLUG, "admin", "demo1234");
    const leaderCookie = await login(base, SLUG, "leader", "demo1234");
    const recorders: (Recorder & { cookie: string })[] = [];
    for (const r of info.recorders.filter((x) => x.memberIds.length >= 2)) {
      recorders.push({ ...r, cookie: await login(base, SLUG, r.username, "demo1234") });
    }
    if (recorders.length === 0) throw new Error("no secretary logins sec1…secN in this university");
    console.log(`load: ${recorders.length} secretaries logged in, campaign ${info.campaignId}`);

    const rng = mulberry32(20261121);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    const today = todayInShanghai();
    const acknowledged = new Map<string, { id: string; attendees: number; username: string }>();
    const unacknowledged: string[] = [];
    const toApprove: string[] = [];
    const approved: string[] = [];
    let recorderTurn = 0;
    // The ratings page of a campaign redirects to its current year: ask once, then go there.
    const ratingsRes = await fetch(`${base}/ratings/${info.campaignId}`, {
      redirect: "manual",
      headers: { cookie: adminCookie },
    });
    await ratingsRes.arrayBuffer();
    const ratingsPath = ratingsRes.headers.get("location") ?? `/ratings/${info.campaignId}`;

    const read = async (kind: Kind): Promise<Omit<Sample, "ms">> => {
      let path: string;
      let cookie = adminCookie;
      switch (kind) {
        case "dashboard":
          path = `/dashboard?campaignId=${info.campaignId}`;
          cookie = rng() < 0.5 ? adminCookie : leaderCookie;
          break;
        case "activities":
          path = "/activities";
          cookie = rng() < 0.5 ? adminCookie : pick(recorders).cookie;
          break;
        case "members":
          path = rng() < 0.5 ? "/members" : `/members?page=${1 + Math.floor(rng() * 20)}`;
          cookie = rng() < 0.7 ? adminCookie : pick(recorders).cookie;
          break;
        case "orgs":
          path = "/orgs";
          break;
        case "ratings":
          path = ratingsPath;
          cookie = rng() < 0.5 ? adminCookie : leaderCookie;
          break;
        default:
          path = "/activities/review";
      }
      const res = await onInstance((base) =>
        lightRequest(`${base}${path}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        }),
      );
      return res.status === 200
        ? { kind, ok: true }
        : { kind, ok: false, detail: `${path}: HTTP ${res.status}` };
    };

    const record = async (): Promise<Omit<Sample, "ms">> => {
      const r = recorders[recorderTurn++ % recorders.length]!;
      const key = randomUUID();
      const attendees = r.memberIds.slice(0, ATTENDEES);
      const res = await onInstance((base) =>
        callAction(
          base,
          "/activities/new",
          recordAction,
          r.cookie,
          recordingFields({
            idempotencyKey: key,
            orgId: r.branchId,
            date: today,
            topic: `集中学习（压力测试 ${key.slice(0, 8)}）`,
            attendees,
          }),
          AbortSignal.timeout(TIMEOUT_MS),
        ),
      );
      const id = recordIdFromRedirect(res.redirect);
      if (res.status === 200 && id) {
        acknowledged.set(key, { id, attendees: attendees.length, username: r.username });
        toApprove.push(id);
        return { kind: "record", ok: true };
      }
      unacknowledged.push(key);
      return {
        kind: "record",
        ok: false,
        detail: `record: HTTP ${res.status} ${res.body.slice(0, 200)}`,
      };
    };

    const approve = async (id: string): Promise<Omit<Sample, "ms">> => {
      const res = await onInstance((base) =>
        callAction(
          base,
          "/activities/review",
          approveAction,
          adminCookie,
          approvalFields(id),
          AbortSignal.timeout(TIMEOUT_MS),
        ),
      );
      if (res.status === 200 && res.body.includes('"ok":true')) {
        approved.push(id);
        return { kind: "approve", ok: true };
      }
      return {
        kind: "approve",
        ok: false,
        detail: `approve: HTTP ${res.status} ${res.body.slice(0, 200)}`,
      };
    };

    const send = (kind: Kind): Promise<Omit<Sample, "ms">> => {
      if (kind === "record") return record();
      if (kind === "approve") {
        const id = toApprove.shift();
        return id ? approve(id) : record();
      }
      return read(kind);
    };

    // Warm-up: every page once, one recording, one approval, one after the other, on every
    // instance; their times (an idle server, caches warm after the first) are printed for reference.
    for (let round = 0; round < 2 * apps.length; round++) {
      const line: string[] = [];
      for (const k of [...READS, "record", "approve"] as Kind[]) {
        turn = round % apps.length;
        const t0 = performance.now();
        const s = await send(k);
        line.push(`${k} ${Math.round(performance.now() - t0)} ms${s.ok ? "" : ` (${s.detail})`}`);
      }
      console.log(`warm-up ${round + 1}: ${line.join(", ")}`);
    }

    TIMEOUT_MS = 30_000;
    const total = Math.round(RATE * DURATION_S);
    const kinds: Kind[] = [];
    for (let k = 0; k < total; k++) {
      const x = rng();
      kinds.push(
        x < 0.8 ? READS[Math.floor((x / 0.8) * READS.length)]! : x < 0.95 ? "record" : "approve",
      );
    }
    const samples: Sample[] = [];
    const loads: number[] = [];
    const loadTimer = setInterval(() => loads.push(loadavg()[0]!), 5000);
    loads.push(loadavg()[0]!);
    // Where the CPU goes during the run: the app instances, this client, PostgreSQL (by command).
    const cpu = () => ({
      app: apps.reduce((t, a) => t + cpuSeconds({ pgid: a.child.pid! }), 0),
      client: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      db: cpuSeconds({ command: /^postgres$/ }),
    });
    const cpuAtStart = cpu();
    const start = performance.now();
    const inflight: Promise<void>[] = [];
    let maxInflight = 0;
    let open = 0;
    console.log(`load: ${total} requests at ${RATE}/s for ${DURATION_S} s`);
    for (let k = 0; k < total; k++) {
      const due = start + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const kind = kinds[k]!;
      open++;
      maxInflight = Math.max(maxInflight, open);
      // A hard deadline besides the fetch's abort signal: a request must never keep the run open.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<Omit<Sample, "ms">>((resolve) => {
        timer = setTimeout(
          () => resolve({ kind, ok: false, detail: `${kind}: no answer within the deadline` }),
          TIMEOUT_MS + 5000,
        );
      });
      inflight.push(
        Promise.race([send(kind).finally(() => clearTimeout(timer)), deadline])
          .catch((e: unknown) => ({
            kind,
            ok: false,
            detail: `${kind}: ${e instanceof Error ? e.message : String(e)}`,
          }))
          .then((s) => {
            open--;
            const took = performance.now() - due;
            if (PRINT_SLOW_MS !== null && took > PRINT_SLOW_MS)
              console.log(
                `slow: sent at ${((due - start) / 1000).toFixed(1)} s, ${kind}, ${Math.round(took)} ms`,
              );
            samples.push({
              ...s,
              kind: kind === "approve" ? s.kind : kind,
              ms: performance.now() - due,
            });
          }),
      );
      if (k > 0 && k % (RATE * 30) === 0)
        console.log(
          `load: ${Math.round((performance.now() - start) / 1000)} s, ${open} open, load ${loadavg()[0]!.toFixed(2)}`,
        );
    }
    await Promise.all(inflight);
    const cpuAtEnd = cpu();
    clearInterval(loadTimer);
    loads.push(loadavg()[0]!);
    const elapsed = (performance.now() - start) / 1000;

    // --- check the writes -------------------------------------------------------------
    const db = new pg.Client({ connectionString: adminUrl });
    await db.connect();
    const problems: string[] = [];
    const keys = [...acknowledged.keys()];
    const found = await db.query<{
      key: string;
      id: string;
      n: string;
      att: string;
      links: string;
      audits: string;
    }>(
      `SELECT a."idempotencyKey" AS key, min(a.id::text) AS id, count(*) AS n,
              (SELECT count(*) FROM "ActivityAttendance" t WHERE t."tenantId" = $1 AND t."activityId" = min(a.id::text)::uuid) AS att,
              (SELECT count(*) FROM "ActivityCampaign" l WHERE l."tenantId" = $1 AND l."activityId" = min(a.id::text)::uuid) AS links,
              (SELECT count(*) FROM "AuditEvent" e WHERE e."tenantId" = $1 AND e."entityType" = 'Activity'
                  AND e."entityId" = min(a.id::text) AND e.action = 'activity.create') AS audits
         FROM "Activity" a WHERE a."tenantId" = $1 AND a."idempotencyKey" = ANY($2::text[])
        GROUP BY a."idempotencyKey"`,
      [info.tenantId, keys],
    );
    const byKey = new Map(found.rows.map((r) => [r.key, r]));
    for (const [key, ack] of acknowledged) {
      const row = byKey.get(key);
      if (!row) problems.push(`lost: ${key}`);
      else if (Number(row.n) !== 1) problems.push(`duplicated: ${key} ×${row.n}`);
      else if (row.id !== ack.id) problems.push(`other id: ${key}`);
      else if (Number(row.att) !== ack.attendees)
        problems.push(`attendance ${row.att}/${ack.attendees}: ${key}`);
      else if (Number(row.links) < 1) problems.push(`no campaign link: ${key}`);
      else if (Number(row.audits) !== 1) problems.push(`audit events ${row.audits}: ${key}`);
    }
    const appr = await db.query<{ id: string; status: string; audits: string }>(
      `SELECT a.id::text AS id, a.status::text AS status,
              (SELECT count(*) FROM "AuditEvent" e WHERE e."tenantId" = $1 AND e."entityId" = a.id::text
                  AND e.action = 'activity.approve') AS audits
         FROM "Activity" a WHERE a."tenantId" = $1 AND a.id = ANY($2::uuid[])`,
      [info.tenantId, approved],
    );
    if (appr.rows.length !== approved.length)
      problems.push(`approved records missing: ${approved.length - appr.rows.length}`);
    for (const r of appr.rows) {
      if (r.status !== "APPROVED" || Number(r.audits) !== 1)
        problems.push(`approval of ${r.id}: status ${r.status}, ${r.audits} events`);
    }
    const unackFound = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Activity" WHERE "tenantId" = $1 AND "idempotencyKey" = ANY($2::text[])`,
      [info.tenantId, unacknowledged],
    );
    await db.end();

    // --- report ---------------------------------------------------------------------------
    const stats = (pred: (s: Sample) => boolean) => {
      const xs = samples.filter(pred);
      const ms = xs.map((s) => s.ms).sort((a, b) => a - b);
      return {
        requests: xs.length,
        errors: xs.filter((s) => !s.ok).length,
        p50: Math.round(percentile(ms, 50)),
        p95: Math.round(percentile(ms, 95)),
        p99: Math.round(percentile(ms, 99)),
        max: Math.round(ms[ms.length - 1] ?? NaN),
      };
    };
    const isRead = (s: Sample) => READS.includes(s.kind);
    const rows: Record<string, ReturnType<typeof stats>> = {
      reads: stats(isRead),
      writes: stats((s) => !isRead(s)),
    };
    for (const k of [...READS, "record", "approve"] as Kind[]) rows[k] = stats((s) => s.kind === k);
    console.log(
      `\nload: ${samples.length} requests in ${elapsed.toFixed(1)} s (${(samples.length / elapsed).toFixed(2)}/s offered), at most ${maxInflight} open at once`,
    );
    console.log("kind        requests errors    p50    p95    p99    max (ms)");
    for (const [k, s] of Object.entries(rows))
      console.log(
        `${k.padEnd(11)} ${String(s.requests).padStart(8)} ${String(s.errors).padStart(6)} ${String(s.p50).padStart(6)} ${String(s.p95).padStart(6)} ${String(s.p99).padStart(6)} ${String(s.max).padStart(6)}`,
      );
    const used = {
      app: cpuAtEnd.app - cpuAtStart.app,
      client: cpuAtEnd.client - cpuAtStart.client,
      db: cpuAtEnd.db - cpuAtStart.db,
    };
    console.log(
      `CPU during the run: app instances ${used.app.toFixed(1)} s (${((1000 * used.app) / samples.length).toFixed(1)} ms per request), ` +
        `this client ${used.client.toFixed(1)} s, PostgreSQL ${used.db.toFixed(1)} s; ` +
        `${((used.app + used.client + used.db) / elapsed).toFixed(2)} of the machine's cores on average`,
    );
    const la = loads.sort((a, b) => a - b);
    console.log(
      `load average (1 min) during the run: min ${la[0]!.toFixed(2)}, median ${percentile(la, 50).toFixed(2)}, max ${la[la.length - 1]!.toFixed(2)}`,
    );
    console.log(
      `writes: ${acknowledged.size} recordings acknowledged, ${approved.length} approvals acknowledged, ` +
        `${unacknowledged.length} recordings not acknowledged (${unackFound.rows[0]?.n ?? 0} of them present anyway)`,
    );
    const errors = samples.filter((s) => !s.ok);
    for (const e of errors.slice(0, 10)) console.log(`error: ${e.detail}`);
    console.log(`lost or damaged writes: ${problems.length}`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
    process.exitCode = errors.length > 0 || problems.length > 0 ? 1 : 0;
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    if (cluster) cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
