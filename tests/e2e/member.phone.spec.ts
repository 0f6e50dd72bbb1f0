import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// Members use their phones: their own pages must fit a phone screen without sideways scrolling.
test("a member's own pages fit a phone screen", async ({ page }) => {
  await login(page, "member");
  for (const path of ["/me", "/me/reports/new", "/me/pledges/new", "/pledges"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
    await expectNoSeriousA11yViolations(page);
  }
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "我的进度" })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/screens/me-member-phone.png", fullPage: true });
});
