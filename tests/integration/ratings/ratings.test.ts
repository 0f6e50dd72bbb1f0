import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/actor";
import { setDerivedCachingForTests } from "@/server/data/derived-cache";
import { computeRatings } from "@/server/data/ratings/compute-ratings";
import { enterAssessment } from "@/server/data/ratings/enter-assessment";
import {
  getPublishedRatings,
  listRatingPublications,
} from "@/server/data/ratings/get-published-ratings";
import { getRatingExplanation } from "@/server/data/ratings/get-rating-explanation";
import { publishRatings } from "@/server/data/ratings/publish-ratings";
import type { RatingSet, SubjectRating } from "@/server/data/ratings/rating-types";
import { whatWouldRaiseOneStar } from "@/server/data/ratings/what-would-raise-one-star";
import { isAppError } from "@/server/errors";
import { withTenant } from "@/server/tenant-tx";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

// A tiny campaign over the calendar year 2025 (a past year: rated as of 31 December, whatever
// day the tests run): two branch quotas weighted 2 and 1, one manual item of 20 points and one
// veto capping at 59. Records per branch:
//   b11: 8 study sessions, 4 theme days, manual 15      → 80·2/3·8/10 + 80·1/3·4/4 + 15 = 42.67 + 26.67 + 15 = 84.34 → 4★
//   b12: 10 study sessions, 2 theme days                 → 53.33 + 13.33                 = 66.66 → 2★
//   b21: 10 study sessions, 4 theme days, manual 20, veto → 53.33 + 26.67 + 20 = 100, capped at 59 → 1★
const YEAR = 2025;
const DEFINITION = (id: string) => ({
  id,
  startDate: "2025-01-01",
  endDate: "2025-12-31",
  quotas: [
    {
      id: "study",
      name: "集中学习",
      nameEn: "Concentrated study",
      subject: { kind: "organization", levels: ["BRANCH"] },
      period: { kind: "calendarYear" },
      metric: "count",
      activity: { types: ["CONCENTRATED_STUDY"] },
      target: { op: "atLeast", value: 10 },
      unit: "sessions",
      options: { weight: 2 },
    },
    {
      id: "theme",
      name: "主题党日",
      subject: { kind: "organization", levels: ["BRANCH"] },
      period: { kind: "calendarYear" },
      metric: "count",
      activity: { types: ["THEME_PARTY_DAY"] },
      target: { op: "atLeast", value: 4 },
      options: { weight: 1 },
    },
  ],
  rating: {
    manualItems: [{ id: "review", label: "上级党组织评价", maxPoints: 20 }],
    vetoItems: [{ id: "violation", label: "严重违纪", capScore: 59 }],
  },
});

let a: TenantFixture;
let b: TenantFixture;
let admin: Actor;
let campaignId: string;
let bCampaignId: string;
/** One study session of b11, voided in the publication test. */
let b11StudyId: string;

async function createCampaign(tenant: TenantFixture): Promise<string> {
  const id = randomUUID();
  await adminDb().campaign.create({
    data: {
      tenantId: tenant.tenantId,
      id,
      name: `${tenant.slug} 星级评定测试`,
      startDate: new Date("2025-01-01T00:00:00Z"),
      endDate: new Date("2025-12-31T00:00:00Z"),
      rootOrgId: tenant.orgs.school!.id,
      definition: DEFINITION(id),
    },
  });
  return id;
}

/** `count` approved records of `type` held by the branch, linked to the campaign; returns their ids. */
async function addRecords(
  tenant: TenantFixture,
  campaign: string,
  orgKey: string,
  type: string,
  count: number,
  firstDay = 1,
): Promise<string[]> {
  const db = adminDb();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    ids.push(id);
    const month = String(1 + ((firstDay - 1 + i) % 12)).padStart(2, "0");
    await db.activity.create({
      data: {
        tenantId: tenant.tenantId,
        id,
        orgId: tenant.orgs[orgKey]!.id,
        type,
        date: new Date(`2025-${month}-10T00:00:00Z`),
        durationHours: 2,
        topic: `${type} ${i + 1}`,
        status: "APPROVED",
        recordedById: tenant.users.admin!,
      },
    });
    await db.activityCampaign.create({
      data: { tenantId: tenant.tenantId, activityId: id, campaignId: campaign },
    });
  }
  return ids;
}

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return error.code;
    return `not an AppError: ${(error as Error).message}`;
  }
  return "RESOLVED";
}

async function tenantRatingRows(tenantId: string) {
  const db = adminDb();
  return JSON.stringify({
    entries: await db.assessmentEntry.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    publications: await db.ratingPublication.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
    }),
    audit: await db.auditEvent.count({ where: { tenantId } }),
  });
}

const org = (set: RatingSet, tenant: TenantFixture, key: string): SubjectRating => {
  const found = set.organizations.find((o) => o.id === tenant.orgs[key]!.id);
  if (!found) throw new Error(`${key} is not rated`);
  return found;
};

const sumOfPoints = (r: SubjectRating) =>
  Math.round(r.breakdown.reduce((s, l) => s + l.points, 0) * 100) / 100;

beforeAll(async () => {
  a = await createTenantFixture("rt-a");
  b = await createTenantFixture("rt-b");
  admin = await a.actor("admin");
  campaignId = await createCampaign(a);
  bCampaignId = await createCampaign(b);
  b11StudyId = (await addRecords(a, campaignId, "b11", "CONCENTRATED_STUDY", 8))[0]!;
  await addRecords(a, campaignId, "b11", "THEME_PARTY_DAY", 4);
  await addRecords(a, campaignId, "b12", "CONCENTRATED_STUDY", 10);
  await addRecords(a, campaignId, "b12", "THEME_PARTY_DAY", 2);
  await addRecords(a, campaignId, "b21", "CONCENTRATED_STUDY", 10);
  await addRecords(a, campaignId, "b21", "THEME_PARTY_DAY", 4);
  // A record outside the year's window never counts, nor does an unlinked one.
  await addRecords(b, bCampaignId, "b11", "CONCENTRATED_STUDY", 3);

  const assess = (
    subjectKey: string,
    itemId: string,
    value: { points?: number; triggered?: boolean },
    comment: string,
  ) =>
    enterAssessment(admin, {
      campaignId,
      year: YEAR,
      subjectKind: "organization",
      subjectId: a.orgs[subjectKey]!.id,
      itemId,
      ...value,
      comment,
    });
  await assess("b11", "review", { points: 15 }, "支部工作扎实");
  await assess("b21", "review", { points: 20 }, "表现突出");
  await assess("b21", "violation", { triggered: true }, "发生严重违纪问题");
  // An inspector's assessment of B's own campaign, so tenant B has rows that must stay untouched.
  await enterAssessment(await b.actor("inspector"), {
    campaignId: bCampaignId,
    year: YEAR,
    subjectKind: "organization",
    subjectId: b.orgs.b11!.id,
    itemId: "review",
    points: 12,
    comment: "B 校评价",
  });
});

describe("computeRatings", () => {
  it("equals the hand computation, and every breakdown adds up to its score", async () => {
    const set = await computeRatings(admin, { campaignId, year: YEAR });
    expect(set.asOf).toBe("2025-12-31");
    expect(set.settings.isDefault).toBe(false);
    // Only the branches are subjects of the quotas; nobody else has an assessment.
    expect(set.organizations.map((o) => o.id).sort()).toEqual(
      [a.orgs.b11!.id, a.orgs.b12!.id, a.orgs.b21!.id].sort(),
    );
    expect(set.members).toEqual([]);

    const b11 = org(set, a, "b11");
    expect({ score: b11.score, stars: b11.stars }).toEqual({ score: 84.34, stars: 4 });
    const [study, theme, review] = b11.breakdown;
    expect(study).toMatchObject({
      source: "quota",
      id: "study",
      points: 42.67,
      maxPoints: 53.33,
      weight: 2,
      totalWeight: 3,
      compliance: 0.8,
    });
    // On 31 December the window has not ended yet (its last day is the as-of date), and all of its pace is due.
    expect(study?.source === "quota" && study.windows).toEqual([
      expect.objectContaining({
        start: "2025-01-01",
        end: "2025-12-31",
        achieved: 8,
        target: 10,
        countedTarget: 10,
        compliance: 0.8,
        status: "atRisk",
        records: 8,
      }),
    ]);
    expect(study?.source === "quota" && study.href).toBe(
      `/campaigns/${campaignId}/quotas/study?asOf=2025-12-31&windows=all`,
    );
    expect(theme).toMatchObject({
      source: "quota",
      id: "theme",
      points: 26.67,
      maxPoints: 26.67,
      weight: 1,
    });
    expect(review).toMatchObject({ source: "manual", id: "review", points: 15, maxPoints: 20 });
    expect(review?.source === "manual" && review.entry).toMatchObject({
      points: 15,
      comment: "支部工作扎实",
      enteredByName: "rt-a admin",
    });
    expect(b11.breakdown).toHaveLength(3);

    const b12 = org(set, a, "b12");
    expect({ score: b12.score, stars: b12.stars }).toEqual({ score: 66.66, stars: 2 });
    // The manual item not yet assessed is a line of 0 points.
    expect(b12.breakdown.find((l) => l.source === "manual")).toMatchObject({
      points: 0,
      maxPoints: 20,
      entry: null,
    });

    for (const r of [...set.organizations, ...set.members])
      expect(sumOfPoints(r), r.name).toBe(r.score);
  });

  it("caps the score at a triggered veto, shown as a negative line", async () => {
    const set = await computeRatings(admin, { campaignId, year: YEAR });
    const b21 = org(set, a, "b21");
    expect({ score: b21.score, stars: b21.stars }).toEqual({ score: 59, stars: 1 });
    const veto = b21.breakdown.find((l) => l.source === "veto");
    expect(veto).toMatchObject({ id: "violation", points: -41, capScore: 59, binding: true });
    expect(veto?.source === "veto" && veto.entry?.comment).toBe("发生严重违纪问题");
    expect(sumOfPoints(b21)).toBe(59);
  });

  it("places scores in the campaign's bands", async () => {
    const db = adminDb();
    const row = await db.campaign.findFirstOrThrow({ where: { id: campaignId } });
    try {
      const definition = DEFINITION(campaignId);
      await db.campaign.update({
        where: { tenantId_id: { tenantId: a.tenantId, id: campaignId } },
        data: {
          definition: {
            ...definition,
            rating: {
              ...definition.rating,
              bands: [
                { stars: 5, minScore: 84.34 },
                { stars: 3, minScore: 66.66 },
              ],
            },
          },
        },
      });
      const set = await computeRatings(admin, { campaignId, year: YEAR });
      // Exactly on a band's minimum is in the band; below every band is 1★.
      expect([
        org(set, a, "b11").stars,
        org(set, a, "b12").stars,
        org(set, a, "b21").stars,
      ]).toEqual([5, 3, 1]);
    } finally {
      await db.campaign.update({
        where: { tenantId_id: { tenantId: a.tenantId, id: campaignId } },
        data: { definition: row.definition as object },
      });
    }
    const set = await computeRatings(admin, { campaignId, year: YEAR });
    expect([org(set, a, "b11").stars, org(set, a, "b12").stars, org(set, a, "b21").stars]).toEqual([
      4, 2, 1,
    ]);
  });

  it("flags organizations at 3★ or below and their responsible persons, and lists no candidate below the bands", async () => {
    const set = await computeRatings(admin, { campaignId, year: YEAR });
    expect(set.flags.lowOrganizations.map((o) => o.orgId).sort()).toEqual(
      [a.orgs.b12!.id, a.orgs.b21!.id].sort(),
    );
    // The secretaries (position SECRETARY) of b12 and b21; b11's secretary leads a 4★ branch.
    expect(set.flags.ineligibleLeaders.map((l) => [l.memberId, l.orgId, l.basis])).toEqual(
      expect.arrayContaining([
        [a.members["b12-0"], a.orgs.b12!.id, ["SECRETARY"]],
        [a.members["b21-0"], a.orgs.b21!.id, ["SECRETARY"]],
      ]),
    );
    expect(set.flags.ineligibleLeaders).toHaveLength(2);
    expect(set.candidates.organizations).toEqual([]);
  });

  it("says what would raise an organization one star, from its breakdown", async () => {
    const { rating, plan } = await whatWouldRaiseOneStar(admin, {
      campaignId,
      year: YEAR,
      orgId: a.orgs.b12!.id,
    });
    expect(rating.score).toBe(66.66);
    // 3.34 points to 70: one more theme day is worth 80·1/3 ÷ 4 = 6.67 points.
    expect(plan).toMatchObject({
      kind: "plan",
      missing: 3.34,
      nextStars: 3,
      nextMinScore: 70,
      steps: [{ quotaId: "theme", units: 1, points: 6.67 }],
      projectedScore: 73.33,
      projectedStars: 3,
      reachable: true,
    });
    const blocked = await whatWouldRaiseOneStar(admin, {
      campaignId,
      year: YEAR,
      orgId: a.orgs.b21!.id,
    });
    expect(blocked.plan).toMatchObject({
      kind: "blockedByVeto",
      veto: { id: "violation", capScore: 59 },
    });
  });
});

describe("enterAssessment", () => {
  it("refuses points out of range, a missing comment, an unknown item and a veto without a choice, writing nothing", async () => {
    const before = await tenantRatingRows(a.tenantId);
    const base = {
      campaignId,
      year: YEAR,
      subjectKind: "organization" as const,
      subjectId: a.orgs.b12!.id,
    };
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "review", points: 21, comment: "太高" }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "review", points: -1, comment: "负数" }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "review", points: 10, comment: "  " }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "review", points: 10, comment: "" }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "review", comment: "没有分值" }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "nope", points: 1, comment: "未知项" }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, { ...base, itemId: "violation", comment: "未选择" }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(() =>
        enterAssessment(admin, {
          ...base,
          year: 2024,
          itemId: "review",
          points: 1,
          comment: "年份外",
        }),
      ),
    ).toBe("VALIDATION");
    try {
      await enterAssessment(admin, { ...base, itemId: "review", points: 21, comment: "太高" });
    } catch (error) {
      expect(isAppError(error) && error.fieldErrors).toEqual({ points: ["分值须在 0 到 20 之间"] });
    }
    expect(await tenantRatingRows(a.tenantId)).toBe(before);
  });

  it("supersedes the previous entry of the same item, keeps it on record, and audits the change", async () => {
    const inspector = await a.actor("inspector");
    const subject = {
      campaignId,
      year: YEAR,
      subjectKind: "member" as const,
      subjectId: a.members["b11-1"]!,
    };
    const first = await enterAssessment(inspector, {
      ...subject,
      itemId: "review",
      points: 10,
      comment: "初评",
    });
    const same = await enterAssessment(inspector, {
      ...subject,
      itemId: "review",
      points: 10,
      comment: "初评",
    });
    expect(same).toEqual({ id: first.id, changed: false });
    const second = await enterAssessment(inspector, {
      ...subject,
      itemId: "review",
      points: 18,
      comment: "复核后调整",
    });
    expect(second.changed).toBe(true);

    const rows = await adminDb().assessmentEntry.findMany({
      where: { tenantId: a.tenantId, subjectId: subject.subjectId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [Number(r.points), r.supersededAt !== null, r.enteredById])).toEqual([
      [10, true, a.users.inspector],
      [18, false, a.users.inspector],
    ]);
    const audit = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, action: "rating.assess", entityId: second.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ id: first.id, points: 10, comment: "初评" });

    // The member is now rated (no member quota: the pool earns nothing) with the current entry only.
    const explanation = await getRatingExplanation(admin, { ...subject });
    expect(explanation.rating).toMatchObject({
      kind: "member",
      score: 18,
      stars: 1,
      branchId: a.orgs.b11!.id,
    });
    expect(explanation.branch?.id).toBe(a.orgs.b11!.id);
    expect(explanation.history.map((h) => [h.points, h.supersededAt === null])).toEqual([
      [18, true],
      [10, false],
    ]);
    expect(sumOfPoints(explanation.rating)).toBe(18);
  });
});

describe("publishRatings", () => {
  it("freezes a version: later record changes alter the computed rating, never the published one", async () => {
    const v1 = await publishRatings(admin, { campaignId, year: YEAR });
    expect(v1.version).toBe(1);
    const published = await getPublishedRatings(admin, { campaignId, year: YEAR });
    expect(published.publication).toMatchObject({
      version: 1,
      reason: null,
      asOf: "2025-12-31",
      publishedByName: "rt-a admin",
    });
    const frozen = JSON.stringify(published.set!.organizations);
    expect(org(published.set!, a, "b11").score).toBe(84.34);

    // Void one of b11's study sessions and add a theme day to b12.
    await adminDb().activity.update({
      where: { tenantId_id: { tenantId: a.tenantId, id: b11StudyId } },
      data: { voidedAt: new Date(), voidReason: "重复录入" },
    });
    await addRecords(a, campaignId, "b12", "THEME_PARTY_DAY", 1, 11);

    const computed = await computeRatings(admin, { campaignId, year: YEAR });
    expect(org(computed, a, "b11").score).toBe(79); // 80·2/3·7/10 = 37.33 + 26.67 + 15
    expect(org(computed, a, "b11").stars).toBe(3);
    expect(org(computed, a, "b12").score).toBe(73.33); // 53.33 + 80·1/3·3/4 = 20
    const again = await getPublishedRatings(admin, { campaignId, year: YEAR, version: 1 });
    expect(JSON.stringify(again.set!.organizations)).toBe(frozen);

    // The application role cannot change a publication, whatever it tries.
    await expect(
      withTenant(
        a.tenantId,
        (tx) =>
          tx.$executeRaw`UPDATE "RatingPublication" SET "reason" = 'changed' WHERE "tenantId" = ${a.tenantId}::uuid`,
      ),
    ).rejects.toThrow();
    expect(
      (
        await adminDb().ratingPublication.findFirstOrThrow({
          where: { tenantId: a.tenantId, campaignId },
        })
      ).reason,
    ).toBeNull();
  });

  it("refuses to republish without a reason; with one it creates version 2, and both versions stay readable", async () => {
    const before = await tenantRatingRows(a.tenantId);
    expect(await codeOf(() => publishRatings(admin, { campaignId, year: YEAR }))).toBe(
      "VALIDATION",
    );
    expect(
      await codeOf(() => publishRatings(admin, { campaignId, year: YEAR, reason: "   " })),
    ).toBe("VALIDATION");
    expect(await tenantRatingRows(a.tenantId)).toBe(before);

    const v2 = await publishRatings(admin, {
      campaignId,
      year: YEAR,
      reason: "更正作废的学习记录",
    });
    expect(v2.version).toBe(2);
    const versions = await listRatingPublications(admin, { campaignId, year: YEAR });
    expect(versions.map((v) => [v.version, v.reason, v.organizations])).toEqual([
      [2, "更正作废的学习记录", 3],
      [1, null, 3],
    ]);
    const first = await getPublishedRatings(admin, { campaignId, year: YEAR, version: 1 });
    const latest = await getPublishedRatings(admin, { campaignId, year: YEAR });
    expect(latest.publication!.version).toBe(2);
    expect(org(first.set!, a, "b11").score).toBe(84.34);
    expect(org(latest.set!, a, "b11").score).toBe(79);
    expect(
      await codeOf(() => getPublishedRatings(admin, { campaignId, year: YEAR, version: 3 })),
    ).toBe("NOT_FOUND");

    const audit = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, action: "rating.publish" },
      orderBy: { at: "asc" },
    });
    expect(audit.map((e) => (e.after as { version: number }).version)).toEqual([1, 2]);
  });
});

describe("scope and roles", () => {
  it("shows a leader only their subtree, computed and published, read-only", async () => {
    const leader = await a.actor("leader"); // LEADER over college c1
    const set = await computeRatings(leader, { campaignId, year: YEAR });
    expect(set.organizations.map((o) => o.id).sort()).toEqual(
      [a.orgs.b11!.id, a.orgs.b12!.id].sort(),
    );
    expect(set.members.map((m) => m.id)).toEqual([a.members["b11-1"]]);
    // Since the voided record b11 is at 79 (3★) too; b21 (college c2) is not the leader's to see.
    expect(set.flags.lowOrganizations.map((o) => o.orgId).sort()).toEqual(
      [a.orgs.b11!.id, a.orgs.b12!.id].sort(),
    );
    // b11's secretary holds the position and the SECRETARY role over b11.
    expect(set.flags.ineligibleLeaders.map((l) => [l.memberId, l.basis])).toEqual(
      expect.arrayContaining([
        [a.members["b11-0"], ["SECRETARY", "SECRETARY_ROLE"]],
        [a.members["b12-0"], ["SECRETARY"]],
      ]),
    );
    expect(set.flags.ineligibleLeaders).toHaveLength(2);

    const published = await getPublishedRatings(leader, { campaignId, year: YEAR, version: 1 });
    expect(published.set!.organizations.map((o) => o.id).sort()).toEqual(
      [a.orgs.b11!.id, a.orgs.b12!.id].sort(),
    );
    expect(
      await codeOf(() =>
        whatWouldRaiseOneStar(leader, { campaignId, year: YEAR, orgId: a.orgs.b21!.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(() =>
        getRatingExplanation(leader, {
          campaignId,
          year: YEAR,
          subjectKind: "organization",
          subjectId: a.orgs.b21!.id,
        }),
      ),
    ).toBe("NOT_FOUND");
    const explanation = await getRatingExplanation(leader, {
      campaignId,
      year: YEAR,
      subjectKind: "organization",
      subjectId: a.orgs.b12!.id,
    });
    expect(explanation.canAssess).toBe(false);

    const before = await tenantRatingRows(a.tenantId);
    expect(
      await codeOf(() =>
        enterAssessment(leader, {
          campaignId,
          year: YEAR,
          subjectKind: "organization",
          subjectId: a.orgs.b11!.id,
          itemId: "review",
          points: 5,
          comment: "x",
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(() => publishRatings(leader, { campaignId, year: YEAR, reason: "x" })),
    ).toBe("FORBIDDEN");
    // A college's organization department may not publish a school-wide campaign.
    const collegeAdmin = await a.actor("collegeAdmin");
    expect(
      await codeOf(() => publishRatings(collegeAdmin, { campaignId, year: YEAR, reason: "x" })),
    ).toBe("FORBIDDEN");
    const member = await a.actor("member");
    expect(await codeOf(() => computeRatings(member, { campaignId, year: YEAR }))).toBe(
      "FORBIDDEN",
    );
    expect(await tenantRatingRows(a.tenantId)).toBe(before);
  });

  it("lets an inspector assess but not publish", async () => {
    const inspector = await a.actor("inspector");
    const { changed } = await enterAssessment(inspector, {
      campaignId,
      year: YEAR,
      subjectKind: "organization",
      subjectId: a.orgs.b12!.id,
      itemId: "review",
      points: 5,
      comment: "督查抽查意见",
    });
    expect(changed).toBe(true);
    const before = await tenantRatingRows(a.tenantId);
    expect(
      await codeOf(() => publishRatings(inspector, { campaignId, year: YEAR, reason: "督查" })),
    ).toBe("FORBIDDEN");
    expect(await tenantRatingRows(a.tenantId)).toBe(before);
    const set = await computeRatings(inspector, { campaignId, year: YEAR });
    expect(org(set, a, "b12").score).toBe(78.33);
  });

  it("reports tenant B's campaign and subjects as not found to every role of tenant A, and leaves B unchanged", async () => {
    const before = await tenantRatingRows(b.tenantId);
    for (const role of ["admin", "collegeAdmin", "leader", "secretary", "inspector"] as const) {
      const actor = await a.actor(role);
      const calls: Record<string, () => Promise<unknown>> = {
        computeRatings: () => computeRatings(actor, { campaignId: bCampaignId, year: YEAR }),
        getPublishedRatings: () =>
          getPublishedRatings(actor, { campaignId: bCampaignId, year: YEAR }),
        listRatingPublications: () =>
          listRatingPublications(actor, { campaignId: bCampaignId, year: YEAR }),
        whatWouldRaiseOneStar: () =>
          whatWouldRaiseOneStar(actor, {
            campaignId: bCampaignId,
            year: YEAR,
            orgId: b.orgs.b11!.id,
          }),
        getRatingExplanation: () =>
          getRatingExplanation(actor, {
            campaignId: bCampaignId,
            year: YEAR,
            subjectKind: "organization",
            subjectId: b.orgs.b11!.id,
          }),
      };
      const results: Record<string, string> = {};
      for (const [name, call] of Object.entries(calls)) results[name] = await codeOf(call);
      expect({ role, results }).toEqual({
        role,
        results: Object.fromEntries(Object.keys(calls).map((k) => [k, "NOT_FOUND"])),
      });
    }
    for (const role of ["admin", "inspector"] as const) {
      const actor = await a.actor(role);
      const entry = { year: YEAR, itemId: "review", points: 5, comment: "越界" };
      expect(
        await codeOf(() =>
          enterAssessment(actor, {
            ...entry,
            campaignId: bCampaignId,
            subjectKind: "organization",
            subjectId: b.orgs.b11!.id,
          }),
        ),
      ).toBe("NOT_FOUND");
      // A's own campaign with B's organization or member.
      expect(
        await codeOf(() =>
          enterAssessment(actor, {
            ...entry,
            campaignId,
            subjectKind: "organization",
            subjectId: b.orgs.b11!.id,
          }),
        ),
      ).toBe("NOT_FOUND");
      expect(
        await codeOf(() =>
          enterAssessment(actor, {
            ...entry,
            campaignId,
            subjectKind: "member",
            subjectId: b.members["b11-1"]!,
          }),
        ),
      ).toBe("NOT_FOUND");
      expect(
        await codeOf(() =>
          whatWouldRaiseOneStar(actor, { campaignId, year: YEAR, orgId: b.orgs.b11!.id }),
        ),
      ).toBe("NOT_FOUND");
    }
    expect(
      await codeOf(() =>
        publishRatings(admin, { campaignId: bCampaignId, year: YEAR, reason: "越界" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await tenantRatingRows(b.tenantId)).toBe(before);

    // B's own reading is untouched by all of it: its one record and its assessment.
    const bSet = await computeRatings(await b.actor("admin"), {
      campaignId: bCampaignId,
      year: YEAR,
    });
    expect(bSet.organizations.find((o) => o.id === b.orgs.b11!.id)?.score).toBe(28); // 80·2/3·3/10 = 16 + 0 + 12
  });
});

describe("ratings shared between requests (the derived-figures caches on, as in production)", () => {
  beforeAll(() => setDerivedCachingForTests(true));
  afterAll(() => setDerivedCachingForTests(false));

  it("serves one computation to every read, shows a new assessment at once, and keeps each tenant's own", async () => {
    const first = await computeRatings(admin, { campaignId, year: YEAR });
    const again = await computeRatings(admin, { campaignId, year: YEAR });
    expect(again.computedAt).toBe(first.computedAt);
    expect(again.stale).toBe(false);

    // The assessment entries are read on every request: the score moves at once, whether or not
    // the evaluation behind it is being recomputed.
    const b12Before = org(first, a, "b12");
    const manual = b12Before.breakdown.find((l) => l.source === "manual" && l.id === "review");
    const oldPoints = manual?.points ?? 0;
    const newPoints = oldPoints === 10 ? 12 : 10;
    await enterAssessment(admin, {
      campaignId,
      year: YEAR,
      subjectKind: "organization",
      subjectId: a.orgs.b12!.id,
      itemId: "review",
      points: newPoints,
      comment: "共享计算测试",
    });
    const after = await computeRatings(admin, { campaignId, year: YEAR });
    const b12After = org(after, a, "b12");
    expect(Math.round((b12After.score - b12Before.score) * 100) / 100).toBe(newPoints - oldPoints);
    expect(sumOfPoints(b12After)).toBe(b12After.score);

    // A leader of one college reads the same computation narrowed to it.
    const leader = await a.actor("leader");
    const led = await computeRatings(leader, { campaignId, year: YEAR });
    expect(led.organizations.length).toBeGreaterThan(0);
    expect(led.organizations.length).toBeLessThan(after.organizations.length);

    // Tenant B's read is B's campaign alone, never A's shared figures.
    const bSet = await computeRatings(await b.actor("admin"), {
      campaignId: bCampaignId,
      year: YEAR,
    });
    expect(bSet.campaign.id).toBe(bCampaignId);
    const aIds = new Set(Object.values(a.orgs).map((o) => o.id));
    expect(bSet.organizations.some((o) => aIds.has(o.id))).toBe(false);
    await expect(
      computeRatings(await b.actor("admin"), { campaignId, year: YEAR }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
