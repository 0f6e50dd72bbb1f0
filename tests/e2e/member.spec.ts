import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// The smallest valid PNG (1×1), as evidence.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("a member files a self-report, makes a pledge, and the secretary evaluates it", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  await login(page, "member");
  await page.getByRole("link", { name: "我的", exact: true }).click();
  await expect(page.getByRole("heading", { name: "我的", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "我的进度" })).toBeVisible();
  // Every quota line reads "done / needed" (e.g. "1/2 次" or "12.5 / 20 小时") with a status.
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/e2e/screens/me-member.png", fullPage: true });

  // A self-report: volunteer service, 3 hours, with a photo; it then awaits review.
  await page.getByRole("link", { name: "新建自报" }).click();
  await expect(page.getByRole("heading", { name: "新建自报" })).toBeVisible();
  await page.getByLabel("类型").selectOption("VOLUNTEER_SERVICE");
  await page.getByLabel("时长（小时）").fill("3");
  const topic = `社区敬老院志愿服务 ${stamp}`;
  await page.getByLabel("事项").fill(topic);
  await page
    .getByLabel("佐证材料")
    .setInputFiles({ name: "服务照片.png", mimeType: "image/png", buffer: PNG });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  await page.waitForURL(/\/me\/reports\/[0-9a-f-]{36}\?saved=1/);
  await expect(page.getByRole("heading", { name: topic })).toBeVisible();
  await expect(page.getByText("待审核").first()).toBeVisible();
  await expect(page.getByText("服务照片.png")).toBeVisible();
  await page.goto("/me");
  await expect(page.getByRole("link", { name: new RegExp(topic) })).toContainText("待审核");

  // A pledge with two items, public to the branch.
  await page.getByRole("link", { name: "作出承诺" }).click();
  const title = `2026 年度公开承诺 ${stamp}`;
  await page.getByLabel("承诺标题").fill(title);
  await page.getByLabel("第 1 项", { exact: true }).fill("每月参加一次社区志愿服务");
  await page.getByLabel("第 2 项", { exact: true }).fill("与一间新生宿舍结对，每月走访一次");
  await page.getByRole("button", { name: "公开承诺" }).click();
  await page.waitForURL(/\/pledges\/[0-9a-f-]{36}\?created=1/);
  const pledgeUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("承诺已公开。")).toBeVisible();
  await expect(page.getByText("每月参加一次社区志愿服务")).toBeVisible();
  await expect(page.getByText("与一间新生宿舍结对，每月走访一次")).toBeVisible();

  // 践诺: progress on the first item.
  const firstItem = page
    .getByRole("listitem")
    .filter({ hasText: "每月参加一次社区志愿服务" })
    .first();
  await firstItem.getByLabel("进展说明").fill("十一月：社区敬老院服务 3 小时");
  await firstItem.getByRole("button", { name: "发布进展" }).click();
  await expect(page.getByText("十一月：社区敬老院服务 3 小时")).toBeVisible();

  // The branch wall shows it; the member cannot evaluate their own pledge.
  await page.goto("/pledges");
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "保存评议" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // 评诺: the branch secretary evaluates the first item and comments.
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await login(secretary, "secretary");
  await secretary.goto(pledgeUrl);
  await expect(secretary.getByRole("heading", { name: title })).toBeVisible();
  const evaluate = secretary.getByRole("form", { name: "评议第 1 项" });
  await evaluate.getByLabel("已兑现").check();
  await evaluate.getByLabel("评议意见").fill("按期兑现，服务记录齐全");
  await evaluate.getByRole("button", { name: "保存评议" }).click();
  await expect(secretary.getByText("评议意见：按期兑现，服务记录齐全")).toBeVisible();
  await secretary.getByRole("textbox", { name: "评论", exact: true }).fill("继续保持");
  await secretary.getByRole("button", { name: "发表" }).click();
  await expect(secretary.getByText("继续保持")).toBeVisible();
  await expectNoSeriousA11yViolations(secretary);
  await secretaryContext.close();

  // The member sees the verdict and the comment.
  await page.goto(pledgeUrl);
  await expect(page.getByText("已兑现").first()).toBeVisible();
  await expect(page.getByText("继续保持")).toBeVisible();
});
