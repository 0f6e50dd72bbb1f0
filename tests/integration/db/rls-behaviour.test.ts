import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

// The app role talking SQL directly: what RLS alone allows, with the data-access layer out of the way.
let app: pg.Client;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  a = await createTenantFixture("rls-a");
  b = await createTenantFixture("rls-b");
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await app.connect();
});
afterAll(() => app.end());

async function tenantTables(): Promise<string[]> {
  const { rows } = await app.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenantId'`,
  );
  return rows.map((r) => r.table_name);
}

describe("row-level security as the app role", () => {
  it("sees zero rows in every tenant table when no tenant is set", async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const { rows } = await app.query(`SELECT count(*)::int AS n FROM "${table}"`);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    const tenants = await app.query(`SELECT count(*)::int AS n FROM "Tenant"`);
    expect(tenants.rows[0].n).toBe(0);
  });

  it("sees only its own tenant's rows once the tenant is set", async () => {
    await app.query("BEGIN");
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
    const { rows } = await app.query<{ tenantId: string }>(
      `SELECT DISTINCT "tenantId" FROM "Member"`,
    );
    const tenants = await app.query(`SELECT id FROM "Tenant"`);
    await app.query("COMMIT");
    expect(rows.map((r) => r.tenantId)).toEqual([a.tenantId]);
    expect(tenants.rows.map((r) => r.id)).toEqual([a.tenantId]);
  });

  it("refuses to insert a row for another tenant (42501)", async () => {
    await app.query("BEGIN");
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
    const attempt = app.query(
      `INSERT INTO "Department" ("tenantId", id, code, name, "updatedAt") VALUES ($1, gen_random_uuid(), 'X', 'X', now())`,
      [b.tenantId],
    );
    await expect(attempt).rejects.toMatchObject({ code: "42501" });
    await app.query("ROLLBACK");
  });

  it("cannot update or delete another tenant's rows: zero rows touched", async () => {
    await app.query("BEGIN");
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
    const updated = await app.query(`UPDATE "Member" SET name = 'x' WHERE "tenantId" = $1`, [
      b.tenantId,
    ]);
    await app.query("COMMIT");
    expect(updated.rowCount).toBe(0);
  });

  it("cannot update or delete audit events, even its own tenant's", async () => {
    await app.query("BEGIN");
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
    await app.query(
      `INSERT INTO "AuditEvent" ("tenantId", id, action, "entityType") VALUES ($1, gen_random_uuid(), 'test', 'Test')`,
      [a.tenantId],
    );
    await expect(app.query(`UPDATE "AuditEvent" SET action = 'changed'`)).rejects.toMatchObject({
      code: "42501",
    });
    await app.query("ROLLBACK");
    await app.query("BEGIN");
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
    await expect(app.query(`DELETE FROM "AuditEvent"`)).rejects.toMatchObject({ code: "42501" });
    await app.query("ROLLBACK");
  });

  it("does not carry the tenant past the transaction that set it", async () => {
    await app.query("BEGIN");
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
    await app.query("COMMIT");
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM "Member"`);
    expect(rows[0].n).toBe(0);
  });

  it("resolves a school code to an id through the definer function only", async () => {
    const { rows } = await app.query(`SELECT app_tenant_id_for_slug($1) AS id`, [b.slug]);
    expect(rows[0].id).toBe(b.tenantId);
  });
});
