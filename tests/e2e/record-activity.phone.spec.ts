import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousA11yViolations, login } from "./helpers";

const MIN_MEMBERS = 30;
const MAX_INTERACTIONS = 6;

const PHONE_SECRETARY = "e2e-phone-secretary";

/**
 * A branch of the demo university with at least 30 current members (those whose Membership
 * covers today), and the username of a secretary of it: the largest such branch gets a secretary
 * account of its own (password demo1234, copied from the demo secretary), so no member data
 * changes. Only if no branch is that large is the demo secretary's branch topped up with members.
 */
async function branchWithSecretary(): Promise<{
  tenantId: string;
  branchId: string;
  members: number;
  username: string;
}> {
  const client = new pg.Client({ connectionString: process.env.E2E_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    const { rows: tenants } = await client.query<{ id: string }>(
      `SELECT id FROM "Tenant" WHERE slug = 'demo'`,
    );
    const tenantId = tenants[0]!.id;
    const sizes = `
      SELECT o.id, o.code, count(DISTINCT m.id)::int AS n
        FROM "Organization" o
        JOIN "Membership" ms ON ms."tenantId" = o."tenantId" AND ms."orgId" = o.id
        JOIN "Member" m ON m."tenantId" = ms."tenantId" AND m.id = ms."memberId"
       WHERE o."tenantId" = $1 AND o.level = 'BRANCH' AND o."validTo" IS NULL AND m."leftAt" IS NULL
         AND ms."validFrom" <= CURRENT_DATE AND (ms."validTo" IS NULL OR ms."validTo" > CURRENT_DATE)
       GROUP BY o.id, o.code`;
    const { rows: largest } = await client.query<{ id: string; n: number }>(
      `SELECT id, n FROM (${sizes}) s WHERE n >= $2 ORDER BY n DESC, code LIMIT 1`,
      [tenantId, MIN_MEMBERS],
    );
    if (largest[0]) {
      const branchId = largest[0].id;
      const { rows: existing } = await client.query<{ id: string }>(
        `SELECT id FROM "User" WHERE "tenantId" = $1 AND username = $2`,
        [tenantId, PHONE_SECRETARY],
      );
      if (!existing[0]) {
        const { rows: users } = await client.query<{ id: string }>(
          `INSERT INTO "User" ("tenantId", id, username, "displayName", "passwordHash", "updatedAt")
           SELECT "tenantId", gen_random_uuid(), $2, '手机录入测试书记', "passwordHash", now()
             FROM "User" WHERE "tenantId" = $1 AND username = 'secretary'
           RETURNING id`,
          [tenantId, PHONE_SECRETARY],
        );
        await client.query(
          `INSERT INTO "RoleAssignment" ("tenantId", id, "userId", role, "orgId")
           VALUES ($1, gen_random_uuid(), $2, 'SECRETARY', $3)`,
          [tenantId, users[0]!.id, branchId],
        );
      }
      const { rows: role } = await client.query<{ orgId: string }>(
        `SELECT ra."orgId" FROM "RoleAssignment" ra JOIN "User" u ON u."tenantId" = ra."tenantId" AND u.id = ra."userId"
          WHERE u."tenantId" = $1 AND u.username = $2 AND ra.role = 'SECRETARY' AND ra."revokedAt" IS NULL`,
        [tenantId, PHONE_SECRETARY],
      );
      const { rows: size } = await client.query<{ n: number }>(
        `SELECT n FROM (${sizes}) s WHERE id = $2`,
        [tenantId, role[0]!.orgId],
      );
      return { tenantId, branchId: role[0]!.orgId, members: size[0]!.n, username: PHONE_SECRETARY };
    }

    // No branch that large: top up the demo secretary's branch with members E2E-PH-nn.
    const { rows } = await client.query<{ branchId: string }>(
      `SELECT ra."orgId" AS "branchId"
         FROM "User" u JOIN "RoleAssignment" ra ON ra."tenantId" = u."tenantId" AND ra."userId" = u.id
        WHERE u."tenantId" = $1 AND u.username = 'secretary' AND ra.role = 'SECRETARY' AND ra."revokedAt" IS NULL
        LIMIT 1`,
      [tenantId],
    );
    const branchId = rows[0]!.branchId;
    const current = async () =>
      (
        await client.query<{ n: number }>(`SELECT n FROM (${sizes}) s WHERE id = $2`, [
          tenantId,
          branchId,
        ])
      ).rows[0]?.n ?? 0;
    for (let i = await current(); i < MIN_MEMBERS; i++) {
      const number = `E2E-PH-${String(i).padStart(2, "0")}`;
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO "Member" ("tenantId", id, number, name, gender, status, category, "developmentStage", "joinedAt", "orgId", "updatedAt")
         VALUES ($1, gen_random_uuid(), $2, $3, 'MALE', 'FULL', 'TEACHER', 'FULL', DATE '2018-07-01', $4, now())
         ON CONFLICT ("tenantId", number) DO NOTHING
         RETURNING id`,
        [tenantId, number, `补充党员${i}`, branchId],
      );
      if (inserted.rows[0]) {
        await client.query(
          `INSERT INTO "Membership" ("tenantId", id, "memberId", "orgId", "validFrom")
           VALUES ($1, gen_random_uuid(), $2, $3, DATE '2020-01-01')`,
          [tenantId, inserted.rows[0].id, branchId],
        );
      }
    }
    return { tenantId, branchId, members: await current(), username: "secretary" };
  } finally {
    await client.end();
  }
}

/** Counts what the user does: every page opening, tap, fill and selection goes through here. */
function interactionCounter(page: Page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    open: async (path: string) => {
      count++;
      await page.goto(path);
    },
    select: async (label: string, value: string) => {
      count++;
      await page.getByLabel(label, { exact: true }).selectOption(value);
    },
    fill: async (label: string, value: string) => {
      count++;
      await page.getByLabel(label, { exact: true }).fill(value);
    },
    tap: async (name: string) => {
      count++;
      await page.getByRole("button", { name, exact: true }).click();
    },
  };
}

test("a secretary records a 30-member branch meeting, everyone present, in at most 6 interactions on a phone", async ({
  page,
}) => {
  const branch = await branchWithSecretary();
  expect(branch.members).toBeGreaterThanOrEqual(MIN_MEMBERS);
  await login(page, branch.username);

  const user = interactionCounter(page);
  const topic = `手机录入 ${Date.now()}`;
  await user.open("/activities/new"); // 1
  await expect(
    page.getByText(`应到 ${branch.members} 人，实到 ${branch.members} 人`),
  ).toBeVisible();
  await user.select("活动类型", "BRANCH_GENERAL_MEETING"); // 2
  await user.fill("主题", topic); // 3
  await user.tap("保存并提交"); // 4
  await page.waitForURL(/\/activities\/[0-9a-f-]{36}\?saved=submitted/);
  await expect(page.getByText("已保存并提交审核")).toBeVisible();
  expect(user.count).toBeLessThanOrEqual(MAX_INTERACTIONS);

  // What was written: a submitted branch meeting of today, the whole roster present, with the duration's hours.
  const client = new pg.Client({ connectionString: process.env.E2E_ADMIN_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{
    status: string;
    type: string;
    today: boolean;
    duration: string;
    present: number;
    absent: number;
  }>(
    `SELECT a.status, a.type, a.date = (now() AT TIME ZONE 'Asia/Shanghai')::date AS today,
            a."durationHours"::text AS duration,
            count(*) FILTER (WHERE at.present)::int AS present,
            count(*) FILTER (WHERE NOT at.present)::int AS absent
       FROM "Activity" a JOIN "ActivityAttendance" at ON at."tenantId" = a."tenantId" AND at."activityId" = a.id
      WHERE a."tenantId" = $1 AND a.topic = $2
      GROUP BY a."tenantId", a.id`,
    [branch.tenantId, topic],
  );
  await client.end();
  expect(rows).toEqual([
    {
      status: "SUBMITTED",
      type: "BRANCH_GENERAL_MEETING",
      today: true,
      duration: "1.50",
      present: branch.members,
      absent: 0,
    },
  ]);

  // The page itself fits a phone and is accessible.
  await page.goto("/activities/new");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({
    path: "test-results/e2e/screens/record-activity-phone.png",
    fullPage: true,
  });
  await page.goto("/activities");
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0);
  await expectNoSeriousA11yViolations(page);
});
