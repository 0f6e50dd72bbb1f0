import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { appliedMigrations } from "./tenant-tables";

/**
 * Whole-database backup and restore: pg_dump in its custom format (every tenant, the
 * migration history, grants and row-level-security policies) plus a tar of the evidence
 * folder, side by side in one backup folder with a manifest. See docs/backup.md.
 *
 *   <dir>/database.dump   pg_dump --format=custom
 *   <dir>/evidence.tar    the evidence store (EVIDENCE_DIR), when there is one
 *   <dir>/manifest.json   when, which migrations, sizes and SHA-256 of both files
 */

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

function tool(name: string): string {
  const candidate = path.join(PG_BIN, name);
  return existsSync(candidate) ? candidate : name;
}

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0)
    throw new Error(
      `${path.basename(cmd)} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
}

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

export type BackupManifest = {
  format: "party-database-backup";
  version: 1;
  createdAt: string;
  migrations: string[];
  database: { file: string; bytes: number; sha256: string };
  evidence: { file: string; bytes: number; sha256: string; files: number } | null;
};

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

export async function backupDatabase(options: {
  adminUrl: string;
  outDir: string;
  evidenceDir?: string;
}): Promise<BackupManifest> {
  await mkdir(options.outDir, { recursive: true });
  if (existsSync(path.join(options.outDir, "manifest.json")))
    throw new Error(`${options.outDir} already holds a backup`);
  const dump = path.join(options.outDir, "database.dump");
  run(tool("pg_dump"), ["--format=custom", "--no-owner", `--file=${dump}`, options.adminUrl]);
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  const migrations = await appliedMigrations(client).finally(() => client.end());

  let evidence: BackupManifest["evidence"] = null;
  if (options.evidenceDir && existsSync(options.evidenceDir)) {
    const tar = path.join(options.outDir, "evidence.tar");
    run("tar", ["-C", options.evidenceDir, "-cf", tar, "."]);
    evidence = {
      file: "evidence.tar",
      bytes: (await readFile(tar)).byteLength,
      sha256: await sha256(tar),
      files: await countFiles(options.evidenceDir),
    };
  }
  const manifest: BackupManifest = {
    format: "party-database-backup",
    version: 1,
    createdAt: new Date().toISOString(),
    migrations,
    database: {
      file: "database.dump",
      bytes: (await readFile(dump)).byteLength,
      sha256: await sha256(dump),
    },
    evidence,
  };
  await writeFile(
    path.join(options.outDir, "manifest.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return manifest;
}

/**
 * Restores a backup folder into an EMPTY database (create it first: createdb, or CREATE
 * DATABASE) and the evidence tar into `evidenceDir`. The files are checked against the
 * manifest's SHA-256 first; the application role is created when the cluster lacks it (roles
 * live outside databases), since the dump's grants name it.
 */
export async function restoreDatabase(options: {
  adminUrl: string;
  inDir: string;
  evidenceDir?: string;
}): Promise<BackupManifest> {
  const manifest = JSON.parse(
    await readFile(path.join(options.inDir, "manifest.json"), "utf8"),
  ) as BackupManifest;
  if (manifest.format !== "party-database-backup") throw new Error("not a database backup");
  const dump = path.join(options.inDir, manifest.database.file);
  if ((await sha256(dump)) !== manifest.database.sha256)
    throw new Error(`${dump} does not match its manifest (damaged or replaced)`);

  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    const tables = await client.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (tables.rows[0].n > 0)
      throw new Error("the target database is not empty: restore into a freshly created database");
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'party_app') THEN
        CREATE ROLE party_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF; END $$`);
  } finally {
    await client.end();
  }
  run(tool("pg_restore"), [
    "--exit-on-error",
    "--no-owner",
    "--single-transaction",
    `--dbname=${options.adminUrl}`,
    dump,
  ]);
  // A catalog flag set by a migration that no dump carries (prisma/sql/enum-eq-leakproof.sql):
  // without it enum filters cannot use indexes under row-level security.
  const after = new pg.Client({ connectionString: options.adminUrl });
  await after.connect();
  try {
    await after.query(`DO $$ BEGIN
      ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF;
    EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`);
  } finally {
    await after.end();
  }

  if (manifest.evidence) {
    if (!options.evidenceDir)
      throw new Error("the backup holds evidence files: give the folder to restore them into");
    const tar = path.join(options.inDir, manifest.evidence.file);
    if ((await sha256(tar)) !== manifest.evidence.sha256)
      throw new Error(`${tar} does not match its manifest (damaged or replaced)`);
    await mkdir(options.evidenceDir, { recursive: true });
    // Content-addressed files: extracting over an existing store only adds what is missing.
    run("tar", ["-C", options.evidenceDir, "-xf", tar]);
  }
  return manifest;
}
