import type { AppraisalVerdict, MemberStatus } from "@/generated/prisma/enums";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, orgScopeWhere, scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import {
  findRoundOrThrow,
  leadingVerdict,
  roundState,
  tallyRound,
  type RoundState,
  type Tally,
} from "./appraisal-rules";

export type RoundSummary = {
  id: string;
  title: string;
  year: number;
  orgName: string;
  startsOn: string;
  endsOn: string;
  state: RoundState;
  /** The caller takes part (is appraised); `mayVote` and `hasVoted` concern the caller only. */
  isParticipant: boolean;
  mayVote: boolean;
  hasVoted: boolean;
};

/** Rounds the caller takes part in and rounds of organizations in their appraisal.read scope. */
export async function listAppraisalRounds(
  actor: Actor,
  today: string = todayInShanghai(),
): Promise<{ rounds: RoundSummary[]; branches: { id: string; name: string }[] }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const or: object[] = [];
    if (scopeRoots(actor, "appraisal.read").length > 0)
      or.push({ org: orgScopeWhere(actor, "appraisal.read") });
    if (actor.memberId) or.push({ participants: { some: { memberId: actor.memberId } } });
    const rounds =
      or.length === 0
        ? []
        : await tx.appraisalRound.findMany({
            where: { tenantId, OR: or },
            include: { org: { select: { name: true } } },
            orderBy: [{ year: "desc" }, { startsOn: "desc" }],
            take: 200,
          });
    const ids = rounds.map((r) => r.id);
    const [mine, voted] = actor.memberId
      ? await Promise.all([
          tx.appraisalParticipant.findMany({
            where: { tenantId, roundId: { in: ids }, memberId: actor.memberId },
            select: { roundId: true, canVote: true },
          }),
          tx.appraisalVoter.findMany({
            where: { tenantId, roundId: { in: ids }, memberId: actor.memberId },
            select: { roundId: true },
          }),
        ])
      : [[], []];
    const mineBy = new Map(mine.map((m) => [m.roundId, m]));
    const votedIn = new Set(voted.map((v) => v.roundId));
    const branches = can(actor, "appraisal.manage")
      ? await tx.organization.findMany({
          where: {
            AND: [orgScopeWhere(actor, "appraisal.manage"), { level: "BRANCH", validTo: null }],
          },
          select: { id: true, name: true },
          orderBy: [{ path: "asc" }],
          take: 500,
        })
      : [];
    return {
      rounds: rounds.map((r) => ({
        id: r.id,
        title: r.title,
        year: r.year,
        orgName: r.org.name,
        startsOn: isoDay(r.startsOn),
        endsOn: isoDay(r.endsOn),
        state: roundState(r, today),
        isParticipant: mineBy.has(r.id),
        mayVote: mineBy.get(r.id)?.canVote ?? false,
        hasVoted: votedIn.has(r.id),
      })),
      branches,
    };
  });
}

export type RoundMember = {
  memberId: string;
  name: string;
  status: MemberStatus;
  canVote: boolean;
  selfAssessment: string | null;
};

export type RoundResult = {
  memberId: string;
  name: string;
  tally: Tally;
  leading: AppraisalVerdict | null;
  conclusion: { verdict: AppraisalVerdict; note: string | null; decidedAt: string } | null;
};

export type RoundView = {
  round: RoundSummary & { orgId: string; closedAt: string | null };
  /** The caller may open/close the round and record conclusions. */
  mayManage: boolean;
  /** Everyone appraised in the round, with their self-assessments. */
  members: RoundMember[];
  /** Whom the caller's ballot covers (every other participant), when the caller may vote. */
  ballotSubjects: { memberId: string; name: string }[];
  mySelfAssessment: string | null;
  /** How many have voted, of how many may (no names: who voted is nobody's business but the count). */
  turnout: { voted: number; eligible: number };
  /**
   * Tallies and conclusions, only once the round is closed: every member's for readers of the
   * organization, the caller's own otherwise; null while the round is open. Never any voter.
   */
  results: RoundResult[] | null;
};

/** One round as the caller may see it. */
export async function getAppraisalRound(
  actor: Actor,
  roundId: string,
  today: string = todayInShanghai(),
): Promise<RoundView> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const round = await findRoundOrThrow(tx, actor, roundId);
    const reader = can(actor, "appraisal.read", round.org.path);
    const [participants, selfAssessments, voted, eligible, myVote] = await Promise.all([
      tx.appraisalParticipant.findMany({
        where: { tenantId, roundId: round.id },
        select: {
          memberId: true,
          status: true,
          canVote: true,
          member: { select: { name: true, number: true } },
        },
        orderBy: { member: { number: "asc" } },
      }),
      tx.appraisalSelfAssessment.findMany({
        where: { tenantId, roundId: round.id },
        select: { memberId: true, text: true },
      }),
      tx.appraisalVoter.count({ where: { tenantId, roundId: round.id } }),
      tx.appraisalParticipant.count({ where: { tenantId, roundId: round.id, canVote: true } }),
      actor.memberId
        ? tx.appraisalVoter.findFirst({
            where: { tenantId, roundId: round.id, memberId: actor.memberId },
            select: { id: true },
          })
        : null,
    ]);
    const selfBy = new Map(selfAssessments.map((s) => [s.memberId, s.text]));
    const state = roundState(round, today);
    let results: RoundResult[] | null = null;
    if (round.closedAt) {
      const [tallies, conclusions] = await Promise.all([
        tallyRound(tx, tenantId, round.id),
        tx.appraisalConclusion.findMany({
          where: { tenantId, roundId: round.id },
          select: { memberId: true, verdict: true, note: true, decidedAt: true },
        }),
      ]);
      const conclusionBy = new Map(conclusions.map((c) => [c.memberId, c]));
      results = participants
        .filter((p) => reader || p.memberId === actor.memberId)
        .map((p) => {
          const tally = tallies.get(p.memberId) ?? {
            EXCELLENT: 0,
            QUALIFIED: 0,
            BASICALLY_QUALIFIED: 0,
            UNQUALIFIED: 0,
            total: 0,
          };
          const c = conclusionBy.get(p.memberId);
          return {
            memberId: p.memberId,
            name: p.member.name,
            tally,
            leading: leadingVerdict(tally),
            conclusion: c
              ? { verdict: c.verdict, note: c.note, decidedAt: c.decidedAt.toISOString() }
              : null,
          };
        });
    }
    const mayVote = round.participant?.canVote ?? false;
    return {
      round: {
        id: round.id,
        orgId: round.org.id,
        title: round.title,
        year: round.year,
        orgName: round.org.name,
        startsOn: isoDay(round.startsOn),
        endsOn: isoDay(round.endsOn),
        closedAt: round.closedAt?.toISOString() ?? null,
        state,
        isParticipant: round.participant !== null,
        mayVote,
        hasVoted: myVote !== null,
      },
      mayManage: can(actor, "appraisal.manage", round.org.path),
      members: participants.map((p) => ({
        memberId: p.memberId,
        name: p.member.name,
        status: p.status,
        canVote: p.canVote,
        selfAssessment: selfBy.get(p.memberId) ?? null,
      })),
      ballotSubjects: mayVote
        ? participants
            .filter((p) => p.memberId !== actor.memberId)
            .map((p) => ({ memberId: p.memberId, name: p.member.name }))
        : [],
      mySelfAssessment: actor.memberId ? (selfBy.get(actor.memberId) ?? null) : null,
      turnout: { voted, eligible },
      results,
    };
  });
}
