#!/usr/bin/env node
// `npm run demo`: from a fresh checkout to a running demo in one command.
//
//   1. npm install, when node_modules is missing or older than package-lock.json
//   2. prisma generate (offline: scripts/prisma-generate.mjs)
//   3. migrations and demo data (prisma/seed.ts --migrate): the embedded PGlite database in
//      PGLITE_DIR (default .data/pglite) when DATABASE_URL is unset, else that PostgreSQL
//      (MIGRATE_DATABASE_URL, when set, is the owner role used for migrations and seeding)
//   4. NEXTAUTH_SECRET: kept in .data/secret, created once
//   5. next build, unless .next/BUILD_ID is newer than every source file (DEMO_REBUILD=1 forces it)
//   6. next start -p PORT (default 3000), then a banner with the URL and the demo logins
//
// Plain Node with no dependencies: it runs before node_modules exists.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data");
const PORT = Number(process.env.PORT || 3000);
const IS_WINDOWS = process.platform === "win32";

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (message) => console.log(`\x1b[36m[demo]\x1b[0m ${message}`);
const fail = (message) => {
  console.error(`\x1b[31m[demo] ${message}\x1b[0m`);
  process.exit(1);
};

// The child currently running, so Ctrl-C and SIGTERM reach it and we exit with it.
let current = null;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (current && current.exitCode === null && current.signalCode === null) {
      current.kill(signal);
    } else {
      process.exit(130);
    }
  });
}

/** Runs a command with inherited stdio; resolves when it succeeds, exits the demo when it fails. */
function run(command, args, { env = process.env, label = command } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env,
      stdio: "inherit",
      shell: IS_WINDOWS && command.endsWith(".cmd"),
    });
    current = child;
    child.on("error", (error) => fail(`${label}: ${error.message}`));
    child.on("exit", (code, signal) => {
      current = null;
      if (stopping) process.exit(code ?? 130);
      if (code === 0) resolve();
      else fail(`${label} failed (${signal ?? `exit code ${code}`})`);
    });
  });
}

/** A binary of node_modules/.bin. */
function bin(name) {
  return path.join(ROOT, "node_modules", ".bin", IS_WINDOWS ? `${name}.cmd` : name);
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of any file under `dir` (skipping `skip` folders). */
function newestUnder(dir, skip) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(full)) newest = Math.max(newest, newestUnder(full, skip));
    } else {
      newest = Math.max(newest, mtime(full));
    }
  }
  return newest;
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

async function main() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node ${process.versions.node} is too old: 20.19 or newer is needed`);
  if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535)
    fail(`PORT=${process.env.PORT} is not a port number`);
  if (await portAnswers(PORT))
    fail(`something already listens on port ${PORT}: stop it, or run PORT=3005 npm run demo`);

  // 1. Dependencies.
  const installedLock = path.join(ROOT, "node_modules", ".package-lock.json");
  if (
    !existsSync(path.join(ROOT, "node_modules")) ||
    mtime(path.join(ROOT, "package-lock.json")) > mtime(installedLock)
  ) {
    say("installing dependencies (npm install) ...");
    const t = Date.now();
    await run(IS_WINDOWS ? "npm.cmd" : "npm", ["install", "--no-audit", "--no-fund"], {
      label: "npm install",
    });
    say(`dependencies installed in ${seconds(Date.now() - t)}`);
  }

  // 2. The Prisma client.
  say("generating the Prisma client ...");
  await run(process.execPath, [path.join(ROOT, "scripts", "prisma-generate.mjs")], {
    label: "prisma generate",
  });

  // 3. Database: migrations and demo data.
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  if (process.env.DATABASE_URL) {
    const target = process.env.MIGRATE_DATABASE_URL ? "MIGRATE_DATABASE_URL" : "DATABASE_URL";
    say(`database: PostgreSQL (DATABASE_URL); migrations and demo data through ${target}`);
  } else {
    env.PGLITE_DIR = path.resolve(ROOT, process.env.PGLITE_DIR || path.join(".data", "pglite"));
    const fresh = !existsSync(path.join(env.PGLITE_DIR, "PG_VERSION"));
    say(
      `database: embedded PGlite in ${path.relative(ROOT, env.PGLITE_DIR) || env.PGLITE_DIR} ` +
        `(${fresh ? "new: creating it takes a few seconds" : "existing"}; set DATABASE_URL to use PostgreSQL instead)`,
    );
  }
  {
    const t = Date.now();
    // One process for both, so the PGlite database is opened once; it is closed before next start
    // (PGlite allows one process at a time).
    await run(bin("tsx"), [path.join("prisma", "seed.ts"), "--migrate"], {
      env,
      label: "migrations and seed",
    });
    say(`database ready in ${seconds(Date.now() - t)}`);
  }

  // 4. The session secret, created once.
  let secret = process.env.NEXTAUTH_SECRET;
  if (!secret) {
    const secretFile = path.join(DATA_DIR, "secret");
    if (existsSync(secretFile)) secret = readFileSync(secretFile, "utf8").trim();
    if (!secret || secret.length < 32) {
      secret = randomBytes(32).toString("base64url");
      mkdirSync(DATA_DIR, { recursive: true });
      writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
      say(`created a session secret in ${path.relative(ROOT, secretFile)}`);
    }
  }

  // 5. Build, when any source is newer than the last build.
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const skip = new Set([path.join(ROOT, "src", "generated")]);
  const newestSource = Math.max(
    newestUnder(path.join(ROOT, "app"), skip),
    newestUnder(path.join(ROOT, "src"), skip),
    newestUnder(path.join(ROOT, "public"), skip),
    mtime(path.join(ROOT, "prisma", "schema.prisma")),
    ...[
      "next.config.ts",
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "postcss.config.mjs",
      "proxy.ts",
      "middleware.ts",
      "instrumentation.ts",
    ].map((f) => mtime(path.join(ROOT, f))),
  );
  if (process.env.DEMO_REBUILD === "1" || mtime(buildId) <= newestSource) {
    say("building the application (next build) ...");
    const t = Date.now();
    await run(bin("next"), ["build"], {
      env: { ...env, NEXTAUTH_SECRET: secret },
      label: "next build",
    });
    say(`built in ${seconds(Date.now() - t)}`);
  } else {
    say("the last build is up to date: skipping next build (DEMO_REBUILD=1 forces it)");
  }

  // 6. Start, wait for the port, print the banner.
  const url = `http://localhost:${PORT}`;
  say(`starting the server on port ${PORT} ...`);
  const server = spawn(bin("next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    // Reminders and digests run inside the app: the embedded database allows one process.
    env: {
      ...env,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      RUN_JOBS_IN_PROCESS: process.env.RUN_JOBS_IN_PROCESS ?? "1",
    },
    stdio: "inherit",
    shell: IS_WINDOWS,
  });
  current = server;
  server.on("error", (error) => fail(`next start: ${error.message}`));
  server.on("exit", (code, signal) => {
    if (stopping) process.exit(code ?? 0);
    fail(`the server stopped (${signal ?? `exit code ${code}`})`);
  });

  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/login`, {
        redirect: "manual",
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status >= 500)
        say(`warning: ${url}/login answered ${response.status}; see the server log above`);
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) fail(`the server did not answer on port ${PORT} within 2 minutes`);
    await new Promise((r) => setTimeout(r, 300));
  }
  printBanner(url, Date.now() - started, env.PGLITE_DIR);
}

function printBanner(url, ms, pgliteDir) {
  const logins = [
    [
      "admin",
      "组织部管理员 ORG_ADMIN",
      "the whole school: every organization, member and login; manages them",
    ],
    [
      "leader",
      "院领导 LEADER",
      "计算机科学与技术学院党委 and everything under it (dashboards, ratings)",
    ],
    [
      "secretary",
      "支部书记 SECRETARY",
      "计算机科学与技术学院教工第一党支部: its members and records",
    ],
    ["member", "党员 MEMBER", "their own record and progress in that branch"],
    ["inspector", "督查组 INSPECTOR", "reads everything in the school, comments, spot-checks"],
    ["dept", "宣传部 department staff", "宣传部's tasks and practical-matters items"],
  ];
  const pad = (s, n) =>
    s +
    " ".repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const line = "=".repeat(96);
  const rows = logins.map(
    ([user, role, sees]) => `  ${pad(user, 10)} ${pad("demo1234", 9)} ${pad(role, 24)} ${sees}`,
  );
  console.log(
    [
      "",
      line,
      `  The demo is running:  ${url}/login        (ready in ${seconds(ms)}; Ctrl-C stops it)`,
      "",
      "  School code (学校代码): demo   (演示大学, about 2,000 members)",
      "",
      `  ${pad("username", 10)} ${pad("password", 9)} ${pad("role", 24)} sees`,
      ...rows,
      "",
      "  Tenant isolation: school code  other  (示例理工大学) with  admin / demo1234  sees only that school.",
      pgliteDir
        ? `  Data: ${path.relative(ROOT, pgliteDir) || pgliteDir} (embedded PGlite; delete .data/ to start over).`
        : "  Data: the PostgreSQL database of DATABASE_URL.",
      line,
      "",
    ].join("\n"),
  );
}

main().catch((error) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
