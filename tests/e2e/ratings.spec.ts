import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// The demo campaign with organization quotas for colleges and branches (seed 000), so every
// college and branch of the demo university has a bastion index.
const CAMPAIGN = "“三创六进”行动计划";
const SCREENS = "test-results/e2e/screens";
/** Ratings pages evaluate the whole campaign year on the server (about 2,000 members): allow for it. */
const SLOW = { timeout: 45_000 };

/** From the ratings index to the campaign's current (default) year. */
async function openCampaignRatings(page: Page): Promise<void> {
  await page.goto("/ratings");
  await expect(page.getByRole("heading", { level: 1, name: "星级评定" })).toBeVisible();
  const campaign = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: CAMPAIGN, exact: true }) });
  await campaign.getByRole("link").first().click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: new RegExp(`^${CAMPAIGN} · \\d{4} 年度星级评定$`),
    }),
  ).toBeVisible(SLOW);
}

test("the organization department opens an organization's rating, assesses it and publishes the year", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, "admin");
  await expect(page.getByRole("link", { name: "星级评定" })).toBeVisible();
  await openCampaignRatings(page);

  // The organization table: stars as text and a number, the computation labelled as unpublished.
  const table = page.getByRole("table", { name: "组织星级评定（堡垒指数）" });
  await expect(table.locator("tbody > tr").first()).toBeVisible(SLOW);
  await expect(table.getByText(/^\d星$/).first()).toBeVisible();
  await expect(page.getByText("当前计算结果（未发布，随记录与评价实时变化）")).toBeVisible();
  await expect(page.getByText(/数据计算于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SCREENS}/ratings-organizations.png`, fullPage: true });

  // An organization's explanation: every line of the breakdown, and the total.
  const first = table.locator("tbody > tr").first();
  const orgName = (await first.locator("th").locator("span").first().innerText()).trim();
  await first.getByRole("link", { name: /查看依据/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible(SLOW);
  const breakdown = page.getByRole("table", { name: "得分明细" });
  await expect(breakdown.getByRole("rowheader", { name: "合计" })).toBeVisible();
  await expect(breakdown.getByRole("cell", { name: "指标" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "如何再升一星" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SCREENS}/ratings-explanation.png`, fullPage: true });

  // An assessment without a comment is refused beside the field; with one it is saved and shown.
  const form = page.getByRole("form", { name: "录入评价" });
  await form.getByLabel(/^分值/).fill("15");
  await form.getByRole("button", { name: "保存评价" }).click();
  await expect(page.locator("#field-comment-error")).toContainText("请填写评价说明", SLOW);
  const comment = `E2E 上级评价 ${Date.now().toString(36)}`;
  await form.getByLabel(/^分值/).fill("15");
  await form.getByLabel("评价说明").fill(comment);
  await form.getByRole("button", { name: "保存评价" }).click();
  await expect(page.getByText("评价已保存，评定结果已重新计算")).toBeVisible(SLOW);
  await expect(breakdown.getByText(`“${comment}”`)).toBeVisible(SLOW);
  await expect(
    page.getByRole("region", { name: "评价记录" }).getByText(`“${comment}”`),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/ratings-assessed.png`, fullPage: true });

  // Publish the year: a new version, listed, and readable as a frozen snapshot.
  await page
    .getByRole("navigation", { name: "位置" })
    .getByRole("link", { name: CAMPAIGN })
    .click();
  await page.getByRole("link", { name: "发布记录" }).click();
  const publish = page.getByRole("form", { name: /^发布第 \d+ 版$/ });
  await expect(publish).toBeVisible(SLOW);
  const version = Number((await publish.getByRole("heading").innerText()).match(/\d+/)![0]);
  await publish.getByRole("textbox").fill(`E2E 发布 ${comment}`);
  await publish.getByRole("button", { name: `发布第 ${version} 版` }).click();
  await expect(page.getByText(`已发布第 ${version} 版评定结果`)).toBeVisible(SLOW);
  const versions = page.getByRole("table", { name: "已发布版本" });
  await expect(versions.getByRole("link", { name: `第 ${version} 版` })).toBeVisible(SLOW);
  await page.screenshot({ path: `${SCREENS}/ratings-published-list.png`, fullPage: true });
  await versions.getByRole("link", { name: `第 ${version} 版` }).click();
  await expect(page.getByText(`已发布结果 · 第 ${version} 版（已冻结，不随记录变化）`)).toBeVisible(
    SLOW,
  );
  await expect(
    page.getByRole("table", { name: "组织星级评定（堡垒指数）" }).locator("tbody > tr").first(),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SCREENS}/ratings-published.png`, fullPage: true });
});

test("a college leader sees the college's ratings read-only", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "leader");
  await openCampaignRatings(page);
  const table = page.getByRole("table", { name: "组织星级评定（堡垒指数）" });
  await expect(table.locator("tbody > tr").first()).toBeVisible(SLOW);
  const names = await table.locator("tbody > tr > th span:first-child").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toMatch(/^计算机科学与技术学院/);
  await page.screenshot({ path: `${SCREENS}/ratings-leader.png`, fullPage: true });

  // Members of the college only, searchable; an explanation without the assessment form.
  await page.getByRole("link", { name: "党员（锋领指数）" }).click();
  const members = page.getByRole("table", { name: "党员星级评定（锋领指数）" });
  await expect(members.locator("tbody > tr").first()).toBeVisible(SLOW);
  for (const org of await members.locator("tbody > tr > td:nth-child(2)").allInnerTexts())
    expect(org).toMatch(/^计算机科学与技术学院/);
  await expectNoSeriousA11yViolations(page);
  await members
    .getByRole("link", { name: /查看依据/ })
    .first()
    .click();
  await expect(page.getByRole("table", { name: "得分明细" })).toBeVisible(SLOW);
  await expect(page.getByRole("form", { name: "录入评价" })).toHaveCount(0);

  await page
    .getByRole("navigation", { name: "位置" })
    .getByRole("link", { name: CAMPAIGN })
    .click();
  await page.getByRole("link", { name: "发布记录" }).click();
  await expect(page.getByText("只有覆盖整个活动范围的组织部管理员可以发布评定结果。")).toBeVisible(
    SLOW,
  );
  await expect(page.getByRole("button", { name: /^发布第/ })).toHaveCount(0);
});
