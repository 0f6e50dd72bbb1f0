import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// The four seed templates as the "new campaign" page lists them, with the quotas a campaign gets
// (三创六进 leaves out the five-year rotation training: a 22-month campaign cannot contain it).
const TEMPLATES = [
  { name: "“三创六进”行动计划", quotas: 15 },
  { name: "党建“三级联创”", quotas: 7 },
  { name: "“两在两同”建新功行动", quotas: 4 },
  { name: "创先争优活动", quotas: 2 },
] as const;

const CAMPAIGN_URL = /\/campaigns\/[0-9a-f-]{36}(\?|$)/;
/** Campaign pages evaluate the campaign on the server (about 2,000 members in the demo): allow for it. */
const SLOW = { timeout: 30_000 };

/** A start date a quarter ago, so the campaign is under way and its evaluation has windows. */
function startDate(): string {
  return new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
}

async function createFromTemplate(page: Page, template: string, name: string): Promise<void> {
  await page.goto("/campaigns/new");
  await page.getByRole("radio", { name: new RegExp(`^${template}`) }).check();
  await page.getByLabel("活动名称").fill(name);
  await page.getByLabel("开始日期").fill(startDate());
  await page.getByRole("button", { name: "创建活动" }).click();
  await page.waitForURL(CAMPAIGN_URL);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible(SLOW);
}

test("the organization department creates a campaign from each of the four templates, and each shows its evaluation", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, "admin");
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "活动管理" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "从模板新建活动" }).click();
  for (const t of TEMPLATES)
    await expect(page.getByRole("radio", { name: new RegExp(`^${t.name}`) })).toBeVisible();
  await expect(page.getByText(`${TEMPLATES[0].quotas + 1} 项指标`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const stamp = Date.now().toString(36);
  for (const [i, t] of TEMPLATES.entries()) {
    const name = `E2E ${t.name} ${stamp}`;
    await createFromTemplate(page, t.name, name);
    await expect(page.getByText("活动已创建。")).toBeVisible();
    // The quota table with the evaluation as of today: one row per quota, a count per status.
    const quotas = page.getByRole("table", { name: "指标与进度" });
    await expect(quotas.locator("tbody > tr")).toHaveCount(t.quotas);
    await expect(quotas.getByRole("columnheader", { name: "落后" })).toBeVisible();
    await expect(page.getByText(/截至 .* 的进度/)).toBeVisible();
    if (i === 0) {
      await expect(page.getByText(/有 1 项指标因考核周期长于活动/)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  }

  await page.goto("/campaigns");
  for (const t of TEMPLATES)
    await expect(page.getByRole("link", { name: `E2E ${t.name} ${stamp}` }).first()).toBeVisible();
});

test("the organization department edits a quota, and a negative target is refused beside the field", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "admin");
  const name = `E2E 指标编辑 ${Date.now().toString(36)}`;
  await createFromTemplate(page, "“两在两同”建新功行动", name);

  await page.getByRole("link", { name: /^编辑\s*：党支部“书记项目”$/ }).click();
  await expect(page.getByRole("heading", { name: /编辑指标/ })).toBeVisible(SLOW);
  await expect(page.getByRole("checkbox", { name: "书记项目" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  const target = page.getByLabel("目标值", { exact: true });
  await target.fill("-1");
  await page.getByRole("button", { name: "保存指标" }).click();
  // The rules module's path and reason, beside the field, as `rules-cli validate` reports them.
  const error = page.locator("#field-targetValue-error");
  await expect(error).toContainText("不能为负数", SLOW);
  await expect(error).toContainText("quotas[1].target.value: must not be negative");
  await expect(target).toHaveAttribute("aria-invalid", "true");
  // What the user chose is kept.
  await expect(target).toHaveValue("-1");
  await expect(page.getByRole("checkbox", { name: "书记项目" })).toBeChecked();

  await target.fill("2");
  await page.getByRole("button", { name: "保存指标" }).click();
  await page.waitForURL(/saved=quota/);
  await expect(page.getByText("指标已保存。")).toBeVisible(SLOW);
  const row = page.getByRole("row", { name: /党支部“书记项目”/ });
  await expect(row).toContainText("≥ 2");

  // The per-quota page: every branch with achieved, target, expected by now and status.
  await row.getByRole("link", { name: "党支部“书记项目”", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "党支部“书记项目”" })).toBeVisible(SLOW);
  await expect(page.getByRole("table", { name: "各考核对象的完成情况" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "按进度应完成" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the seeded campaigns show their evaluation with records behind each status", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "“两在两同”建新功行动", exact: true }).first().click();
  await page.waitForURL(CAMPAIGN_URL);
  await page.getByRole("link", { name: "“四个一”党员志愿服务", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "“四个一”党员志愿服务" })).toBeVisible(
    SLOW,
  );
  await expect(page.getByText(/条记录/).first()).toBeVisible();
  await expect(page.getByText("各项条件").first()).toBeVisible();
});

test("a leader sees the campaigns covering their college, read-only", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "活动管理" })).toBeVisible();
  await expect(page.getByRole("link", { name: "从模板新建活动" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "“两在两同”建新功行动", exact: true }).first().click();
  await page.waitForURL(CAMPAIGN_URL);
  await expect(page.getByText("您可以查看本活动，修改需由组织部进行。")).toBeVisible(SLOW);
  await expect(page.getByText("只显示您所辖范围内的考核对象。")).toBeVisible();
  await expect(page.getByRole("table", { name: "指标与进度" })).toBeVisible();
  await expect(page.getByRole("link", { name: "新增指标" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^编辑\s*：/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^删除/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto("/campaigns/new");
  await expect(page.getByRole("heading", { name: "记录不存在或无权访问" })).toBeVisible();
});
