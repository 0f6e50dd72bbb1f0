import { createReadStream, createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { LocalDiskEvidenceStore } from "../evidence/evidence-store";
import { appliedMigrations, listTenantTables, quoteIdent } from "./tenant-tables";

/**
 * One tenant's archive: every row of that tenant in every tenant table, in foreign-key order,
 * and the evidence files its rows refer to, as gzipped JSON lines:
 *
 *   {"kind":"header", format, version, tenant, migrations, tables:[{name, columns}]}
 *   {"kind":"rows", table, rows:[…]}            (up to 500 rows a line, tables in FK order)
 *   {"kind":"file", sha256, data}               (base64 evidence bytes)
 *   {"kind":"end", counts:{table: n}, files: n, missingFiles:[…]}
 *
 * Rows are written with to_jsonb and read back with jsonb_populate_recordset, so every
 * column type (enums, jsonb, arrays, dates, decimals) survives exactly. Both directions run
 * as the database owner (the migration URL), not the application role. See docs/backup.md.
 */

export const ARCHIVE_FORMAT = "party-tenant-archive";
export const ARCHIVE_VERSION = 1;
const BATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

type Header = {
  kind: "header";
  format: string;
  version: number;
  createdAt: string;
  tenant: { id: string; slug: string; name: string };
  migrations: string[];
  tables: { name: string; columns: string[] }[];
};
type RowsLine = { kind: "rows"; table: string; rows: Record<string, unknown>[] };
type FileLine = { kind: "file"; sha256: string; data: string };
type EndLine = {
  kind: "end";
  counts: Record<string, number>;
  files: number;
  missingFiles: string[];
};
type Line = Header | RowsLine | FileLine | EndLine;

export type ArchiveSummary = {
  tenant: { id: string; slug: string; name: string };
  counts: Record<string, number>;
  files: number;
  missingFiles: string[];
};

export class TenantExistsError extends Error {
  constructor(readonly tenant: { id: string; slug: string }) {
    super(
      `tenant ${tenant.slug} (${tenant.id}) already exists in the target database; ` +
        "pass --replace to delete it and restore the archive in its place",
    );
    this.name = "TenantExistsError";
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Writes one tenant's archive to `file`. `tenant` is its school code (slug) or id. */
export async function exportTenant(options: {
  adminUrl: string;
  tenant: string;
  file: string;
  evidenceDir?: string;
}): Promise<ArchiveSummary> {
  const client = await connect(options.adminUrl);
  const gzip = createGzip();
  const out = createWriteStream(options.file, { flags: "wx" });
  gzip.pipe(out);
  const write = async (line: Line) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`))
      await new Promise((resolve) => gzip.once("drain", resolve));
  };
  try {
    // One snapshot for every table: the archive is consistent even while the app writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const found = await client.query<{ id: string; slug: string; name: string }>(
      `SELECT "id"::text AS id, "slug", "name" FROM "Tenant" WHERE "slug" = $1 OR "id"::text = $1`,
      [options.tenant],
    );
    const tenant = found.rows[0];
    if (!tenant) throw new Error(`no tenant with school code or id "${options.tenant}"`);
    if (!UUID.test(tenant.id)) throw new Error("unexpected tenant id");
    const tables = await listTenantTables(client);
    await write({
      kind: "header",
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      tenant,
      migrations: await appliedMigrations(client),
      tables,
    });
    const counts: Record<string, number> = {};
    const hashes = new Set<string>();
    for (const table of tables) {
      const key = table.name === "Tenant" ? `"id"` : `"tenantId"`;
      await client.query(
        `DECLARE tenant_rows NO SCROLL CURSOR FOR
           SELECT to_jsonb(t) AS r FROM ${quoteIdent(table.name)} t WHERE t.${key} = '${tenant.id}'::uuid`,
      );
      counts[table.name] = 0;
      for (;;) {
        const batch = await client.query<{ r: Record<string, unknown> }>(
          `FETCH ${BATCH} FROM tenant_rows`,
        );
        if (batch.rows.length === 0) break;
        const rows = batch.rows.map((b) => b.r);
        for (const row of rows)
          if (typeof row.sha256 === "string" && SHA256.test(row.sha256)) hashes.add(row.sha256);
        counts[table.name]! += rows.length;
        await write({ kind: "rows", table: table.name, rows });
      }
      await client.query("CLOSE tenant_rows");
    }
    await client.query("COMMIT");

    const missingFiles: string[] = [];
    let files = 0;
    for (const sha256 of [...hashes].sort()) {
      const bytes = options.evidenceDir
        ? await readFile(path.join(options.evidenceDir, sha256.slice(0, 2), sha256)).catch(
            () => null,
          )
        : null;
      if (!bytes) {
        missingFiles.push(sha256);
        continue;
      }
      await write({ kind: "file", sha256, data: bytes.toString("base64") });
      files++;
    }
    await write({ kind: "end", counts, files, missingFiles });
    gzip.end();
    await finished(out);
    return { tenant, counts, files, missingFiles };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

async function* readLines(file: string): AsyncGenerator<Line> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const text of lines) if (text.trim()) yield JSON.parse(text) as Line;
}

/**
 * Restores one tenant's archive into a migrated database at the same migration as the
 * archive. Refuses when a tenant with the same id or school code exists, unless `replace`
 * (which deletes that tenant's rows first, in the same transaction). All or nothing: one
 * transaction, and the row counts are checked against the archive before it commits.
 */
export async function importTenant(options: {
  adminUrl: string;
  file: string;
  evidenceDir?: string;
  replace?: boolean;
}): Promise<ArchiveSummary> {
  const lines = readLines(options.file);
  const first = await lines.next();
  const header = first.value as Header | undefined;
  if (!header || header.kind !== "header" || header.format !== ARCHIVE_FORMAT)
    throw new Error(`${options.file} is not a tenant archive`);
  if (header.version !== ARCHIVE_VERSION)
    throw new Error(`archive version ${header.version} is not supported (${ARCHIVE_VERSION} is)`);

  const client = await connect(options.adminUrl);
  const store = options.evidenceDir ? new LocalDiskEvidenceStore(options.evidenceDir) : null;
  try {
    await client.query("BEGIN");
    const migrations = await appliedMigrations(client);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
      throw new Error(
        "the target database is not at the archive's migration: " +
          `archive has ${header.migrations.length} (last ${header.migrations.at(-1) ?? "none"}), ` +
          `target has ${migrations.length} (last ${migrations.at(-1) ?? "none"}). ` +
          "Migrate the target (npm run db:migrate) to the archive's version first.",
      );
    }
    const tables = await listTenantTables(client);
    const targetColumns = new Map(tables.map((t) => [t.name, new Set(t.columns)]));
    for (const t of header.tables) {
      if (!targetColumns.has(t.name)) throw new Error(`table ${t.name} is missing in the target`);
    }

    const existing = await client.query<{ id: string; slug: string }>(
      `SELECT "id"::text AS id, "slug" FROM "Tenant" WHERE "id" = $1::uuid OR "slug" = $2`,
      [header.tenant.id, header.tenant.slug],
    );
    if (existing.rows.length > 0 && !options.replace)
      throw new TenantExistsError(existing.rows[0]!);
    for (const old of existing.rows) {
      for (const table of [...tables].reverse()) {
        const key = table.name === "Tenant" ? `"id"` : `"tenantId"`;
        await client.query(`DELETE FROM ${quoteIdent(table.name)} WHERE ${key} = $1::uuid`, [
          old.id,
        ]);
      }
    }

    const columnsOf = new Map(
      header.tables.map((t) => [
        t.name,
        t.columns
          .filter((c) => targetColumns.get(t.name)!.has(c))
          .map(quoteIdent)
          .join(", "),
      ]),
    );
    const counts: Record<string, number> = Object.fromEntries(
      header.tables.map((t) => [t.name, 0]),
    );
    let files = 0;
    let end: EndLine | null = null;
    for await (const line of lines) {
      if (line.kind === "rows") {
        const cols = columnsOf.get(line.table);
        if (!cols) throw new Error(`rows for unknown table ${line.table}`);
        const badTenant = line.rows.some(
          (r) => (line.table === "Tenant" ? r.id : r.tenantId) !== header.tenant.id,
        );
        if (badTenant) throw new Error(`${line.table}: a row of another tenant in the archive`);
        await client.query(
          `INSERT INTO ${quoteIdent(line.table)} (${cols})
           SELECT ${cols} FROM jsonb_populate_recordset(NULL::${quoteIdent(line.table)}, $1::jsonb)`,
          [JSON.stringify(line.rows)],
        );
        counts[line.table] = (counts[line.table] ?? 0) + line.rows.length;
      } else if (line.kind === "file") {
        if (!store) continue;
        const stored = await store.put(Buffer.from(line.data, "base64"));
        if (stored.sha256 !== line.sha256)
          throw new Error(`evidence file ${line.sha256} is damaged in the archive`);
        files++;
      } else if (line.kind === "end") {
        end = line;
      }
    }
    if (!end) throw new Error("the archive is truncated (no end record)");
    for (const [table, n] of Object.entries(end.counts)) {
      if ((counts[table] ?? 0) !== n)
        throw new Error(`${table}: archive lists ${n} rows, ${counts[table] ?? 0} were read`);
    }
    await client.query("COMMIT");
    return { tenant: header.tenant, counts, files, missingFiles: end.missingFiles };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
