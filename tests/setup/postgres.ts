import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL 15 cluster for tests: initdb into a temporary folder, start on a free
 * loopback port, stop and delete on `stop()`. PostgreSQL refuses to run as root, so when the
 * tests run as root the server runs as the `postgres` OS user (see docs/decisions/0005).
 */
export type TestPostgres = {
  port: number;
  adminUrl: (database?: string) => string;
  appUrl: (database: string) => string;
  stop: () => void;
  /** The cluster's data folder. */
  dataDir: string;
  /** `pg_ctl stop -m immediate`: the server dies as in a power cut (no checkpoint); files stay. */
  crash: () => void;
  /** Starts the server again on the same port and data folder (after `crash`). */
  restart: () => void;
};

export type StartPostgresOptions = {
  /**
   * fsync=on, synchronous_commit=on, full_page_writes=on: a committed transaction survives a
   * crash. Default false: test clusters live for one run and skip the flushes.
   */
  durable?: boolean;
  /** max_connections (default 200). */
  maxConnections?: number;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
};

export const APP_ROLE = "party_app";
export const APP_ROLE_PASSWORD = "party_app_test";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const root = mkdtempSync(path.join(tmpdir(), "party-pg-"));
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "server.log");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  const port = await freePort();

  const run = (cmd: string, args: string[]) => {
    const [c, a] = asPostgresUser(path.join(PG_BIN, cmd), args);
    const result = spawnSync(c, a, { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`${cmd} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };

  run("initdb", [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-locale",
    ...(options.durable ? [] : ["--no-sync"]),
  ]);
  // Durability off by default: test clusters live for one run. The load and crash-safety scripts
  // ask for a durable cluster, since surviving a crash is what they check.
  const durability = options.durable
    ? "-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
    : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const extra = Object.entries(options.settings ?? {})
    .map(([k, v]) => ` -c ${k}=${v}`)
    .join("");
  const start = () =>
    run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      logFile,
      "-w",
      "-t",
      "120",
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} ${durability} -c max_connections=${options.maxConnections ?? 200}${extra}`,
      "start",
    ]);
  start();

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already gone: nothing to stop.
    }
    rmSync(root, { recursive: true, force: true });
  };

  return {
    port,
    adminUrl: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    appUrl: (database) =>
      `postgresql://${APP_ROLE}:${APP_ROLE_PASSWORD}@127.0.0.1:${port}/${database}`,
    stop,
    dataDir,
    crash: () => run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
    restart: start,
  };
}
