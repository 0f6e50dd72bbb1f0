/**
 * Demo data for democratic appraisal and 两优一先: an appraisal round of the branch of the demo
 * `member` login, open from a week before the reference date to three weeks after it (so the
 * member can write a self-assessment and vote), and a 两优一先 selection of the whole school in its
 * nomination period, reading the first demo campaign's ratings.
 */
import type { PrismaClient } from "../src/generated/prisma/client";
import { todayInShanghai } from "../src/lib/format";

const DAY = 86_400_000;
const day = (iso: string, offset: number) =>
  new Date(new Date(iso + "T00:00:00.000Z").getTime() + offset * DAY);

export async function seedDemoAppraisal(
  db: PrismaClient,
  tenantId: string,
  referenceDate: Date,
): Promise<{ rounds: number; windows: number }> {
  const user = await db.user.findFirst({
    where: { tenantId, username: "member" },
    select: { id: true, member: { select: { orgId: true } } },
  });
  const admin = await db.user.findFirst({
    where: { tenantId, username: "admin" },
    select: { id: true },
  });
  if (!user?.member || !admin) return { rounds: 0, windows: 0 };
  const today = todayInShanghai(referenceDate);
  const year = Number(today.slice(0, 4));
  const startsOn = day(today, -7);
  const branchId = user.member.orgId;
  const memberships = await db.membership.findMany({
    where: {
      tenantId,
      orgId: branchId,
      validFrom: { lte: startsOn },
      OR: [{ validTo: null }, { validTo: { gt: startsOn } }],
      member: { leftAt: null },
    },
    select: { member: { select: { id: true, status: true } } },
  });
  const members = [...new Map(memberships.map((m) => [m.member.id, m.member])).values()];
  const round = await db.appraisalRound.create({
    data: {
      tenantId,
      orgId: branchId,
      year,
      title: `${year} 年度民主评议党员`,
      startsOn,
      endsOn: day(today, 21),
      openedById: admin.id,
    },
    select: { id: true },
  });
  await db.appraisalParticipant.createMany({
    data: members.map((m) => ({
      tenantId,
      roundId: round.id,
      memberId: m.id,
      status: m.status,
      canVote: m.status === "FULL",
    })),
  });
  const root = await db.organization.findFirst({
    where: { tenantId, parentId: null },
    select: { id: true },
  });
  const campaign = await db.campaign.findFirst({
    where: { tenantId },
    orderBy: { startDate: "asc" },
    select: { id: true },
  });
  if (!root) return { rounds: 1, windows: 0 };
  await db.commendationWindow.create({
    data: {
      tenantId,
      rootOrgId: root.id,
      year,
      title: `${year} 年度“两优一先”评选`,
      nominationStartsOn: day(today, -3),
      nominationEndsOn: day(today, 27),
      campaignId: campaign?.id ?? null,
      minMemberStars: 4,
      minOrgStars: 5,
      createdById: admin.id,
    },
  });
  return { rounds: 1, windows: 1 };
}
