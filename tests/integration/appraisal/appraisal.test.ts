import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/actor";
import { closeAppraisalRound } from "@/server/data/appraisal/close-appraisal-round";
import { getAppraisalRound, listAppraisalRounds } from "@/server/data/appraisal/get-appraisal";
import { openAppraisalRound } from "@/server/data/appraisal/open-appraisal-round";
import { recordConclusion } from "@/server/data/appraisal/record-conclusion";
import { saveSelfAssessment } from "@/server/data/appraisal/save-self-assessment";
import { ALREADY_VOTED, submitBallot } from "@/server/data/appraisal/submit-ballot";
import { withTenant } from "@/server/tenant-tx";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import { addBranchMembers, appraisalCounts } from "./helpers";

const TODAY = "2026-11-15";
const roundInput = (orgId: string, year = 2026) => ({
  orgId,
  year,
  title: `${year} 年度民主评议党员`,
  startsOn: "2026-11-01",
  endsOn: "2026-11-30",
});

let a: TenantFixture;
let b: TenantFixture;
let extra: { memberId: string; actor: Actor }[];
let probationary: { memberId: string; actor: Actor };
let member: Actor;
let secretary: Actor;
let roundId: string;

beforeAll(async () => {
  a = await createTenantFixture("appr-a");
  b = await createTenantFixture("appr-b");
  extra = await addBranchMembers(a, "b11", 6);
  [probationary] = (await addBranchMembers(a, "b11", 1, "PROBATIONARY")) as [
    { memberId: string; actor: Actor },
  ];
  member = await a.actor("member");
  secretary = await a.actor("secretary");
  ({ id: roundId } = await openAppraisalRound(secretary, roundInput(a.orgs.b11!.id)));
});

/** Every member of b11 who may vote: the fixture's three and the six added. */
async function voters(): Promise<{ memberId: string; actor: Actor }[]> {
  return [
    { memberId: a.members["b11-0"]!, actor: secretary },
    { memberId: a.members["b11-1"]!, actor: member },
    ...extra,
  ];
}

function ballotFor(voterMemberId: string, subjects: string[], verdict = "QUALIFIED") {
  return Object.fromEntries(
    subjects.filter((s) => s !== voterMemberId).map((s) => [s, verdict]),
  ) as Record<string, "QUALIFIED">;
}

async function subjectsOf(id: string): Promise<string[]> {
  const rows = await adminDb().appraisalParticipant.findMany({
    where: { tenantId: a.tenantId, roundId: id },
    select: { memberId: true },
  });
  return rows.map((r) => r.memberId).sort();
}

describe("opening a round", () => {
  it("fixes the participants from the memberships: full members vote, probationary members are appraised only", async () => {
    const rows = await adminDb().appraisalParticipant.findMany({
      where: { tenantId: a.tenantId, roundId },
    });
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.canVote)).toHaveLength(9);
    expect(rows.find((r) => r.memberId === probationary.memberId)?.canVote).toBe(false);
    const event = await adminDb().auditEvent.findFirst({
      where: { tenantId: a.tenantId, action: "appraisal.open", entityId: roundId },
    });
    expect(event?.actorUserId).toBe(secretary.userId);
  });

  it("refuses a second round for the same branch and year, a plain member, a branch outside the scope and another tenant's branch, writing nothing", async () => {
    const before = await appraisalCounts(a.tenantId);
    await expect(openAppraisalRound(secretary, roundInput(a.orgs.b11!.id))).rejects.toThrow(
      /已开启/,
    );
    await expect(
      openAppraisalRound(member, roundInput(a.orgs.b11!.id, 2027)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      openAppraisalRound(secretary, roundInput(a.orgs.b21!.id, 2027)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      openAppraisalRound(await a.actor("admin"), roundInput(b.orgs.b11!.id, 2027)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      openAppraisalRound(await a.actor("admin"), roundInput(a.orgs.c1!.id, 2027)),
    ).rejects.toThrow(/党支部为单位/);
    expect(await appraisalCounts(a.tenantId)).toEqual(before);
  });
});

describe("self-assessment", () => {
  it("a participant writes and rewrites their own; an outsider cannot", async () => {
    await saveSelfAssessment(member, { roundId, text: "一年来认真学习。" }, TODAY);
    await saveSelfAssessment(
      member,
      { roundId, text: "一年来认真学习，积极参加志愿服务。" },
      TODAY,
    );
    const view = await getAppraisalRound(member, roundId, TODAY);
    expect(view.mySelfAssessment).toBe("一年来认真学习，积极参加志愿服务。");
    const outsider = (await addBranchMembers(a, "b12", 1))[0]!.actor;
    await expect(saveSelfAssessment(outsider, { roundId, text: "x" }, TODAY)).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(
      saveSelfAssessment(member, { roundId, text: "迟到" }, "2026-12-01"),
    ).rejects.toThrow(/已结束/);
  });
});

describe("ballots are secret", () => {
  it("the ballot table has no column that could name the voter or date the ballot", async () => {
    const columns = await adminDb().$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'AppraisalBallotEntry'`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ["id", "roundId", "subjectMemberId", "tenantId", "verdict"].sort(),
    );
  });

  it("stores a ballot as entries in random order with random ids, an audit event without the verdicts, and page data without voters", async () => {
    const subjects = await subjectsOf(roundId);
    const all = await voters();
    const orders: boolean[] = [];
    for (const v of all.slice(0, 4)) {
      const before = await adminDb().appraisalBallotEntry.count({
        where: { tenantId: a.tenantId, roundId },
      });
      const submitted = subjects.filter((s) => s !== v.memberId);
      await submitBallot(v.actor, { roundId, verdicts: ballotFor(v.memberId, subjects) }, TODAY);
      // Physical order of this ballot's rows, as the table stores them.
      const rows = await adminDb().$queryRaw<{ subjectMemberId: string; id: string }[]>`
        SELECT "subjectMemberId"::text AS "subjectMemberId", "id"::text AS id
          FROM "AppraisalBallotEntry" WHERE "roundId" = ${roundId}::uuid ORDER BY ctid`;
      const mine = rows.slice(before).map((r) => r.subjectMemberId);
      expect(mine.sort()).toEqual([...submitted].sort());
      orders.push(
        rows
          .slice(before)
          .map((r) => r.subjectMemberId)
          .join() === submitted.join(),
      );
      // Random (version 4) ids: nothing time-ordered to sort ballots by.
      for (const r of rows) expect(r.id[14]).toBe("4");
    }
    // Eight subjects each: the chance that all four ballots kept the submitted order is (1/8!)^4.
    expect(orders.every(Boolean)).toBe(false);

    const events = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, action: "appraisal.vote" },
    });
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e.entityId).toBe(roundId);
      expect(e.after).toEqual({ voted: true });
      expect(JSON.stringify(e)).not.toMatch(/QUALIFIED|EXCELLENT/);
    }

    const view = await getAppraisalRound(secretary, roundId, TODAY);
    expect(view.results).toBeNull();
    expect(view.turnout).toEqual({ voted: 4, eligible: 9 });
    const json = JSON.stringify(view);
    for (const v of all.slice(0, 4)) {
      // A voter appears only as an appraised member, never beside anything they chose.
      expect(json).not.toMatch(/voter|votedBy|ballotId/i);
      expect(view.members.some((m) => m.memberId === v.memberId)).toBe(true);
    }
  });

  it("refuses a second ballot, a probationary member's, a ballot missing a verdict or naming oneself — writing nothing", async () => {
    const subjects = await subjectsOf(roundId);
    const before = await appraisalCounts(a.tenantId);
    await expect(
      submitBallot(member, { roundId, verdicts: ballotFor(a.members["b11-1"]!, subjects) }, TODAY),
    ).rejects.toThrow(ALREADY_VOTED);
    await expect(
      submitBallot(
        probationary.actor,
        { roundId, verdicts: ballotFor(probationary.memberId, subjects) },
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const voter = extra[3]!;
    const partial = ballotFor(voter.memberId, subjects);
    delete partial[subjects.find((s) => s !== voter.memberId)!];
    await expect(
      submitBallot(voter.actor, { roundId, verdicts: partial }, TODAY),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      submitBallot(
        voter.actor,
        {
          roundId,
          verdicts: { ...ballotFor(voter.memberId, subjects), [voter.memberId]: "EXCELLENT" },
        },
        TODAY,
      ),
    ).rejects.toThrow(/不能评议自己/);
    expect(await appraisalCounts(a.tenantId)).toEqual(before);
  });

  it("accepts exactly one of 10 concurrent submissions of the same voter", async () => {
    const subjects = await subjectsOf(roundId);
    const voter = extra[4]!;
    const before = await adminDb().appraisalBallotEntry.count({ where: { tenantId: a.tenantId } });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        submitBallot(
          voter.actor,
          { roundId, verdicts: ballotFor(voter.memberId, subjects) },
          TODAY,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect((r.reason as Error).message).toBe(ALREADY_VOTED);
    expect(
      await adminDb().appraisalVoter.count({
        where: { tenantId: a.tenantId, roundId, memberId: voter.memberId },
      }),
    ).toBe(1);
    expect(await adminDb().appraisalBallotEntry.count({ where: { tenantId: a.tenantId } })).toBe(
      before + subjects.length - 1,
    );
  });

  it("refuses a ballot before the window opens and after it ends", async () => {
    const subjects = await subjectsOf(roundId);
    const voter = extra[5]!;
    const before = await appraisalCounts(a.tenantId);
    await expect(
      submitBallot(
        voter.actor,
        { roundId, verdicts: ballotFor(voter.memberId, subjects) },
        "2026-10-31",
      ),
    ).rejects.toThrow(/尚未开始/);
    await expect(
      submitBallot(
        voter.actor,
        { roundId, verdicts: ballotFor(voter.memberId, subjects) },
        "2026-12-01",
      ),
    ).rejects.toThrow(/已截止/);
    expect(await appraisalCounts(a.tenantId)).toEqual(before);
  });

  it("refuses another tenant's round as not found", async () => {
    const bActor = await b.actor("member");
    await expect(submitBallot(bActor, { roundId, verdicts: {} }, TODAY)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getAppraisalRound(bActor, roundId, TODAY)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await listAppraisalRounds(await b.actor("admin"), TODAY)).rounds).toEqual([]);
  });

  it("the application role may not change or remove a ballot entry", async () => {
    const updated = await withTenant(
      a.tenantId,
      (tx) =>
        tx.$executeRaw`UPDATE "AppraisalBallotEntry" SET "verdict" = 'UNQUALIFIED' WHERE "roundId" = ${roundId}::uuid`,
    ).catch((e: Error) => e);
    expect(updated === 0 || updated instanceof Error).toBe(true);
    await expect(
      withTenant(
        a.tenantId,
        (tx) =>
          tx.$executeRaw`DELETE FROM "AppraisalBallotEntry" WHERE "roundId" = ${roundId}::uuid`,
      ),
    ).rejects.toThrow();
  });
});

describe("closing and results", () => {
  it("closes the round: ballots are refused (data function and trigger), tallies appear, fixed", async () => {
    const subjects = await subjectsOf(roundId);
    const lateVoter = extra[5]!;
    await expect(closeAppraisalRound(member, { roundId }, TODAY)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await closeAppraisalRound(secretary, { roundId }, TODAY);
    await expect(closeAppraisalRound(secretary, { roundId }, TODAY)).rejects.toThrow(/已结束/);

    const before = await appraisalCounts(a.tenantId);
    await expect(
      submitBallot(
        lateVoter.actor,
        { roundId, verdicts: ballotFor(lateVoter.memberId, subjects) },
        TODAY,
      ),
    ).rejects.toThrow(/已结束/);
    // Even a direct insert through the application role is refused once the round is closed.
    await expect(
      withTenant(a.tenantId, (tx) =>
        tx.appraisalBallotEntry.create({
          data: {
            tenantId: a.tenantId,
            roundId,
            subjectMemberId: subjects[0]!,
            verdict: "EXCELLENT",
          },
        }),
      ),
    ).rejects.toThrow();
    expect(await appraisalCounts(a.tenantId)).toEqual(before);

    const view = await getAppraisalRound(secretary, roundId, TODAY);
    expect(view.results).toHaveLength(10);
    const probationaryResult = view.results!.find((r) => r.memberId === probationary.memberId)!;
    expect(probationaryResult.tally).toMatchObject({ QUALIFIED: 5, total: 5 });
    expect(JSON.stringify(view.results)).not.toMatch(/voter/i);
    // A participant sees only their own result.
    const mine = await getAppraisalRound(member, roundId, TODAY);
    expect(mine.results?.map((r) => r.memberId)).toEqual([a.members["b11-1"]]);
  });

  it("records the branch's conclusion: a verdict other than the tally needs a note", async () => {
    const target = probationary.memberId;
    await expect(
      recordConclusion(secretary, { roundId, memberId: target, verdict: "EXCELLENT", note: null }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { note: expect.any(Array) } });
    await recordConclusion(secretary, {
      roundId,
      memberId: target,
      verdict: "BASICALLY_QUALIFIED",
      note: "支部大会讨论：组织生活出勤不足",
    });
    await recordConclusion(secretary, {
      roundId,
      memberId: a.members["b11-1"]!,
      verdict: "QUALIFIED",
      note: null,
    });
    const view = await getAppraisalRound(secretary, roundId, TODAY);
    expect(view.results!.find((r) => r.memberId === target)?.conclusion?.verdict).toBe(
      "BASICALLY_QUALIFIED",
    );
    const events = await adminDb().auditEvent.count({
      where: { tenantId: a.tenantId, action: "appraisal.conclude" },
    });
    expect(events).toBe(2);
    await expect(
      recordConclusion(member, { roundId, memberId: target, verdict: "QUALIFIED", note: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
