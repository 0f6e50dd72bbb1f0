import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ActivityListQuery, ReviewQueueQuery } from "@/lib/schemas/activity";
import type { Actor } from "@/server/authz/actor";
import { COUNT_LIMIT, listActivities } from "@/server/data/activities/list-activities";
import { listReviewQueue } from "@/server/data/activities/list-review-queue";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

// A university with more records than the activity list counts exactly: the list says "more
// than N", keeps offering the next page, and reaches the exact end; scoping stays as it was.
const IN_B11 = COUNT_LIMIT + 10;
const IN_B21 = 5;

let a: TenantFixture;
let b: TenantFixture;
let admin: Actor;
let collegeAdmin: Actor; // ORG_ADMIN of c1 (b11, b12)
let secretary: Actor; // SECRETARY of b11
let adminB: Actor;

async function insertRecords(
  f: TenantFixture,
  org: string,
  count: number,
  status: "APPROVED" | "SUBMITTED",
) {
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000);
  await adminDb().activity.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      tenantId: f.tenantId,
      id: randomUUID(),
      orgId: f.orgs[org]!.id,
      type: "BRANCH_MEETING",
      date: day(i),
      topic: `${org} 第 ${i + 1} 次支部党员大会`,
      status,
      submittedAt: day(i),
      recordedById: f.users.secretary!,
    })),
  });
}

beforeAll(async () => {
  a = await createTenantFixture("long-a");
  b = await createTenantFixture("long-b");
  await insertRecords(a, "b11", IN_B11, "APPROVED");
  await insertRecords(a, "b21", IN_B21, "SUBMITTED");
  await insertRecords(b, "b11", 3, "APPROVED");
  [admin, collegeAdmin, secretary, adminB] = await Promise.all([
    a.actor("admin"),
    a.actor("collegeAdmin"),
    a.actor("secretary"),
    b.actor("admin"),
  ]);
});

describe("the activity list of a long history", () => {
  it("counts up to the limit, then says 'more than' and offers the next page", async () => {
    const first = await listActivities(admin, ActivityListQuery.parse({}));
    expect(first.total).toBe(COUNT_LIMIT);
    expect(first.totalExact).toBe(false);
    expect(first.pageCount).toBe(COUNT_LIMIT / first.pageSize + 1);
    expect(first.items).toHaveLength(first.pageSize);
    // Newest first.
    const dates = first.items.map((i) => i.date.getTime());
    expect([...dates].sort((x, y) => y - x)).toEqual(dates);

    // The page just past the limit: counted exactly again, and it is the last.
    const lastPage = Math.ceil((IN_B11 + IN_B21) / first.pageSize);
    const last = await listActivities(admin, ActivityListQuery.parse({ page: String(lastPage) }));
    expect(last.totalExact).toBe(true);
    expect(last.total).toBe(IN_B11 + IN_B21);
    expect(last.pageCount).toBe(lastPage);
    expect(last.page).toBe(lastPage);
    expect(last.items).toHaveLength(IN_B11 + IN_B21 - (lastPage - 1) * first.pageSize);

    // A page far beyond the end shows the last one.
    const beyond = await listActivities(admin, ActivityListQuery.parse({ page: "900" }));
    expect(beyond.page).toBe(lastPage);
    expect(beyond.totalExact).toBe(true);
  });

  it("keeps every reader to their subtree and tenant", async () => {
    const all = async (actor: Actor, over: Record<string, unknown> = {}) => {
      const ids = new Set<string>();
      for (let page = 1; ; page++) {
        const p = await listActivities(actor, ActivityListQuery.parse({ ...over, page }));
        p.items.forEach((i) => ids.add(i.id));
        if (page >= p.pageCount) return ids;
      }
    };
    const orgOf = new Map(
      (
        await adminDb().activity.findMany({
          where: { tenantId: a.tenantId },
          select: { id: true, orgId: true },
        })
      ).map((r) => [r.id, r.orgId]),
    );
    const college = await all(collegeAdmin);
    expect(college.size).toBe(IN_B11);
    expect([...college].every((id) => orgOf.get(id) === a.orgs.b11!.id)).toBe(true);
    expect((await all(secretary)).size).toBe(IN_B11);
    // The filter by one organization, the school's whole tree.
    expect((await all(admin, { orgIds: [a.orgs.c2!.id] })).size).toBe(IN_B21);
    expect((await all(admin, { orgIds: [a.orgs.school!.id] })).size).toBe(IN_B11 + IN_B21);
    // Another university's admin sees only theirs; an organization of another tenant matches nothing.
    expect((await all(adminB)).size).toBe(3);
    expect((await all(adminB, { orgIds: [a.orgs.b11!.id] })).size).toBe(0);
  });
});

describe("the review queue", () => {
  it("lists the submitted records an administrator may review, and nothing of another tenant", async () => {
    const queue = await listReviewQueue(admin, ReviewQueueQuery.parse({}));
    expect(queue.total).toBe(IN_B21);
    expect(queue.items.every((i) => i.org.id === a.orgs.b21!.id)).toBe(true);
    expect((await listReviewQueue(collegeAdmin, ReviewQueueQuery.parse({}))).total).toBe(0);
    expect((await listReviewQueue(adminB, ReviewQueueQuery.parse({}))).total).toBe(0);
  });
});

describe("the database", () => {
  it("lets enum filters use indexes under row-level security (enum_eq is leakproof)", async () => {
    const rows = await adminDb().$queryRaw<{ leakproof: boolean }[]>`
      SELECT proleakproof AS leakproof FROM pg_proc WHERE oid = 'pg_catalog.enum_eq'::regproc`;
    expect(rows[0]?.leakproof).toBe(true);
  });
});
