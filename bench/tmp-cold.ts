import { login } from "./lib/app-http";
import { readTenantInfo } from "./lib/tenant-info";
const base = "http://127.0.0.1:3199";
const cookie = await login(base, "big", "admin", "demo1234");
const info = await readTenantInfo(process.argv[2]!, "big");
for (const p of [`/dashboard?campaignId=${info.campaignId}`, `/ratings/${info.campaignId}`]) {
  const t = performance.now();
  let r = await fetch(base + p, { headers: { cookie }, redirect: "manual" });
  if (r.status === 307) { const loc = r.headers.get("location")!; await r.arrayBuffer(); r = await fetch(new URL(loc, base), { headers: { cookie } }); }
  const b = await r.arrayBuffer();
  console.log(p, r.status, b.byteLength, (performance.now() - t).toFixed(0), "ms");
}
await new Promise((r) => setTimeout(r, 8000));
