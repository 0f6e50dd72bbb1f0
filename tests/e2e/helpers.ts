import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_SCHOOL = "demo";
export const DEMO_PASSWORD = "demo1234";

export async function login(
  page: Page,
  username: string,
  school = DEMO_SCHOOL,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("学校代码").fill(school);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Fails on serious or critical accessibility violations, listing them. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Right after a server action the page re-renders and its <title> is put back a moment later;
  // check the settled page (a page that never gets a title still fails here).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
          .slice(0, 2)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect(serious).toEqual([]);
}
