import pg from "pg";

/**
 * Per-tenant, per-table checksums of every row of every tenant table (every table with a
 * "tenantId" column, plus the Tenant row itself), read as the superuser so row-level security
 * hides nothing: md5 over the rows' text forms in a fixed order. Two snapshots are equal exactly
 * when no row of that tenant was inserted, changed or deleted.
 */
export type TenantChecksums = Map<string, Map<string, string>>;

let client: pg.Client | undefined;
let query: string | undefined;

async function connect(): Promise<pg.Client> {
  if (client) return client;
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url)
    throw new Error("TEST_ADMIN_DATABASE_URL is not set: run through the integration project");
  client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function buildQuery(c: pg.Client): Promise<string> {
  const { rows } = await c.query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenantId' ORDER BY table_name`,
  );
  // Two kinds of rows change on a refusal by design and are left out: the audit events of
  // refusals themselves (authz.*), and a session's lastSeenAt, touched by every request.
  const row = (t: string) =>
    t === "UserSession" ? `(to_jsonb(x) - 'lastSeenAt')::text` : "x::text";
  const filter = (t: string) => (t === "AuditEvent" ? `WHERE x.action NOT LIKE 'authz.%'` : "");
  const parts = rows.map(
    ({ table_name: t }) =>
      `SELECT '${t}' AS t, x."tenantId"::text AS tenant,
              md5(string_agg(${row(t)}, '|' ORDER BY ${row(t)})) AS h, count(*)::int AS n
         FROM "${t}" x ${filter(t)} GROUP BY x."tenantId"`,
  );
  parts.push(
    `SELECT 'Tenant' AS t, x.id::text AS tenant, md5(x::text) AS h, 1 AS n FROM "Tenant" x`,
  );
  return parts.join("\nUNION ALL\n");
}

export async function tenantChecksums(): Promise<TenantChecksums> {
  const c = await connect();
  query ??= await buildQuery(c);
  const { rows } = await c.query<{ t: string; tenant: string; h: string; n: number }>(query);
  const out: TenantChecksums = new Map();
  for (const row of rows) {
    let tables = out.get(row.tenant);
    if (!tables) out.set(row.tenant, (tables = new Map()));
    tables.set(row.t, `${row.n}:${row.h}`);
  }
  return out;
}

/** The tables whose rows of `tenantId` differ between two snapshots (empty when unchanged). */
export function changedTables(
  before: TenantChecksums,
  after: TenantChecksums,
  tenantId: string,
): string[] {
  const a = before.get(tenantId) ?? new Map<string, string>();
  const b = after.get(tenantId) ?? new Map<string, string>();
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}

/** Every `id` of every tenant table, per tenant: what counts as "another tenant's id". */
export async function idsByTenant(): Promise<Map<string, Set<string>>> {
  const c = await connect();
  const { rows: tables } = await c.query<{ table_name: string }>(
    `SELECT c1.table_name FROM information_schema.columns c1
       JOIN information_schema.columns c2
         ON c2.table_schema = c1.table_schema AND c2.table_name = c1.table_name
      WHERE c1.table_schema = 'public' AND c1.column_name = 'tenantId' AND c2.column_name = 'id'`,
  );
  const out = new Map<string, Set<string>>();
  for (const { table_name: t } of tables) {
    const { rows } = await c.query<{ tenant: string; id: string }>(
      `SELECT "tenantId"::text AS tenant, id::text AS id FROM "${t}"`,
    );
    for (const row of rows) {
      let set = out.get(row.tenant);
      if (!set) out.set(row.tenant, (set = new Set()));
      set.add(row.id);
    }
  }
  return out;
}

export async function closeChecksums(): Promise<void> {
  await client?.end();
  client = undefined;
  query = undefined;
}
