import { randomInt } from "node:crypto";
import type { AppraisalVerdict } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";

export const VERDICTS = [
  "EXCELLENT",
  "QUALIFIED",
  "BASICALLY_QUALIFIED",
  "UNQUALIFIED",
] as const satisfies readonly AppraisalVerdict[];

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RoundState = "upcoming" | "open" | "ended" | "closed";

/** Voting is open from startsOn to endsOn (Shanghai days, inclusive) until the round is closed. */
export function roundState(
  round: { startsOn: Date; endsOn: Date; closedAt: Date | null },
  today: string,
): RoundState {
  if (round.closedAt) return "closed";
  if (today < isoDay(round.startsOn)) return "upcoming";
  if (today > isoDay(round.endsOn)) return "ended";
  return "open";
}

export type RoundRow = Awaited<ReturnType<typeof loadRound>>;

async function loadRound(tx: TenantTx, tenantId: string, id: string) {
  return tx.appraisalRound.findFirst({
    where: { tenantId, id },
    include: { org: { select: { id: true, name: true, nameEn: true, path: true } } },
  });
}

/**
 * A round the actor may see: one of an organization in their appraisal.read scope, or one they
 * take part in. Anything else (another tenant's id included) reads as not found.
 */
export async function findRoundOrThrow(
  tx: TenantTx,
  actor: Actor,
  id: string,
): Promise<NonNullable<RoundRow> & { participant: { canVote: boolean } | null }> {
  if (!UUID.test(id)) throw notFound("评议");
  const round = await loadRound(tx, actor.tenantId, id);
  if (!round) throw notFound("评议");
  const participant = actor.memberId
    ? await tx.appraisalParticipant.findFirst({
        where: { tenantId: actor.tenantId, roundId: id, memberId: actor.memberId },
        select: { canVote: true },
      })
    : null;
  if (!participant && !can(actor, "appraisal.read", round.org.path)) throw notFound("评议");
  return { ...round, participant };
}

/** Locks the round row for the rest of the transaction: SHARE for voting, UPDATE for closing. */
export async function lockRound(
  tx: TenantTx,
  tenantId: string,
  id: string,
  mode: "share" | "update",
): Promise<void> {
  if (mode === "share")
    await tx.$queryRaw`SELECT 1 FROM "AppraisalRound" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${id}::uuid FOR SHARE`;
  else
    await tx.$queryRaw`SELECT 1 FROM "AppraisalRound" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
}

export type Tally = Record<AppraisalVerdict, number> & { total: number };

export const emptyTally = (): Tally => ({
  EXCELLENT: 0,
  QUALIFIED: 0,
  BASICALLY_QUALIFIED: 0,
  UNQUALIFIED: 0,
  total: 0,
});

/**
 * Tallies per appraised member, counted inside the database from the ballot entries (which carry
 * no voter). Only ever called for a closed round.
 */
export async function tallyRound(
  tx: TenantTx,
  tenantId: string,
  roundId: string,
): Promise<Map<string, Tally>> {
  const groups = await tx.appraisalBallotEntry.groupBy({
    by: ["subjectMemberId", "verdict"],
    where: { tenantId, roundId },
    _count: { _all: true },
  });
  const out = new Map<string, Tally>();
  for (const g of groups) {
    const t = out.get(g.subjectMemberId) ?? emptyTally();
    t[g.verdict] += g._count._all;
    t.total += g._count._all;
    out.set(g.subjectMemberId, t);
  }
  return out;
}

/** The verdict with most votes (ties go to the less favourable one, the cautious reading); null without votes. */
export function leadingVerdict(tally: Tally | undefined): AppraisalVerdict | null {
  if (!tally || tally.total === 0) return null;
  let best: AppraisalVerdict = VERDICTS[0];
  for (const v of VERDICTS) if (tally[v] >= tally[best]) best = v;
  return best;
}

/** Fisher–Yates with a cryptographic generator: the order ballot entries are inserted in. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}
