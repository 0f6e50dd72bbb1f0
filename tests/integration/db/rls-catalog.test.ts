import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Reads the catalog as the superuser: which tables hold tenant data, and are they locked down?
let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
});
afterAll(() => admin.end());

async function tenantTables(): Promise<string[]> {
  const { rows } = await admin.query<{ table_name: string }>(`
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
     WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE'
     ORDER BY 1`);
  return rows.map((r) => r.table_name);
}

describe("row-level security catalog", () => {
  it("finds the tenant tables (guards the query itself)", async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(
      expect.arrayContaining(["Organization", "Member", "User", "RoleAssignment", "AuditEvent"]),
    );
  });

  it("forces RLS on every tenant table and on Tenant", async () => {
    const tables = [...(await tenantTables()), "Tenant"];
    const { rows } = await admin.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`,
      [tables],
    );
    const missing = tables.filter(
      (t) => !rows.some((r) => r.relname === t && r.relrowsecurity && r.relforcerowsecurity),
    );
    expect(missing).toEqual([]);
  });

  it("has a policy for every command on every tenant table", async () => {
    const tables = [...(await tenantTables()), "Tenant"];
    const { rows } = await admin.query<{ tablename: string; cmd: string }>(
      `SELECT tablename, cmd FROM pg_policies WHERE schemaname = 'public'`,
    );
    const gaps: string[] = [];
    for (const table of tables) {
      const cmds = new Set(rows.filter((r) => r.tablename === table).map((r) => r.cmd));
      for (const cmd of ["SELECT", "INSERT", "UPDATE", "DELETE"]) {
        if (!cmds.has(cmd) && !cmds.has("ALL")) gaps.push(`${table}:${cmd}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it("connects the app as a role that is neither superuser, nor BYPASSRLS, nor owner of any table", async () => {
    const { rows } = await admin.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'party_app'`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owned = await admin.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'party_app'`,
    );
    expect(owned.rows).toEqual([]);
  });

  it("gives the app no UPDATE or DELETE on the audit trail, and DELETE only on a draft's attendance and campaign links", async () => {
    const { rows } = await admin.query<{ table_name: string; privilege_type: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'party_app'`,
    );
    expect(
      rows
        .filter((r) => r.table_name === "AuditEvent")
        .map((r) => r.privilege_type)
        .sort(),
    ).toEqual(["INSERT", "SELECT"]);
    expect(rows.filter((r) => r.privilege_type === "TRUNCATE")).toEqual([]);
    const deletable = rows
      .filter((r) => r.privilege_type === "DELETE")
      .map((r) => r.table_name)
      .sort();
    expect(deletable).toEqual(["ActivityAttendance", "ActivityCampaign"]);
    // …and only while the record is a draft or returned: the policy says so.
    const { rows: policies } = await admin.query<{ tablename: string; qual: string }>(
      `SELECT tablename, qual FROM pg_policies WHERE cmd = 'DELETE' AND tablename = ANY($1)`,
      [deletable],
    );
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(p.qual).toMatch(/DRAFT.*RETURNED/);
  });
});
