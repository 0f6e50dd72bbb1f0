// Serial page times on the large university (docs/performance.md, "Load", fourth round): one
// `next start` of the existing build, logged in as the admin, each page requested N times one
// after another (after three warm-up requests of every page); prints the status, size, median and p90 per page.
// The per-request floor of a server-rendered page is read from the lightest one, the home page.
//
// Run: npx tsx bench/page-times.ts --admin-url URL --app-url URL [--slug big] [--runs 40]
//                                  [--port 3105] [--cpu-prof DIR] [paths…]
// Paths default to the load run's reads; "CID" in a path stands for the campaign the load run reads.
import { cpuSeconds, login, startApp } from "./lib/app-http";
import { readTenantInfo } from "./lib/tenant-info";

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const adminUrl = flag("admin-url");
const appUrl = flag("app-url");
if (!adminUrl || !appUrl)
  throw new Error(
    "--admin-url and --app-url are required (bench/seed-large.ts --keep prints them)",
  );
const SLUG = flag("slug") ?? "big";
const RUNS = Number(flag("runs") ?? 40);
const PORT = Number(flag("port") ?? 3105);
const CPU_PROF = flag("cpu-prof");
const withValue = new Set(["--admin-url", "--app-url", "--slug", "--runs", "--port", "--cpu-prof"]);
const paths = argv.filter((a, i) => !a.startsWith("--") && !withValue.has(argv[i - 1] ?? ""));
const pages = paths.length
  ? paths
  : [
      "/",
      "/activities",
      "/members",
      "/orgs",
      "/activities/review",
      "/dashboard?campaignId=CID",
      "/ratings/CID",
    ];

// --cpu-prof DIR: the server writes a V8 CPU profile there when it stops.
const app = await startApp({
  databaseUrl: appUrl,
  port: PORT,
  ...(CPU_PROF ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF}`] } : {}),
});
try {
  const cookie = await login(app.base, SLUG, "admin", "demo1234");
  const info = await readTenantInfo(adminUrl, SLUG);
  const hit = async (p: string) => {
    const t = performance.now();
    let res = await fetch(app.base + p, { headers: { cookie }, redirect: "manual" });
    // The ratings page redirects to its current year: follow it, as a browser would.
    if (res.status === 307 || res.status === 308) {
      await res.arrayBuffer();
      res = await fetch(new URL(res.headers.get("location")!, app.base), { headers: { cookie } });
    }
    const bytes = (await res.arrayBuffer()).byteLength;
    return { ms: performance.now() - t, status: res.status, bytes };
  };
  const resolved = pages.map((p) => p.replace("CID", info.campaignId));
  // Warm-up first for every page: the first dashboard and ratings requests compute the campaign's
  // figures, and the code of each page is compiled on its first requests.
  for (const page of resolved) for (let i = 0; i < 3; i++) await hit(page);
  for (const page of resolved) {
    const times: number[] = [];
    let last = { status: 0, bytes: 0 };
    const cpuBefore = cpuSeconds({ pgid: app.child.pid! });
    for (let i = 0; i < RUNS; i++) {
      const r = await hit(page);
      times.push(r.ms);
      last = r;
    }
    const cpuMs = ((cpuSeconds({ pgid: app.child.pid! }) - cpuBefore) * 1000) / RUNS;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    console.log(
      `${page}: HTTP ${last.status}, ${last.bytes} bytes, median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, server CPU ${cpuMs.toFixed(1)} ms/request`,
    );
  }
} finally {
  await app.stop();
}
