import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_SCHOOL, expectNoSeriousA11yViolations, login } from "./helpers";

// The bell's count comes from the statement that loads the signed-in user on every request
// (src/server/auth/load-actor.ts). Notifications are written by the scheduled jobs; here two are
// written straight into the database, as the application role under the tenant's RLS setting.
async function addNotifications(username: string, titles: string[]): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (run the e2e tests through npm test)");
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("BEGIN");
    const tenant = await db.query<{ id: string }>("SELECT app_tenant_id_for_slug($1) AS id", [
      DEMO_SCHOOL,
    ]);
    const tenantId = tenant.rows[0]!.id;
    await db.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const user = await db.query<{ id: string }>(
      `SELECT id FROM "User" WHERE "tenantId" = $1 AND username = $2`,
      [tenantId, username],
    );
    for (const title of titles)
      await db.query(
        `INSERT INTO "Notification" ("tenantId", id, "userId", kind, title, "dedupeKey")
         VALUES ($1, $2, $3, 'e2e', $4, $5)`,
        [tenantId, randomUUID(), user.rows[0]!.id, title, `e2e-${randomUUID()}`],
      );
    await db.query("COMMIT");
  } finally {
    await db.end();
  }
}

test("the bell counts the user's unread notifications, and marking them read clears it", async ({
  page,
}) => {
  await login(page, "inspector");
  const bell = page.getByRole("link", { name: /^通知（\d+ 条未读）$/ });
  const before = Number((await bell.getAttribute("aria-label"))!.match(/\d+/)![0]);

  await addNotifications("inspector", ["抽查提醒（测试）", "督查通报（测试）"]);
  await page.reload();
  await expect(page.getByRole("link", { name: `通知（${before + 2} 条未读）` })).toBeVisible();

  await page.getByRole("link", { name: `通知（${before + 2} 条未读）` }).click();
  await expect(page.getByText("抽查提醒（测试）")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByRole("link", { name: "通知（0 条未读）" })).toBeVisible();
});
