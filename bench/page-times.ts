// Single-request times of the list pages and the two write paths over HTTP, one request at a
// time against `next start` (the existing build in .next) and a large university seeded by
// bench/seed-large.ts: the activity list, roster, organization tree and review queue as the
// admin and as a branch secretary, a recording ("保存并提交", whose answer renders the record's
// page) and an approval (whose answer re-renders the review queue). Prints the median and the
// size of each answer (docs/perf-lists.md).
//
// Run: npx tsx bench/page-times.ts --admin-url ADMIN_URL --app-url APP_URL [--port 3201]
//                                  [--runs 5] [--slug big]
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { todayInShanghai } from "../src/lib/format";
import {
  actionIds,
  callAction,
  login,
  recordIdFromRedirect,
  recordingFields,
  startApp,
} from "./lib/app-http";
import { readTenantInfo } from "./lib/tenant-info";

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(flag("runs") ?? 5);
const SLUG = flag("slug") ?? "big";

async function main() {
  const adminUrl = flag("admin-url");
  const appUrl = flag("app-url");
  if (!adminUrl || !appUrl) throw new Error("--admin-url and --app-url are required");
  const info = await readTenantInfo(adminUrl, SLUG);
  const ids = actionIds();
  const recordAction = ids.get("createActivityAction")!;
  const approveAction = ids.get("approveActivityAction")!;
  const app = await startApp({ databaseUrl: appUrl, port: Number(flag("port") ?? 3201) });
  try {
    const base = app.base;
    const admin = await login(base, SLUG, "admin", "demo1234");
    const recorder = info.recorders.find((r) => r.memberIds.length >= 2)!;
    const sec = await login(base, SLUG, recorder.username, "demo1234");
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const line = (name: string, times: number[], bytes: number) =>
      console.log(
        `${name.padEnd(34)} median ${median(times).toFixed(0).padStart(6)} ms  min ${Math.min(
          ...times,
        )
          .toFixed(0)
          .padStart(6)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KiB`,
      );
    const get = async (path: string, cookie: string) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= RUNS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}${path}`, { redirect: "manual", headers: { cookie } });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
        if (i > 0) times.push(performance.now() - t0); // the first is a warm-up
        bytes = body.byteLength;
      }
      return { times, bytes };
    };
    console.log(
      `load average before: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`,
    );
    for (const [who, cookie] of [
      ["admin", admin],
      [recorder.username, sec],
    ] as const) {
      for (const path of [
        "/activities",
        "/members",
        "/members?page=7",
        "/orgs",
        "/activities/review",
      ]) {
        if (path === "/activities/review" && who !== "admin") continue;
        const { times, bytes } = await get(path, cookie);
        line(`${who} ${path}`, times, bytes);
      }
    }
    const recorded: string[] = [];
    const rec: number[] = [];
    let recBytes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const key = randomUUID();
      const t0 = performance.now();
      const res = await callAction(
        base,
        "/activities/new",
        recordAction,
        sec,
        recordingFields({
          idempotencyKey: key,
          orgId: recorder.branchId,
          date: todayInShanghai(),
          topic: `集中学习（计时 ${key.slice(0, 8)}）`,
          attendees: recorder.memberIds.slice(0, 20),
        }),
      );
      const id = recordIdFromRedirect(res.redirect);
      if (!id) throw new Error(`record: HTTP ${res.status} ${res.body.slice(0, 200)}`);
      recorded.push(id);
      if (i > 0) rec.push(performance.now() - t0);
      recBytes = res.body.length;
    }
    line(`${recorder.username} record (保存并提交)`, rec, recBytes);
    const appr: number[] = [];
    let apprBytes = 0;
    for (const [i, id] of recorded.entries()) {
      const t0 = performance.now();
      const res = await callAction(base, "/activities/review", approveAction, admin, [
        ["id", id],
        ["version", "1"],
      ]);
      if (!res.body.includes('"ok":true')) throw new Error(`approve: ${res.body.slice(0, 200)}`);
      if (i > 0) appr.push(performance.now() - t0);
      apprBytes = res.body.length;
    }
    line("admin approve", appr, apprBytes);
    console.log(
      `load average after: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await app.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
