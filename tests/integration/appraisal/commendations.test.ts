import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/actor";
import { closeAppraisalRound } from "@/server/data/appraisal/close-appraisal-round";
import { openAppraisalRound } from "@/server/data/appraisal/open-appraisal-round";
import { recordConclusion } from "@/server/data/appraisal/record-conclusion";
import { answerObjection } from "@/server/data/commendations/answer-objection";
import { fileObjection } from "@/server/data/commendations/file-objection";
import { finalizeCommendations } from "@/server/data/commendations/finalize-commendations";
import { getCommendationWindow } from "@/server/data/commendations/get-commendations";
import { nominateCandidate } from "@/server/data/commendations/nominate-candidate";
import { openCommendationWindow } from "@/server/data/commendations/open-commendation-window";
import { publishCommendations } from "@/server/data/commendations/publish-commendations";
import { reviewNomination } from "@/server/data/commendations/review-nomination";
import { withTenant } from "@/server/tenant-tx";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import { addBranchMembers, appraisalCounts } from "./helpers";

const NOMINATING = "2026-06-05";
const NOTICE = "2026-06-22";
const AFTER_NOTICE = "2026-06-27";
const CITATION = "长期扎根教学一线，带领学生开展志愿服务，所在支部工作成效显著。";

let a: TenantFixture;
let b: TenantFixture;
let admin: Actor;
let secretary: Actor;
let windowId: string;
let campaignId: string;
let lowStars: string;
let appraisedBasic: string;

/** A published rating of the campaign year, written as the publication would (snapshot only). */
async function publishSnapshot(
  t: TenantFixture,
  id: string,
  members: Record<string, number>,
  orgs: Record<string, number>,
) {
  await adminDb().ratingPublication.create({
    data: {
      tenantId: t.tenantId,
      campaignId: id,
      year: 2026,
      version: 1,
      asOf: new Date("2026-05-31"),
      publishedById: t.users.admin!,
      snapshot: {
        format: 1,
        members: Object.entries(members).map(([mid, stars]) => ({ id: mid, stars })),
        organizations: Object.entries(orgs).map(([oid, stars]) => ({ id: oid, stars })),
      },
    },
  });
}

beforeAll(async () => {
  a = await createTenantFixture("comm-a");
  b = await createTenantFixture("comm-b");
  admin = await a.actor("admin");
  secretary = await a.actor("secretary");
  campaignId = randomUUID();
  await adminDb().campaign.create({
    data: {
      tenantId: a.tenantId,
      id: campaignId,
      name: "三级联创",
      startDate: new Date("2026-01-01"),
      endDate: new Date("2026-12-31"),
      rootOrgId: a.orgs.school!.id,
      definition: { id: campaignId, startDate: "2026-01-01", endDate: "2026-12-31", quotas: [] },
    },
  });
  lowStars = a.members["b11-2"]!;
  // A member of b11 whose branch concluded 基本合格 in the 2026 appraisal.
  const more = await addBranchMembers(a, "b11", 1);
  appraisedBasic = more[0]!.memberId;
  const { id: roundId } = await openAppraisalRound(secretary, {
    orgId: a.orgs.b11!.id,
    year: 2026,
    title: "2026 民主评议",
    startsOn: "2026-01-10",
    endsOn: "2026-01-20",
  });
  await closeAppraisalRound(secretary, { roundId }, "2026-01-21");
  await recordConclusion(secretary, {
    roundId,
    memberId: appraisedBasic,
    verdict: "BASICALLY_QUALIFIED",
    note: null,
  });
  await publishSnapshot(
    a,
    campaignId,
    {
      [a.members["b11-0"]!]: 5,
      [a.members["b11-1"]!]: 4,
      [lowStars]: 3,
      [appraisedBasic]: 5,
      [a.members["b12-0"]!]: 5,
    },
    { [a.orgs.b11!.id]: 5, [a.orgs.b12!.id]: 3 },
  );
  ({ id: windowId } = await openCommendationWindow(admin, {
    rootOrgId: a.orgs.school!.id,
    year: 2026,
    title: "2026 年“两优一先”评选",
    nominationStartsOn: "2026-06-01",
    nominationEndsOn: "2026-06-15",
    campaignId,
    minMemberStars: 4,
    minOrgStars: 5,
  }));
});

const nominate = (
  actor: Actor,
  category: "EXCELLENT_MEMBER" | "EXCELLENT_PARTY_WORKER" | "ADVANCED_ORGANIZATION",
  nomineeId: string,
  nominatingOrgId = a.orgs.b11!.id,
  today = NOMINATING,
) =>
  nominateCandidate(
    actor,
    { windowId, category, nominatingOrgId, nomineeId, citation: CITATION },
    today,
  );

describe("nominations", () => {
  it("only the organization department opens a window", async () => {
    await expect(
      openCommendationWindow(secretary, {
        rootOrgId: a.orgs.b11!.id,
        year: 2027,
        title: "x",
        nominationStartsOn: "2027-06-01",
        nominationEndsOn: "2027-06-15",
        campaignId: null,
        minMemberStars: 4,
        minOrgStars: 5,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses ineligible nominees with the reasons, writing nothing", async () => {
    const before = await appraisalCounts(a.tenantId);
    await expect(nominate(secretary, "EXCELLENT_MEMBER", appraisedBasic)).rejects.toThrow(
      /基本合格/,
    );
    await expect(nominate(secretary, "EXCELLENT_MEMBER", lowStars)).rejects.toThrow(
      /锋领指数 3★.*不低于 4★/,
    );
    await expect(
      nominate(secretary, "EXCELLENT_PARTY_WORKER", a.members["b11-1"]!),
    ).rejects.toThrow(/未担任党内职务/);
    await expect(
      nominate(admin, "ADVANCED_ORGANIZATION", a.orgs.b12!.id, a.orgs.school!.id),
    ).rejects.toThrow(/堡垒指数 3★/);
    await expect(
      nominate(admin, "ADVANCED_ORGANIZATION", a.orgs.school!.id, a.orgs.school!.id),
    ).rejects.toThrow(/校党委/);
    expect(await appraisalCounts(a.tenantId)).toEqual(before);
  });

  it("refuses a nominee outside the nominating organization's subtree, and another tenant's ids", async () => {
    const before = await appraisalCounts(a.tenantId);
    await expect(nominate(secretary, "EXCELLENT_MEMBER", a.members["b12-0"]!)).rejects.toThrow(
      /不在推荐组织的范围内/,
    );
    // A secretary cannot nominate for an organization outside their own scope.
    await expect(
      nominate(secretary, "EXCELLENT_MEMBER", a.members["b12-0"]!, a.orgs.b12!.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      nominate(secretary, "EXCELLENT_MEMBER", b.members["b11-1"]!),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      nominateCandidate(
        await b.actor("admin"),
        {
          windowId,
          category: "EXCELLENT_MEMBER",
          nominatingOrgId: b.orgs.school!.id,
          nomineeId: b.members["b11-1"]!,
          citation: CITATION,
        },
        NOMINATING,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      nominate(await a.actor("member"), "EXCELLENT_MEMBER", a.members["b11-1"]!),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await appraisalCounts(a.tenantId)).toEqual(before);
  });

  it("refuses nominations outside the window", async () => {
    await expect(
      nominate(secretary, "EXCELLENT_MEMBER", a.members["b11-1"]!, a.orgs.b11!.id, "2026-06-16"),
    ).rejects.toThrow(/推荐已截止/);
    await expect(
      nominate(secretary, "EXCELLENT_MEMBER", a.members["b11-1"]!, a.orgs.b11!.id, "2026-05-31"),
    ).rejects.toThrow(/尚未开始/);
  });

  it("accepts eligible nominees with their checks recorded and audited; refuses a duplicate", async () => {
    await nominate(secretary, "EXCELLENT_MEMBER", a.members["b11-1"]!);
    await nominate(secretary, "EXCELLENT_PARTY_WORKER", a.members["b11-0"]!);
    await nominate(admin, "ADVANCED_ORGANIZATION", a.orgs.b11!.id, a.orgs.school!.id);
    await expect(nominate(secretary, "EXCELLENT_MEMBER", a.members["b11-1"]!)).rejects.toThrow(
      /已被推荐/,
    );
    const rows = await adminDb().commendationNomination.findMany({
      where: { tenantId: a.tenantId, windowId },
    });
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows[0]!.eligibility)).toMatch(/锋领指数|堡垒指数/);
    expect(
      await adminDb().auditEvent.count({
        where: { tenantId: a.tenantId, action: "commendation.nominate" },
      }),
    ).toBe(3);
  });
});

describe("review, notice, objections, final list", () => {
  it("publishes only when every nomination is reviewed; a rejection needs its reason in the form", async () => {
    const rows = await adminDb().commendationNomination.findMany({
      where: { tenantId: a.tenantId, windowId },
      orderBy: { createdAt: "asc" },
    });
    const publish = () =>
      publishCommendations(admin, {
        windowId,
        noticeStartsOn: "2026-06-20",
        noticeEndsOn: "2026-06-26",
      });
    await expect(publish()).rejects.toThrow(/未审核/);
    await expect(
      reviewNomination(secretary, { nominationId: rows[0]!.id, decision: "ACCEPTED", note: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const r of rows)
      await reviewNomination(admin, { nominationId: r.id, decision: "ACCEPTED", note: null });
    await publish();
    await expect(
      reviewNomination(admin, { nominationId: rows[0]!.id, decision: "REJECTED", note: "x" }),
    ).rejects.toThrow(/已公示/);
    // Every member of the tenant sees the published list.
    const view = await getCommendationWindow(await a.actor("member"), windowId, NOTICE);
    expect(view.window.stage).toBe("notice");
    expect(view.nominations).toHaveLength(3);
    await expect(
      getCommendationWindow(await b.actor("admin"), windowId, NOTICE),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("takes objections during the notice period, anonymous ones without any filer", async () => {
    const member = await a.actor("member");
    const target = await adminDb().commendationNomination.findFirstOrThrow({
      where: { tenantId: a.tenantId, windowId, category: "EXCELLENT_PARTY_WORKER" },
    });
    await expect(
      fileObjection(
        member,
        { nominationId: target.id, text: "事迹材料与实际不符", anonymous: true },
        "2026-06-19",
      ),
    ).rejects.toThrow(/尚未开始/);
    await fileObjection(
      member,
      { nominationId: target.id, text: "事迹材料与实际不符", anonymous: true },
      NOTICE,
    );
    await fileObjection(
      await a.actor("inspector"),
      { nominationId: target.id, text: "请核实志愿服务时长", anonymous: false },
      NOTICE,
    );
    await expect(
      fileObjection(
        await b.actor("member"),
        { nominationId: target.id, text: "跨校异议", anonymous: false },
        NOTICE,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const objections = await adminDb().commendationObjection.findMany({
      where: { tenantId: a.tenantId, windowId },
      orderBy: { createdAt: "asc" },
    });
    expect(objections.map((o) => o.filedById)).toEqual([null, a.users.inspector]);
    const events = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, action: "commendation.object" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.actorUserId)).toEqual([null, a.users.inspector]);
    const view = await getCommendationWindow(admin, windowId, NOTICE);
    expect(view.objections.map((o) => o.filedByName)).toEqual([null, "comm-a inspector"]);
    await expect(finalizeCommendations(admin, { windowId }, NOTICE)).rejects.toThrow(/尚未结束/);
    await expect(finalizeCommendations(admin, { windowId }, AFTER_NOTICE)).rejects.toThrow(
      /异议未答复/,
    );
    await answerObjection(admin, {
      objectionId: objections[0]!.id,
      answer: "经核实，事迹属实。",
      upheld: false,
    });
    await answerObjection(admin, {
      objectionId: objections[1]!.id,
      answer: "经核实，时长不足。",
      upheld: true,
    });
    const after = await adminDb().commendationNomination.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: target.id },
    });
    expect(after.status).toBe("REJECTED");
    await expect(
      fileObjection(
        member,
        { nominationId: target.id, text: "再次异议内容", anonymous: false },
        AFTER_NOTICE,
      ),
    ).rejects.toThrow();
  });

  it("finalizes after the notice period; the final list is immutable", async () => {
    await finalizeCommendations(admin, { windowId }, AFTER_NOTICE);
    const view = await getCommendationWindow(admin, windowId, AFTER_NOTICE);
    expect(view.window.stage).toBe("final");
    expect(view.nominations.filter((n) => n.status === "ACCEPTED")).toHaveLength(2);
    const before = await appraisalCounts(a.tenantId);
    await expect(finalizeCommendations(admin, { windowId }, AFTER_NOTICE)).rejects.toThrow(
      /已确定/,
    );
    const nomination = await adminDb().commendationNomination.findFirstOrThrow({
      where: { tenantId: a.tenantId, windowId, status: "ACCEPTED" },
    });
    // The database refuses any change to a final list, whatever the code path.
    await expect(
      withTenant(a.tenantId, (tx) =>
        tx.commendationNomination.update({
          where: { tenantId_id: { tenantId: a.tenantId, id: nomination.id } },
          data: { status: "REJECTED" },
        }),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(a.tenantId, (tx) =>
        tx.commendationWindow.update({
          where: { tenantId_id: { tenantId: a.tenantId, id: windowId } },
          data: { title: "改名" },
        }),
      ),
    ).rejects.toThrow();
    expect(await appraisalCounts(a.tenantId)).toEqual(before);
    expect(
      await adminDb().auditEvent.count({
        where: { tenantId: a.tenantId, action: "commendation.finalize", entityId: windowId },
      }),
    ).toBe(1);
  });
});
