import type pg from "pg";

/**
 * The tenant tables of a database, read from its catalog: every table of the public schema
 * with a "tenantId" column, plus "Tenant" itself, in foreign-key order (a table comes after
 * every table it references). Reading the catalog instead of a list means a table added by a
 * later migration is backed up without anyone remembering to add it here.
 */
export type TenantTable = {
  name: string;
  /** Columns in table order, generated columns left out (they cannot be inserted). */
  columns: string[];
};

export async function listTenantTables(client: pg.Client | pg.PoolClient): Promise<TenantTable[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p')
       AND (c.relname = 'Tenant' OR EXISTS (
             SELECT 1 FROM pg_attribute t
              WHERE t.attrelid = c.oid AND t.attname = 'tenantId' AND NOT t.attisdropped))
     GROUP BY c.relname`);
  const edges = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid
      JOIN pg_class pa ON pa.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace AND n.nspname = 'public'
     WHERE k.contype = 'f' AND ch.oid <> pa.oid`);
  const names = new Set(tables.rows.map((t) => t.name));
  const parents = new Map<string, Set<string>>([...names].map((n) => [n, new Set<string>()]));
  for (const e of edges.rows) {
    if (names.has(e.child) && names.has(e.parent)) parents.get(e.child)!.add(e.parent);
  }
  // Kahn's algorithm; ties broken by name so the order is stable from run to run.
  const order: string[] = [];
  const done = new Set<string>();
  while (done.size < names.size) {
    const ready = [...names]
      .filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)))
      .sort();
    if (ready.length === 0)
      throw new Error(
        `foreign-key cycle among: ${[...names].filter((n) => !done.has(n)).join(", ")}`,
      );
    for (const n of ready) {
      order.push(n);
      done.add(n);
    }
  }
  const byName = new Map(tables.rows.map((t) => [t.name, t]));
  return order.map((name) => ({ name, columns: byName.get(name)!.columns }));
}

/** Names of applied migrations, oldest first (Prisma's own table). */
export async function appliedMigrations(client: pg.Client | pg.PoolClient): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
  if (!exists.rows[0]?.t) return [];
  const rows = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.rows.map((r) => r.migration_name);
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
