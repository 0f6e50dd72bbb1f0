import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// On a phone-sized screen: members vote from their phones.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("a member writes a self-assessment and casts one secret ballot in their branch's appraisal", async ({
  page,
}) => {
  // "我的" evaluates every campaign covering the member: slow on a loaded machine.
  test.setTimeout(180_000);
  await login(page, "member");
  // "我的" reminds the member of the open round waiting for their ballot.
  await page.goto("/me");
  await page.getByRole("link", { name: /年度民主评议党员/ }).click();
  await page.waitForURL(/\/appraisal\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "我的选票" })).toBeVisible();
  await expect(page.getByText("计票结果在评议结束后公布。")).toBeVisible();

  // Self-assessment.
  const selfForm = page.getByRole("form", { name: "我的自我评价" });
  await selfForm
    .getByLabel("我的自我评价")
    .fill("一年来坚持理论学习，按时参加组织生活，积极参加志愿服务。");
  await selfForm.getByRole("button", { name: "保存自我评价" }).click();
  await expect(selfForm.getByText("自我评价已保存")).toBeVisible();

  // A ballot missing a verdict is refused beside the member it misses; nothing is cast.
  const ballot = page.getByRole("form", { name: "我的选票" });
  const groups = ballot.getByRole("group");
  const count = await groups.count();
  expect(count).toBeGreaterThan(1);
  await ballot.getByRole("button", { name: "提交选票" }).click();
  await expect(ballot.getByText("请为每位党员选择评议等次")).toBeVisible();
  await expect(groups.first().getByText("请选择评议等次")).toBeVisible();

  // One verdict per member: the first 优秀, the others 合格.
  await groups.first().getByLabel("优秀", { exact: true }).check();
  for (let i = 1; i < count; i++) await groups.nth(i).getByLabel("合格", { exact: true }).check();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({
    path: "test-results/e2e/screens/appraisal-ballot-phone.png",
    fullPage: true,
  });
  await ballot.getByRole("button", { name: "提交选票" }).click();

  await expect(page.getByText("您已在本轮评议中投票，不能再次投票。")).toBeVisible();
  await expect(page.getByRole("form", { name: "我的选票" })).toHaveCount(0);
  await expect(page.getByText("已投票 1 /")).toBeVisible();

  // Coming back later: still voted, no ballot to cast again.
  await page.reload();
  await expect(page.getByText("您已在本轮评议中投票，不能再次投票。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交选票" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "我的自我评价" })).toHaveValue(/坚持理论学习/);
  await expectNoSeriousA11yViolations(page);
  await page.goto("/appraisal");
  await expect(page.getByRole("heading", { name: "民主评议党员", exact: true })).toBeVisible();
  await expect(page.getByText("您已投票")).toBeVisible();
  await page.goto("/me");
  await expect(page.getByRole("link", { name: /年度民主评议党员/ })).toHaveCount(0);
});

test("the organization department sees the 两优一先 selection and a short citation is refused beside the field", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "admin");
  await page.goto("/commendations");
  await expect(page.getByRole("heading", { name: "两优一先评选", exact: true })).toBeVisible();
  await page.getByRole("link", { name: /年度“两优一先”评选/ }).click();
  await page.waitForURL(/\/commendations\/[0-9a-f-]{36}$/);
  await expect(page.getByText("推荐中")).toBeVisible();
  const form = page.getByRole("form", { name: "推荐" });
  await form.getByLabel("类别").selectOption("ADVANCED_ORGANIZATION");
  await form.getByLabel("被推荐对象").selectOption({ index: 1 });
  await form.getByLabel("主要事迹").fill("太短");
  await form.getByRole("button", { name: "推荐" }).click();
  await expect(form.getByText("事迹不少于 20 字")).toBeVisible();
  await expect(page.getByText("暂无推荐。")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
