import { randomUUID } from "node:crypto";
import type { Actor } from "@/server/authz/actor";
import { loadActor } from "@/server/auth/load-actor";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";

/** Adds members (each with a MEMBER login) to a branch of the fixture; returns them with actors. */
export async function addBranchMembers(
  t: TenantFixture,
  branch: string,
  count: number,
  status: "FULL" | "PROBATIONARY" = "FULL",
): Promise<{ memberId: string; actor: Actor }[]> {
  const db = adminDb();
  const org = t.orgs[branch]!;
  const out: { memberId: string; actor: Actor }[] = [];
  for (let i = 0; i < count; i++) {
    const memberId = randomUUID();
    const userId = randomUUID();
    const tag = randomUUID().slice(0, 8);
    await db.member.create({
      data: {
        tenantId: t.tenantId,
        id: memberId,
        number: `${t.slug}-${branch}-x${tag}`.toUpperCase(),
        name: `${branch}加${i}`,
        gender: "MALE",
        status,
        category: "TEACHER",
        developmentStage: status,
        joinedAt: new Date("2018-07-01"),
        orgId: org.id,
      },
    });
    await db.membership.create({
      data: { tenantId: t.tenantId, memberId, orgId: org.id, validFrom: new Date("2018-07-01") },
    });
    await db.user.create({
      data: {
        tenantId: t.tenantId,
        id: userId,
        username: `u-${tag}`,
        displayName: `${branch}加${i}`,
        passwordHash: "x",
        memberId,
      },
    });
    await db.roleAssignment.create({
      data: { tenantId: t.tenantId, userId, role: "MEMBER", orgId: org.id },
    });
    const actor = await loadActor(t.tenantId, userId, 1);
    if (!actor) throw new Error("actor did not load");
    out.push({ memberId, actor });
  }
  return out;
}

/** Row counts of every appraisal and commendation table of a tenant (for "nothing written"). */
export async function appraisalCounts(tenantId: string) {
  const db = adminDb();
  const where = { where: { tenantId } };
  return {
    rounds: await db.appraisalRound.count(where),
    participants: await db.appraisalParticipant.count(where),
    selfAssessments: await db.appraisalSelfAssessment.count(where),
    voters: await db.appraisalVoter.count(where),
    entries: await db.appraisalBallotEntry.count(where),
    conclusions: await db.appraisalConclusion.count(where),
    windows: await db.commendationWindow.count(where),
    nominations: await db.commendationNomination.count(where),
    objections: await db.commendationObjection.count(where),
    audit: await db.auditEvent.count(where),
  };
}
