import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

test("the organization department's pages are accessible", async ({ page }) => {
  await login(page, "admin");
  for (const [path, heading] of [
    ["/", null],
    ["/admin/users", "账号与角色"],
    ["/audit", "操作日志"],
    ["/departments", "职能部门"],
    ["/account/password", "修改密码"],
  ] as const) {
    await page.goto(path);
    if (heading)
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test("the organization department creates an account for a member and gives it the secretary role", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill("e2e.secretary");
  await page.getByLabel("姓名").fill("测试书记");
  await page.getByLabel("初始密码").fill("short");
  await page.getByRole("button", { name: "创建账号" }).click();
  // A too-short password is reported beside its field and the other values stay.
  await expect(page.locator("#field-password-error")).not.toBeEmpty();
  await expect(page.getByLabel("用户名")).toHaveValue("e2e.secretary");
  await page.getByLabel("初始密码").fill("long-enough-password");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}/);
  await page.locator('select[name="role"]').selectOption("SECRETARY");
  await page.locator('select[name="orgId"]').selectOption({ index: 3 });
  await page.getByRole("button", { name: "分配角色" }).click();
  await expect(page.getByRole("button", { name: "撤销" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/audit");
  // The audit log names the new account (in the table on wide screens, in cards on phones).
  await expect(page.locator("main")).toContainText("e2e.secretary");
});
