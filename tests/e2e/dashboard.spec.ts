import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// The campaign dashboard with the demo university (4 campaigns, about 13,000 records): the
// organization department reads it across the tree, filters, drills down to the records,
// exports a table and saves the summary as a PDF; a leader sees only the college they lead.

const SCREENS = path.join("test-results", "e2e", "screens");
const LARGEST = "“三创六进”行动计划";
const LEADER_COLLEGE = "计算机科学与技术学院党委";
/** The dashboard evaluates the campaign on the server: allow for a loaded test machine. */
const SLOW = { timeout: 30_000 };

mkdirSync(SCREENS, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** Opens the dashboard on the largest demo campaign through the campaign picker; returns the server render time. */
async function openLargestCampaign(page: Page): Promise<number> {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "数据看板" })).toBeVisible(SLOW);
  const picker = page.getByLabel("活动", { exact: true });
  // Other journeys create campaigns from the same template ("E2E “三创六进”…"): pick the demo's own.
  const value = await picker
    .locator("option")
    .filter({ hasText: new RegExp(`^${LARGEST}（`) })
    .getAttribute("value");
  expect(value).toBeTruthy();
  await picker.selectOption(value!);
  const started = Date.now();
  await page.getByRole("button", { name: "应用筛选" }).click();
  await page.waitForURL((url) => url.searchParams.get("campaignId") === value);
  await expect(page.getByRole("heading", { name: "组织 × 指标达标热力图" })).toBeVisible(SLOW);
  return Date.now() - started;
}

test("the organization department reads the dashboard, filters, drills down to the records, exports and prints the summary", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, "admin");
  await expect(page.getByRole("navigation").getByRole("link", { name: "数据看板" })).toBeVisible();
  const cold = await openLargestCampaign(page);
  // Warm: the same page again (the server has its modules and connections), timed by the browser.
  await page.reload();
  await expect(page.getByRole("table", { name: "趋势数据表" })).toBeVisible(SLOW);
  // The figures say when they were computed (they are shared between requests).
  await expect(page.getByText(/数据计算于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)).toBeVisible();
  const warm = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      firstByte: Math.round(n.responseStart - n.requestStart),
      complete: Math.round(n.responseEnd - n.requestStart),
    };
  });
  const timing = `first load ${cold} ms (submit to heatmap); reload: first byte ${warm.firstByte} ms, whole streamed page ${warm.complete} ms`;
  test.info().annotations.push({ type: "dashboard render", description: timing });
  console.log(`dashboard of ${LARGEST}: ${timing}`);

  // The sections, each with its data as text next to any chart.
  for (const name of ["月度趋势", "组织 × 指标达标热力图", "逐级汇总", "风险预警名单"])
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByRole("img", { name: /月度趋势折线图/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "趋势数据表" })).toBeVisible();
  const heatmap = page.getByRole("table", { name: "各组织各项指标的达标率" });
  await expect(heatmap.getByRole("rowheader", { name: new RegExp(LEADER_COLLEGE) })).toBeVisible();
  // Each cell carries its number, not only a colour.
  await expect(heatmap.locator("tbody td").first()).toContainText(/\d+(\.\d)?%|—/);
  await expect(
    page.getByRole("table", { name: "风险预警名单" }).locator("tbody tr").first(),
  ).toContainText(/完成 .+\/.+，落后进度|周期已结束|项中已完成/);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "dashboard-admin");

  // Filters: two colleges at once and student organizations only; all of it in the URL.
  await page.getByText("全部（我负责的范围）").click();
  await page.getByRole("checkbox", { name: new RegExp(`^${LEADER_COLLEGE}`) }).check();
  await page.getByRole("checkbox", { name: /^机械工程学院党委/ }).check();
  await page.getByLabel("组织类型").selectOption({ label: "学生" });
  await page.getByRole("button", { name: "应用筛选" }).click();
  await page.waitForURL(
    (url) =>
      url.searchParams.getAll("orgIds").length === 2 &&
      url.searchParams.get("orgKind") === "STUDENT",
  );
  await expect(
    page.getByText(
      /范围：.*计算机科学与技术学院党委.*机械工程学院党委|范围：.*机械工程学院党委.*计算机科学与技术学院党委/,
    ),
  ).toBeVisible(SLOW);
  const filtered = page.getByRole("table", { name: "各组织各项指标的达标率" });
  await expect(filtered.getByRole("rowheader", { name: /本科生第一党支部/ }).first()).toBeVisible();
  await expect(filtered.getByRole("rowheader", { name: /土木工程学院/ })).toHaveCount(0);
  await shot(page, "dashboard-filtered");

  // Drill down: a college's figure → its branches → a branch's subjects → the records behind one.
  await page.goto(page.url().replace(/&?orgKind=STUDENT/, ""));
  await page
    .getByRole("table", { name: "各组织各项指标的达标率" })
    .getByRole("link", { name: new RegExp(`${LEADER_COLLEGE} · 基层党组织集中学习`) })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: `${LEADER_COLLEGE} · 基层党组织集中学习` }),
  ).toBeVisible(SLOW);
  await expect(page.getByRole("heading", { name: "下级组织" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The organizations below: open one, then come back to the college's subjects (all its branches).
  const child = page.getByRole("table", { name: "下级组织" }).getByRole("link").first();
  const childName = (await child.textContent())!.trim();
  await child.click();
  await expect(
    page.getByRole("heading", { level: 1, name: `${childName} · 基层党组织集中学习` }),
  ).toBeVisible(SLOW);
  await page.goBack();
  await expect(page.getByRole("heading", { name: "考核对象" })).toBeVisible(SLOW);
  const withRecords = page
    .getByRole("table", { name: "考核对象" })
    .getByRole("link", { name: /^[1-9]\d* 条记录/ })
    .first();
  await withRecords.click();
  await expect(page.getByRole("heading", { name: /计入的记录（[1-9]\d* 条）/ })).toBeVisible(SLOW);
  const firstRecord = page
    .getByRole("table", { name: /计入的记录/ })
    .getByRole("link", { name: /^查看/ })
    .first();
  await expect(firstRecord).toHaveAttribute("href", /^\/activities\/[0-9a-f-]{36}$/);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "dashboard-records");

  // Export: the roll-up as CSV, with a BOM and Chinese content.
  await page.goto("/dashboard");
  await openLargestCampaign(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 CSV：逐级汇总" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^数据看板-逐级汇总-.+\.csv$/);
  const saved = path.join("test-results", "e2e", "dashboard-rollup.csv");
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8");
  expect(csv).toContain('"组织","层级","上级组织"');
  expect(csv).toContain(LEADER_COLLEGE);
  expect(csv).toContain("\r\n");

  // The printable summary, saved as a PDF.
  await page.getByRole("link", { name: "总结报告" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: new RegExp(`${LARGEST}.*总结报告`) }),
  ).toBeVisible(SLOW);
  for (const name of [
    "一、总体情况",
    "二、指标完成情况",
    "三、活动记录分类统计",
    "四、星级评定",
    "五、先进与后进组织",
  ])
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByText(/次征集；已答复 \d+ 条/)).toBeVisible();
  await expect(page.getByRole("button", { name: "打印 / 保存为 PDF" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "summary");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body header").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "打印 / 保存为 PDF" })).toBeHidden();
  const pdfPath = path.join("test-results", "e2e", "dashboard-summary.pdf");
  const pdf = await page.pdf({
    path: pdfPath,
    format: "A4",
    printBackground: true,
    preferCSSPageSize: true,
  });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: "screen" });
});

test("a leader sees only the college they lead, read-only", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "leader");
  await openLargestCampaign(page);
  await expect(page.getByRole("note")).toContainText(
    `您看到的是您负责范围内的数据（${LEADER_COLLEGE}）`,
  );
  const heatmap = page.getByRole("table", { name: "各组织各项指标的达标率" });
  await expect(heatmap.locator("tbody tr").first()).toContainText(LEADER_COLLEGE);
  await expect(
    heatmap.getByRole("rowheader", { name: /机械工程学院|土木工程学院|马克思主义学院/ }),
  ).toHaveCount(0);
  // The organization picker offers only the college and its branches.
  await page.getByText("全部（我负责的范围）").click();
  const boxes = page.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThan(1);
  for (const label of await page
    .locator('input[name="orgIds"]')
    .evaluateAll((inputs) => inputs.map((i) => i.closest("label")?.textContent ?? ""))) {
    expect(label).toMatch(/计算机科学与技术学院/);
  }
  // Read-only: nothing to edit on the page.
  await expect(page.getByRole("button", { name: /保存|删除|编辑/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "dashboard-leader");
});

test("a member gets nothing here", async ({ page }) => {
  await login(page, "member");
  await expect(page.getByRole("navigation").getByRole("link", { name: "数据看板" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "记录不存在或无权访问" })).toBeVisible();
  const response = await page.request.get(
    "/api/dashboard/export?table=rollup&format=csv&campaignId=00000000-0000-0000-0000-000000000000",
  );
  expect(response.status()).toBe(403);
});
