import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, login } from "./helpers";

// Secretaries work on phones: the main pages must fit a phone screen without sideways scrolling.
test("a secretary uses the tree and roster at phone width", async ({ page }) => {
  await login(page, "secretary");
  for (const path of ["/", "/orgs", "/members"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
    await expectNoSeriousA11yViolations(page);
  }
  await page.screenshot({
    path: "test-results/e2e/screens/roster-secretary-phone.png",
    fullPage: true,
  });
  await expect(page.getByRole("heading", { name: "党员名册" })).toBeVisible();
});
