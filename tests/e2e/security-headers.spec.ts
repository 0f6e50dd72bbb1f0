import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

// The nonce-based Content Security Policy must not break any part of the app: every page
// below is loaded (charts, forms with file inputs, the printable summary, the calendar …),
// a server action is submitted, and neither the console nor the browser's
// securitypolicyviolation events may report a single blocked script, style or image.

const SLOW = { timeout: 30_000 };

type Watch = { violations: string[] };

async function watchCsp(page: Page): Promise<Watch> {
  const watch: Watch = { violations: [] };
  page.on("console", (msg) => {
    if (
      /Content Security Policy|Refused to (load|execute|apply|run|connect|frame)/i.test(msg.text())
    )
      watch.violations.push(`${page.url()}: ${msg.text()}`);
  });
  await page.exposeFunction("__reportCsp", (text: string) =>
    watch.violations.push(`${page.url()}: ${text}`),
  );
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"}`,
      );
    });
  });
  return watch;
}

function cspDirectives(header: string | undefined): Map<string, string> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    header!.split(";").map((d) => {
      const [name, ...rest] = d.trim().split(/\s+/);
      return [name!, rest.join(" ")] as const;
    }),
  );
}

test("pages carry a nonce CSP and the security headers, and nothing is blocked", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const watch = await watchCsp(page);
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = cspDirectives(headers["content-security-policy"]);
  const nonce = /'nonce-([^']+)'/.exec(csp.get("script-src") ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(csp.get("script-src")).not.toContain("unsafe-inline");
  expect(csp.get("frame-ancestors")).toBe("'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // Plain http here: no HSTS promised.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Every script Next rendered carries this response's nonce.
  const scriptNonces = await page
    .locator("script")
    .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  // A second load draws a new nonce.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  // Logging in needs the client scripts to run.
  await login(page, "admin");

  const pages = [
    "/",
    "/dashboard",
    "/campaigns",
    "/activities",
    "/activities/new",
    "/activities/review",
    "/tasks",
    "/calendar",
    "/members",
    "/orgs",
    "/audit",
    "/notifications",
    "/account/password",
  ];
  for (const path of pages) {
    const r = await page.goto(path);
    expect(r?.status(), path).toBeLessThan(400);
    await expect(page.locator("h1").first(), path).toBeVisible(SLOW);
    await page.waitForLoadState("load");
  }

  // The dashboard with a campaign's charts (recharts), and the printable summary.
  await page.goto("/dashboard");
  const picker = page.getByLabel("活动", { exact: true });
  const campaignId = await picker.locator("option").nth(1).getAttribute("value");
  expect(campaignId).toBeTruthy();
  await page.goto(`/dashboard?campaignId=${campaignId}`);
  await expect(page.locator(".recharts-wrapper, svg.recharts-surface").first()).toBeVisible(SLOW);
  await page.goto(`/dashboard/summary?campaignId=${campaignId}`);
  await expect(page.locator("h1").first()).toBeVisible(SLOW);
  await page.emulateMedia({ media: "print" });
  await page.emulateMedia({ media: "screen" });

  // A server action round trip: a wrong current password is reported beside the field.
  await page.goto("/account/password");
  await page.getByLabel("当前密码").fill("not-the-password");
  await page.getByLabel("新密码", { exact: true }).fill("another-pass-123");
  await page.getByLabel("确认新密码").fill("another-pass-123");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确").first()).toBeVisible(SLOW);
  // The account page lists the live sign-ins, this one marked as current.
  await expect(page.getByRole("heading", { name: "登录会话" })).toBeVisible();
  await expect(page.getByText("当前会话")).toBeVisible();

  // A file chosen in an upload form (preview from a blob: URL where the form shows one).
  await page.goto("/activities/new");
  const PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  await page
    .getByLabel("证明材料")
    .setInputFiles({ name: "a.png", mimeType: "image/png", buffer: PNG });
  await page.waitForTimeout(300);

  expect(watch.violations).toEqual([]);
});

test("logging out ends the session on the server: a cookie copied before is refused after", async ({
  page,
  browser,
}) => {
  await login(page, "inspector");
  await page.goto("/dashboard");
  const copied = await page.context().cookies();
  expect(copied.find((c) => c.name.includes("session-token"))?.httpOnly).toBe(true);
  expect(copied.find((c) => c.name.includes("session-token"))?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: /退出/ }).first().click();
  await page.waitForURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});
