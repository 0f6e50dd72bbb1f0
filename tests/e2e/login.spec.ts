import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

test("the login page is accessible and refuses a wrong password with a clear message", async ({
  page,
}) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "党建活动管理平台" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("学校代码").fill("demo");
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("学校代码、用户名或密码不正确")).toBeVisible();
});

test("an empty form shows a message beside each field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("学校代码").fill("");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#field-username-error")).toHaveText("请填写此项");
  await expect(page.locator("#field-password-error")).toHaveText("请填写此项");
});

test("the language switch turns the interface to English and back", async ({ page }) => {
  await login(page, "admin");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(
    page.getByRole("navigation").getByRole("link", { name: "Organizations", exact: true }),
  ).toBeVisible();
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(
    page.getByRole("navigation").getByRole("link", { name: "组织架构", exact: true }),
  ).toBeVisible();
});

test("logout ends the session", async ({ page }) => {
  await login(page, "inspector");
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
  await page.goto("/orgs");
  await expect(page).toHaveURL(/\/login/);
});
