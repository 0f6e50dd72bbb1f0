import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// The smallest valid PNG: a photo of the meeting, as far as the content check is concerned.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test.describe.serial("recording and review", () => {
  const topic = `E2E 审核流程 ${Date.now()}`;

  test("a secretary records a meeting with an absentee and a photo, and submits it", async ({
    page,
  }) => {
    await login(page, "secretary");
    await page.goto("/activities");
    await expect(page.getByRole("heading", { name: "活动记录" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "录入活动" }).click();
    await expect(page.getByRole("heading", { name: "录入活动" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("活动类型", { exact: true }).selectOption("THEME_PARTY_DAY+VOLUNTEER");
    await expect(page.getByLabel("时长（小时）")).toHaveValue("3");
    await page.getByLabel("主题", { exact: true }).fill(topic);
    await page.getByText("更多信息").click();
    await page.getByLabel("地点", { exact: true }).fill("学院会议室");

    // One member absent, with a reason.
    await page.getByText("查看或修改出席情况").click();
    const firstMember = page.locator("input[name=present]").first();
    await firstMember.uncheck();
    await page.getByPlaceholder("缺席原因（必填）").fill("病假");
    await expect(page.getByText(/实到 \d+ 人/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page
      .getByLabel("证明材料")
      .setInputFiles({ name: "合影.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "保存并提交" }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}\?saved=submitted/);
    await expect(page.getByRole("heading", { name: topic })).toBeVisible();
    await expect(page.getByText("待审核").first()).toBeVisible();
    await expect(page.getByText(/缺席：病假/)).toBeVisible();
    await expect(page.getByRole("img", { name: "合影.png" })).toBeVisible();
    // A secretary does not review their own branch's record.
    await expect(page.getByRole("button", { name: "通过" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // The evidence is served to them, with nosniff.
    const src = await page.getByRole("img", { name: "合影.png" }).getAttribute("src");
    const response = await page.request.get(src!);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("the admin approves it from the review queue", async ({ page }) => {
    await login(page, "admin");
    // Oldest submissions first: the one just recorded is on the last page.
    await page.goto("/activities/review?page=999999");
    await expect(page.getByRole("heading", { name: "待我审核" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("checkbox", { name: `选择“${topic}”` }).check();
    await page.getByRole("button", { name: "批量通过" }).click();
    await expect(page.getByText("已通过 1 条")).toBeVisible();

    await page.goto("/activities?status=APPROVED");
    await page.getByRole("link", { name: topic }).first().click();
    await expect(page.getByRole("heading", { name: topic })).toBeVisible();
    await expect(page.getByText("已通过").first()).toBeVisible();
    await expect(page.getByText("审核通过", { exact: true })).toBeVisible();
    await expect(page.getByText("计入考核", { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
