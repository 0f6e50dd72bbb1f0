import { expect, test } from "@playwright/test";
import pg from "pg";
import { login } from "./helpers";

// One login per demo role: each sees what the role may see and nothing else.
const NAV = ["组织架构", "党员名册", "活动管理", "账号与角色", "操作日志"] as const;
const EXPECTED: Record<string, (typeof NAV)[number][]> = {
  admin: ["组织架构", "党员名册", "活动管理", "账号与角色", "操作日志"],
  leader: ["组织架构", "党员名册", "活动管理"],
  secretary: ["组织架构", "党员名册", "活动管理"],
  member: ["组织架构"],
  inspector: ["组织架构", "党员名册", "活动管理", "操作日志"],
};

for (const [username, visible] of Object.entries(EXPECTED)) {
  test(`${username} sees exactly the navigation of the role`, async ({ page }) => {
    await login(page, username);
    const nav = page.getByRole("navigation").first();
    for (const item of NAV) {
      await expect(nav.getByRole("link", { name: item, exact: true })).toHaveCount(
        visible.includes(item) ? 1 : 0,
      );
    }
  });
}

test("pages outside a role answer as not found", async ({ page }) => {
  await login(page, "leader");
  for (const path of ["/admin/users", "/audit", "/orgs/new", "/members/import"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "记录不存在或无权访问" })).toBeVisible();
  }
});

test("the other university's admin sees none of the demo university", async ({ page }) => {
  const client = new pg.Client({ connectionString: process.env.E2E_ADMIN_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `SELECT o.id FROM "Organization" o JOIN "Tenant" t ON t.id = o."tenantId" WHERE t.slug = 'demo' AND o.level = 'BRANCH' LIMIT 1`,
  );
  const member = await client.query<{ id: string }>(
    `SELECT m.id FROM "Member" m JOIN "Tenant" t ON t.id = m."tenantId" WHERE t.slug = 'demo' LIMIT 1`,
  );
  await client.end();
  await login(page, "admin", "other");
  await page.goto("/orgs");
  await expect(page.getByRole("heading", { name: "组织架构" })).toBeVisible();
  await page.goto(`/orgs/${rows[0]!.id}`);
  await expect(page.getByRole("heading", { name: "记录不存在或无权访问" })).toBeVisible();
  await page.goto(`/members/${member.rows[0]!.id}`);
  await expect(page.getByRole("heading", { name: "记录不存在或无权访问" })).toBeVisible();
});
