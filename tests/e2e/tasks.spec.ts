import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// A one-page PDF, real bytes: evidence is checked by content, not by name.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test.describe("department-owned work", () => {
  test("a 宣传部 staff member closes their department's practical-matters item with evidence", async ({
    page,
  }) => {
    await login(page, "dept");
    await page.getByRole("link", { name: "部门事项" }).click();
    await page.waitForURL(/\/practical-matters$/);
    await expect(page.getByRole("heading", { name: /本部门事项（宣传部）/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "更新校园党建宣传栏" }).click();
    await page.waitForURL(/\/practical-matters\/items\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "更新校园党建宣传栏" })).toBeVisible();
    await expect(page.getByText("未销号")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const form = page.getByRole("form", { name: "对账销号" });
    await form.getByLabel("办结情况").fill("宣传栏已更换为“两在两同”专题内容");
    await form
      .getByLabel("佐证材料（照片或 PDF）")
      .setInputFiles({ name: "宣传栏验收单.pdf", mimeType: "application/pdf", buffer: PDF });
    await form.getByRole("button", { name: "对账销号" }).click();

    await expect(page.getByText(/^已销号 · /)).toBeVisible();
    await expect(page.getByText("宣传栏验收单.pdf")).toBeVisible();
    await expect(page.getByRole("form", { name: "对账销号" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // Closed items leave the department's list of open work.
    await page.goto("/practical-matters");
    await expect(page.getByRole("link", { name: "更新校园党建宣传栏" })).toHaveCount(0);
  });
});

test.describe("secretary projects", () => {
  test("a branch secretary reports progress on a milestone of their project", async ({ page }) => {
    await login(page, "secretary");
    await page.getByRole("link", { name: "书记项目" }).first().click();
    await page.waitForURL(/\/secretary-projects/);
    await page
      .getByRole("combobox", { name: "活动" })
      .selectOption({ label: "“两在两同”建新功行动" });
    await page.getByRole("button", { name: "查看" }).click();
    await page.waitForURL(/\/secretary-projects\?campaign=/);
    await expect(
      page.getByRole("cell", { name: "推进中" }).or(page.getByRole("cell", { name: "有逾期节点" })),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "“党员先锋岗”进实验室" }).click();
    await page.waitForURL(/\/secretary-projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "路线图" })).toBeVisible();
    // The second milestone is past its date and not done.
    await expect(page.getByText("已逾期")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const item = page.getByRole("listitem").filter({ hasText: "完成党员与新生结对" });
    await item.getByText("报告进展").click();
    const form = page.getByRole("form", { name: "报告“完成党员与新生结对”的进展" });
    await form.getByLabel("状态").selectOption("DONE");
    await form.getByLabel("进展说明").fill("28 名党员已与新生宿舍结对");
    await form
      .getByLabel("佐证材料（照片或 PDF，可选）")
      .setInputFiles({ name: "结对名单.pdf", mimeType: "application/pdf", buffer: PDF });
    await form.getByRole("button", { name: "保存进展" }).click();

    await expect(page.getByText("28 名党员已与新生宿舍结对").first()).toBeVisible();
    await expect(page.getByText("结对名单.pdf")).toBeVisible();
    await expect(page.getByText("已逾期")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("organization department", () => {
  test("links a user to a department as staff and removes the link", async ({ page }) => {
    await login(page, "admin");
    await page.goto("/departments");
    const row = page.getByRole("row").filter({ hasText: "PUB" });
    await expect(row.getByText("宣传部 陈老师")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await row.locator("summary", { hasText: "添加工作人员" }).click();
    const form = row.locator("form").filter({ has: page.getByLabel("用户名") });
    await form.getByLabel("用户名").fill("no-such-user");
    await form.getByRole("button", { name: "添加工作人员" }).click();
    await expect(form.getByText("没有这个用户名的有效账号").first()).toBeVisible();
    await form.getByLabel("用户名").fill("inspector");
    await form.getByRole("button", { name: "添加工作人员" }).click();
    await expect(row.getByText("督查组 李老师")).toBeVisible();

    await row.getByRole("button", { name: "移除 督查组 李老师" }).click();
    await expect(row.getByText("督查组 李老师")).toHaveCount(0);
    await expect(row.getByText("宣传部 陈老师")).toBeVisible();
  });

  test("sees which organizations have not filed an implementation plan", async ({ page }) => {
    await login(page, "admin");
    await page.goto("/implementation-plans");
    await expect(page.getByRole("heading", { name: "实施方案", exact: true })).toBeVisible();
    await expect(page.getByText(/共 \d+ 个组织，\d+ 个未提交/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
