/**
 * Backups (docs/backup.md).
 *
 *   tsx scripts/backup.ts db-backup  <dir>                       whole database + evidence
 *   tsx scripts/backup.ts db-restore <dir>                       into an EMPTY database
 *   tsx scripts/backup.ts tenant-export <school code|id> <file>  one tenant (+ its evidence)
 *   tsx scripts/backup.ts tenant-import <file> [--replace]       into a migrated database
 *
 * Database: --url URL, else MIGRATE_DATABASE_URL, else DATABASE_URL. It must be the owner or
 * a superuser (the application role cannot read other tenants, by design).
 * Evidence folder: --evidence DIR, else EVIDENCE_DIR, else .data/evidence.
 */
import "dotenv/config";
import path from "node:path";
import { backupDatabase, restoreDatabase } from "../src/server/backup/database-backup";
import { exportTenant, importTenant } from "../src/server/backup/tenant-archive";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value) throw new Error(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

function flag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = args.shift();
  const url = option(args, "--url") ?? process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL;
  const evidenceDir = path.resolve(
    option(args, "--evidence") ?? process.env.EVIDENCE_DIR ?? ".data/evidence",
  );
  const replace = flag(args, "--replace");
  if (!url) throw new Error("no database: pass --url or set MIGRATE_DATABASE_URL / DATABASE_URL");
  const started = Date.now();
  switch (command) {
    case "db-backup": {
      const dir = args[0];
      if (!dir) throw new Error("usage: db-backup <dir>");
      const m = await backupDatabase({ adminUrl: url, outDir: path.resolve(dir), evidenceDir });
      console.log(
        `backed up the database (${m.database.bytes} bytes, ${m.migrations.length} migrations)` +
          (m.evidence ? ` and ${m.evidence.files} evidence files` : ", no evidence folder") +
          ` to ${dir}`,
      );
      break;
    }
    case "db-restore": {
      const dir = args[0];
      if (!dir) throw new Error("usage: db-restore <dir>");
      const m = await restoreDatabase({ adminUrl: url, inDir: path.resolve(dir), evidenceDir });
      console.log(
        `restored the backup of ${m.createdAt} (${m.migrations.length} migrations)` +
          (m.evidence ? `, ${m.evidence.files} evidence files into ${evidenceDir}` : ""),
      );
      break;
    }
    case "tenant-export": {
      const [tenant, file] = args;
      if (!tenant || !file) throw new Error("usage: tenant-export <school code|id> <file>");
      const s = await exportTenant({
        adminUrl: url,
        tenant,
        file: path.resolve(file),
        evidenceDir,
      });
      const rows = Object.values(s.counts).reduce((a, b) => a + b, 0);
      console.log(`exported ${s.tenant.slug}: ${rows} rows, ${s.files} evidence files to ${file}`);
      if (s.missingFiles.length > 0)
        console.warn(`warning: ${s.missingFiles.length} evidence files were not found on disk`);
      break;
    }
    case "tenant-import": {
      const [file] = args;
      if (!file) throw new Error("usage: tenant-import <file> [--replace]");
      const s = await importTenant({
        adminUrl: url,
        file: path.resolve(file),
        evidenceDir,
        replace,
      });
      const rows = Object.values(s.counts).reduce((a, b) => a + b, 0);
      console.log(`imported ${s.tenant.slug}: ${rows} rows, ${s.files} evidence files`);
      if (s.missingFiles.length > 0)
        console.warn(`warning: ${s.missingFiles.length} evidence files were missing at export`);
      break;
    }
    default:
      throw new Error("commands: db-backup, db-restore, tenant-export, tenant-import");
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
