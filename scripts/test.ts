/**
 * `npm test`: unit, integration and end-to-end tests against real parts.
 *
 * Starts one throwaway PostgreSQL 15 cluster (tests/setup/postgres.ts), runs vitest (unit +
 * integration; each integration file clones its own database from a migrated template), then
 * seeds a database with the demo university, builds the app and runs Playwright in Debian's
 * Chromium against `next start`. The cluster is stopped and deleted at the end, pass or fail.
 *
 * First of all, `npm audit --audit-level=high`: a high or critical advisory against any installed
 * package fails the run. When the registry's advisory service cannot be reached, a warning says
 * so and the tests go on (docs/security.md). SKIP_AUDIT=1 skips it.
 *
 * SKIP_E2E=1 skips the browser part; SKIP_VITEST=1 the unit and integration part; SKIP_BUILD=1
 * reuses the last `next build`. Extra arguments go to vitest (e.g. `npm test -- orgs`), or to
 * Playwright when SKIP_VITEST=1.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cloneTemplate, prepareTemplate } from "../tests/setup/databases";
import { runNpmAudit } from "./npm-audit";
import { startPostgres } from "../tests/setup/postgres";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

async function main(): Promise<void> {
  runNpmAudit(env);
  if (!process.env.SKIP_E2E && !existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    throw new Error(
      "Chromium is missing: run `apt-get install -y chromium` (or .ci/run), or set SKIP_E2E=1",
    );
  }
  run("node", ["scripts/prisma-generate.mjs"]);
  const pg = await startPostgres();
  const stop = () => pg.stop();
  process.on("SIGINT", () => (stop(), process.exit(130)));
  process.on("SIGTERM", () => (stop(), process.exit(143)));
  try {
    const port = String(pg.port);
    if (!process.env.SKIP_VITEST)
      run("npx", ["vitest", "run", ...process.argv.slice(2)], { TEST_PG_PORT: port });
    if (process.env.SKIP_E2E) return;

    await prepareTemplate(pg.adminUrl);
    await cloneTemplate(pg.adminUrl, "e2e");
    run("npx", ["tsx", "prisma/seed.ts"], {
      MIGRATE_DATABASE_URL: pg.adminUrl("e2e"),
      DATABASE_URL: "",
    });
    if (!process.env.SKIP_BUILD) run("npx", ["next", "build"]);
    run("npx", ["playwright", "test", ...(process.env.SKIP_VITEST ? process.argv.slice(2) : [])], {
      E2E_DATABASE_URL: pg.appUrl("e2e"),
      E2E_ADMIN_DATABASE_URL: pg.adminUrl("e2e"),
    });
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
