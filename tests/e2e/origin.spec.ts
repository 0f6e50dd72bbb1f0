import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// The Origin check of proxy.ts (src/server/http/origin.ts), over real HTTP against `next start`.

const ACTION_ID = "7f".repeat(21); // shaped like a server-action id; the proxy answers first

test("the browser's own requests pass: login (next-auth POST) and a server action", async ({
  page,
}) => {
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 403 && response.request().method() !== "GET")
      refused.push(response.url());
  });
  await login(page, "admin");
  // The language switch is a server action (POST with Next-Action and the page's Origin).
  await page.getByRole("button", { name: /English/ }).click();
  await expect(
    page.getByRole("navigation").getByRole("link", { name: "Organizations", exact: true }),
  ).toBeVisible();
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(
    page.getByRole("navigation").getByRole("link", { name: "组织架构", exact: true }),
  ).toBeVisible();
  expect(refused).toEqual([]);
});

test.describe("cross-site and origin-less mutating requests get 403", () => {
  const action = (origin?: string) => ({
    headers: {
      "Next-Action": ACTION_ID,
      "Content-Type": "text/plain;charset=UTF-8",
      ...(origin === undefined ? {} : { Origin: origin }),
    },
    data: "[]",
    maxRedirects: 0,
  });

  for (const [label, origin, message] of [
    ["a foreign Origin", "https://evil.example", "请求来源不被接受"],
    ['Origin "null"', "null", "请求来源不被接受"],
    ["no Origin", undefined, "请求缺少来源信息"],
  ] as const) {
    test(`server-action POST with ${label}`, async ({ request }) => {
      for (const path of ["/", "/members", "/activities/new"]) {
        const response = await request.post(path, action(origin));
        expect(response.status(), path).toBe(403);
        expect(await response.text()).toContain(message);
        expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
      }
    });
  }

  test("next-auth's sign-in POST with a foreign or null Origin", async ({ request }) => {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await request.post("/api/auth/callback/credentials", {
        headers: { Origin: origin },
        form: { username: "admin", password: "demo1234", schoolCode: "demo" },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
    }
  });

  test("route handlers: any mutating method with a foreign Origin", async ({ request }) => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const path of [`/api/evidence/${id}`, "/api/dashboard/export", "/api/activities/roster"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await request.fetch(path, {
          method,
          headers: { Origin: "https://evil.example" },
          maxRedirects: 0,
        });
        expect(response.status(), `${method} ${path}`).toBe(403);
      }
    }
  });

  test("the app's own Origin passes the proxy; GET is never checked", async ({
    request,
    baseURL,
  }) => {
    const own = await request.post("/", action(new URL(baseURL!).origin));
    expect(own.status()).not.toBe(403);
    const get = await request.get("/login", { headers: { Origin: "https://evil.example" } });
    expect(get.status()).toBe(200);
  });
});
