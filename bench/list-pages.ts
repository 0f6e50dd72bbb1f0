// Timing of the data functions behind the list pages (activity list, roster, organization tree,
// review queue, a record's page) against an existing large university (bench/seed-large.ts), each
// called as the admin and as a branch secretary, sequentially, warm (docs/perf-lists.md).
//
// Run: DATABASE_URL=<app-role url> npx tsx bench/list-pages.ts --admin-url <superuser url>
//        [--slug big] [--runs 5]
import pg from "pg";
import { ActivityListQuery, ReviewQueueQuery } from "../src/lib/schemas/activity";
import { MemberRosterQuery } from "../src/lib/schemas/member";
import type { Actor } from "../src/server/authz/actor";
import { loadActor } from "../src/server/auth/load-actor";
import { listActivities } from "../src/server/data/activities/list-activities";
import { listActivityOrgs } from "../src/server/data/activities/recording-options";
import { listReviewQueue } from "../src/server/data/activities/list-review-queue";
import { getActivity } from "../src/server/data/activities/get-activity";
import { listMembers } from "../src/server/data/members/list-members";
import { listMemberOrgs } from "../src/server/data/members/list-member-orgs";
import { listOrgTree } from "../src/server/data/organizations/list-org-tree";

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SLUG = flag("slug") ?? "big";
const RUNS = Number(flag("runs") ?? 5);

async function main() {
  const url = process.env.DATABASE_URL;
  const adminUrl = flag("admin-url");
  if (!url || !adminUrl) throw new Error("DATABASE_URL (app role) and --admin-url are required");
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const tenant = await c.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [SLUG]);
  const tenantId = tenant.rows[0]?.id;
  if (!tenantId) throw new Error(`no tenant ${SLUG}`);
  const users = await c.query<{ id: string; username: string; sessionVersion: number }>(
    `SELECT id, username, "sessionVersion" FROM "User" WHERE "tenantId" = $1 AND username IN ('admin', 'sec1')`,
    [tenantId],
  );
  const recent = await c.query<{ id: string }>(
    `SELECT a.id FROM "Activity" a JOIN "User" u ON u."tenantId" = a."tenantId" AND u.id = a."recordedById"
      WHERE a."tenantId" = $1 AND u.username = 'sec1' ORDER BY a."createdAt" DESC LIMIT 1`,
    [tenantId],
  );
  await c.end();
  const actors: [string, Actor][] = [];
  const sessionVersions = new Map<string, number>();
  for (const name of ["admin", "sec1"]) {
    const u = users.rows.find((r) => r.username === name);
    const actor = u && (await loadActor(tenantId, u.id, u.sessionVersion));
    if (actor) {
      actors.push([name, actor]);
      sessionVersions.set(actor.userId, u.sessionVersion);
    }
  }
  const recordId = recent.rows[0]?.id;

  const cases: [string, (a: Actor) => Promise<unknown>][] = [
    ["activities p1", (a) => listActivities(a, ActivityListQuery.parse({}))],
    ["activities p50", (a) => listActivities(a, ActivityListQuery.parse({ page: "50" }))],
    ["activity filter orgs", (a) => listActivityOrgs(a, "read")],
    ["roster p1", (a) => listMembers(a, MemberRosterQuery.parse({}))],
    ["roster p17", (a) => listMembers(a, MemberRosterQuery.parse({ page: "17" }))],
    ["roster filter orgs", (a) => listMemberOrgs(a, "read")],
    ["org tree", (a) => listOrgTree(a)],
    ["review queue", (a) => listReviewQueue(a, ReviewQueueQuery.parse({}))],
    // What every request loads first (roles, departments and the unread count in one statement).
    ["actor", (a) => loadActor(a.tenantId, a.userId, sessionVersions.get(a.userId)!)],
    ...(recordId
      ? [
          ["record page", (a: Actor) => getActivity(a, recordId)] as [
            string,
            (a: Actor) => Promise<unknown>,
          ],
        ]
      : []),
  ];
  for (const [who, actor] of actors) {
    for (const [name, fn] of cases) {
      const times: number[] = [];
      let note = "";
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        try {
          const r = await fn(actor);
          if (i === 0 && r && typeof r === "object" && "total" in r)
            note = `total ${String((r as { total: unknown }).total)}`;
          if (i === 0 && Array.isArray(r)) note = `${r.length} rows`;
        } catch (e) {
          note = `error ${(e as Error).message.slice(0, 60)}`;
        }
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      const med = times[Math.floor(times.length / 2)]!;
      console.log(
        `${who.padEnd(6)} ${name.padEnd(22)} median ${med.toFixed(1).padStart(7)} ms  min ${times[0]!.toFixed(1).padStart(7)} ms  ${note}`,
      );
    }
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
