// What the load and crash scripts need to know about a seeded university (bench/seed-large.ts),
// read from the database so a run can reuse an existing one.
import pg from "pg";

export type Recorder = { username: string; branchId: string; memberIds: string[] };
export type TenantInfo = {
  tenantId: string;
  campaignId: string;
  recorders: Recorder[];
};

export async function readTenantInfo(adminUrl: string, slug: string): Promise<TenantInfo> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const t = await c.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
    const tenantId = t.rows[0]?.id;
    if (!tenantId) throw new Error(`no university with school code ${slug}`);
    const camp = await c.query<{ campaignId: string }>(
      `SELECT "campaignId" FROM "ActivityCampaign" WHERE "tenantId" = $1
        GROUP BY "campaignId" ORDER BY count(*) DESC LIMIT 1`,
      [tenantId],
    );
    const campaignId = camp.rows[0]?.campaignId;
    if (!campaignId) throw new Error("no campaign with records");
    const rec = await c.query<{ username: string; orgId: string; members: string[] }>(
      `SELECT u.username, r."orgId",
              array(SELECT m.id FROM "Member" m
                     WHERE m."tenantId" = u."tenantId" AND m."orgId" = r."orgId"
                     ORDER BY m.number) AS members
         FROM "User" u JOIN "RoleAssignment" r ON r."tenantId" = u."tenantId" AND r."userId" = u.id
        WHERE u."tenantId" = $1 AND r.role = 'SECRETARY' AND u.username ~ '^sec[0-9]+$'
        ORDER BY length(u.username), u.username`,
      [tenantId],
    );
    return {
      tenantId,
      campaignId,
      recorders: rec.rows.map((r) => ({
        username: r.username,
        branchId: r.orgId,
        memberIds: r.members,
      })),
    };
  } finally {
    await c.end();
  }
}
