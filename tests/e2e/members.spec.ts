import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousA11yViolations, login } from "./helpers";

async function demoBranchCode(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_ADMIN_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ code: string }>(
    `SELECT o.code FROM "Organization" o JOIN "Tenant" t ON t.id = o."tenantId"
      WHERE t.slug = 'demo' AND o.level = 'BRANCH' AND o.kind = 'TEACHER' ORDER BY o.code LIMIT 1`,
  );
  await client.end();
  return rows[0]!.code;
}

test("the roster searches, filters and opens a member, and is accessible", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/members");
  await expect(page.getByRole("heading", { name: "党员名册" })).toBeVisible();
  await expect(page.getByText(/共 [\d,]+ 名党员/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/e2e/screens/roster-admin.png" });
  await page.getByLabel("人员类别").selectOption("STUDENT");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/category=STUDENT/);
  await page.locator("table tbody tr a, [data-testid=member-card] a").first().click();
  await expect(page.getByRole("heading", { name: "基本信息" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a roster import reports bad rows and writes nothing, then imports, then changes nothing the second time", async ({
  page,
}) => {
  const code = await demoBranchCode();
  await login(page, "admin");
  await page.goto("/members/import");
  await expectNoSeriousA11yViolations(page);
  const bad = `党员编号,姓名,性别,所在组织编码,党员状态,人员类别\nE2E-IMP-1,导入甲,男,${code},正式党员,教师\nE2E-IMP-2,,女,NO-SUCH-ORG,正式党员,外星人\n`;
  await page
    .getByLabel("名册文件")
    .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(bad, "utf8") });
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByText(/没有导入任何数据/).first()).toBeVisible();
  const report = page.getByRole("table", { name: /错误报告/ });
  await expect(report).toContainText("姓名");
  await expect(report).toContainText("3");

  const good = `\uFEFF党员编号,姓名,性别,所在组织编码,党员状态,人员类别\nE2E-IMP-1,导入甲,男,${code},正式党员,教师\nE2E-IMP-2,导入乙,女,${code},预备党员,教师\n`;
  await page
    .getByLabel("名册文件")
    .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(good, "utf8") });
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible();
  await expect(page.getByText(/新建/).first()).toBeVisible();

  await page
    .getByLabel("名册文件")
    .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(good, "utf8") });
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible();
  const client = new pg.Client({ connectionString: process.env.E2E_ADMIN_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM "Member" WHERE number IN ('E2E-IMP-1', 'E2E-IMP-2')`,
  );
  await client.end();
  expect(rows[0].n).toBe(2);
});

test("a secretary sees their branch's roster only and no import", async ({ page }) => {
  await login(page, "secretary");
  await page.goto("/members");
  await expect(page.getByRole("link", { name: "导入名册" })).toHaveCount(0);
  await page.goto("/members/import");
  await expect(page.getByRole("heading", { name: "记录不存在或无权访问" })).toBeVisible();
});
