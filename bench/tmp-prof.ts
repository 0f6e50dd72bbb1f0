import { login, startApp } from "./lib/app-http";
import { readTenantInfo } from "./lib/tenant-info";
const appUrl = process.argv[2]!;
const adminUrl = process.argv[3]!;
const paths = process.argv.slice(4);
const app = { base: "http://127.0.0.1:3199" }; void appUrl; void startApp;
const cookie = await login(app.base, "big", "admin", "demo1234");
const info = await readTenantInfo(adminUrl, "big");
const resolved = paths.map((p) => p.replace("CID", info.campaignId));
async function hit(p: string) {
  const t = performance.now();
  const r = await fetch(app.base + p, { headers: { cookie }, redirect: "manual" });
  const b = await r.arrayBuffer();
  return [performance.now() - t, r.status, b.byteLength] as const;
}
for (const p of resolved) for (let i = 0; i < 3; i++) await hit(p); // warm
for (const p of resolved) {
  const times: number[] = [];
  let size = 0, status = 0;
  for (let i = 0; i < 300; i++) { const [ms, s, n] = await hit(p); times.push(ms); size = n; status = s; }
  times.sort((a, b) => a - b);
  console.log(p, status, size, "median", times[150]!.toFixed(1), "p90", times[270]!.toFixed(1));
}

