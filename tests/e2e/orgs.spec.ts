import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

test("the organization department sees the whole tree with member counts", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/orgs");
  await expect(page.getByRole("heading", { name: "组织架构" })).toBeVisible();
  // The root shows the whole university's count; the subtitle repeats it.
  await expect(page.getByText(/名党员/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/e2e/screens/org-tree-admin.png", fullPage: false });
});

test("a leader sees only the college they lead", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/orgs");
  const roots = page.getByTestId("org-tree").locator(":scope > li");
  await expect(roots).toHaveCount(1);
  await expect(page.getByText("校党委")).toHaveCount(0);
});

test("the organization department creates a branch and sees a message beside a bad field", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto("/orgs/new");
  await page.getByLabel("上级组织").selectOption({ index: 2 });
  await page.getByLabel("组织名称").fill("测试新建党支部");
  await page.getByLabel("组织编码").fill("bad code!");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#field-code-error")).toContainText("组织编码只能包含");
  // What the user typed is kept.
  await expect(page.getByLabel("组织名称")).toHaveValue("测试新建党支部");
  await page.getByLabel("组织编码").fill("E2E-NEW-BRANCH");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: "测试新建党支部" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
