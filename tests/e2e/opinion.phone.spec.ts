import { expect, test } from "@playwright/test";
import { DEMO_EVALUATION_TOKEN, DEMO_OPINION_TOKEN } from "../../prisma/demo-opinions";
import { expectNoSeriousA11yViolations, login } from "./helpers";

/**
 * 征求意见 on a phone: a visitor without an account opens the public link of the demo's open
 * round, gives an opinion (with markup that must stay text) and gets a receipt code; the branch
 * secretary then sees it and answers it, and the visitor reads the answer with the receipt.
 */
test("an anonymous visitor gives an opinion; the secretary answers it", async ({ page }) => {
  const marker = `食堂晚餐时间太短 ${Date.now()}`;
  const body = `<script>window.__pwned = 1</script>${marker}`;
  const answer = "感谢建议，已与后勤协调延长至 19:30。";

  await page.goto(`/o/${DEMO_OPINION_TOKEN}`);
  await expect(page.getByRole("heading", { level: 1, name: "支部工作征求意见" })).toBeVisible();
  await expect(page.getByText("您提交的内容只有该组织的负责同志可见")).toBeVisible();
  // The page shows no one's opinion (the demo round already holds two).
  await expect(page.getByText("固定每周的接待时间")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("意见类别").selectOption({ label: "服务师生" });
  await page.getByLabel("意见或建议").fill(body);
  await expect(page.getByLabel("匿名提交")).toBeChecked();
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByRole("heading", { name: "提交成功，感谢您的意见！" })).toBeVisible();
  const receiptText = await page.getByText(/您的回执码：/).textContent();
  const receipt = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(receiptText ?? "")?.[1];
  expect(receipt).toBeTruthy();
  await expectNoSeriousA11yViolations(page);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // An empty opinion is refused beside the field.
  await page.getByRole("button", { name: "再提一条" }).click();
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByText("请填写意见内容")).toBeVisible();

  // The secretary sees it, markup shown as text, and answers it.
  await login(page, "secretary");
  await page.goto("/opinions");
  await page.getByRole("link", { name: "支部工作征求意见" }).click();
  const item = page.getByTestId("opinion").filter({ hasText: marker });
  await expect(item).toHaveCount(1);
  await expect(item.getByText(body)).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await item.locator("summary", { hasText: "答复" }).click();
  await item.getByRole("textbox", { name: "答复" }).fill(answer);
  await item.getByRole("button", { name: "提交答复" }).click();
  await expect(item.locator("p", { hasText: answer })).toBeVisible();
  await expect(item.getByText(/答复于/)).toBeVisible();

  // The visitor reads the answer to their own opinion with the receipt code.
  await page.goto(`/o/${DEMO_OPINION_TOKEN}`);
  await page.getByText("查看答复").click();
  await page.getByLabel("回执码").fill(receipt!);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByText(body)).toBeVisible();
});

test("an unknown link reads as not found", async ({ page }) => {
  const response = await page.goto(`/o/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
});

test("a student rates the branch through the mass-evaluation link", async ({ page }) => {
  await page.goto(`/o/${DEMO_EVALUATION_TOKEN}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "学生对教工党支部服务满意度测评" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Submitting with a question unanswered is refused beside it.
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByText("请选择 1–5 分").first()).toBeVisible();
  for (const question of [
    "服务师生是否用心、及时",
    "党员先锋模范作用发挥得如何",
    "工作作风是否务实、清正",
    "总体满意度",
  ])
    await page.getByRole("group", { name: question }).getByLabel("4 分").check();
  await page.getByLabel("补充意见（可选）").fill("辅导员很负责。");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByRole("heading", { name: "提交成功，感谢您的评价！" })).toBeVisible();
});
