import type { OpenAppraisalRoundInput } from "@/lib/schemas/appraisal";
import type { Actor } from "../../authz/actor";
import { can, requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isUniqueViolation } from "../users/user-scope";
import { dateOnly } from "../campaigns/campaign-rules";
import { UUID, fieldError } from "./appraisal-rules";

/**
 * Opens a branch's round for a year (the branch secretary, or the organization department over its
 * subtree). The participants are fixed now, from the memberships valid on `startsOn`: every member
 * of the branch is appraised; full members vote, probationary members do not (预备党员没有表决权).
 */
export async function openAppraisalRound(
  actor: Actor,
  input: OpenAppraisalRoundInput,
): Promise<{ id: string }> {
  requirePermission(actor, "appraisal.manage");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const org = UUID.test(input.orgId)
      ? await tx.organization.findFirst({
          where: { tenantId, id: input.orgId },
          select: { id: true, path: true, level: true, validTo: true, name: true },
        })
      : null;
    if (!org || !can(actor, "appraisal.read", org.path)) throw notFound("支部");
    if (!can(actor, "appraisal.manage", org.path)) throw forbidden();
    if (org.level !== "BRANCH") throw fieldError("orgId", "民主评议党员以党支部为单位开展");
    if (org.validTo) throw fieldError("orgId", "该支部已撤销");
    const start = dateOnly(input.startsOn);
    const memberships = await tx.membership.findMany({
      where: {
        tenantId,
        orgId: org.id,
        validFrom: { lte: start },
        OR: [{ validTo: null }, { validTo: { gt: start } }],
        member: { OR: [{ leftAt: null }, { leftAt: { gt: start } }] },
      },
      select: { member: { select: { id: true, status: true } } },
    });
    const members = [...new Map(memberships.map((m) => [m.member.id, m.member])).values()];
    if (members.filter((m) => m.status === "FULL").length < 2)
      throw fieldError("orgId", "该支部在开始日期的正式党员少于 2 人，无法开展互评");
    const existing = await tx.appraisalRound.findFirst({
      where: { tenantId, orgId: org.id, year: input.year },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", "该支部本年度的民主评议已开启");
    const round = await tx.appraisalRound.create({
      data: {
        tenantId,
        orgId: org.id,
        year: input.year,
        title: input.title,
        startsOn: start,
        endsOn: dateOnly(input.endsOn),
        openedById: actor.userId,
      },
      select: { id: true },
    });
    await tx.appraisalParticipant.createMany({
      data: members.map((m) => ({
        tenantId,
        roundId: round.id,
        memberId: m.id,
        status: m.status,
        canVote: m.status === "FULL",
      })),
    });
    await recordAuditEvent(tx, actor, {
      action: "appraisal.open",
      entityType: "AppraisalRound",
      entityId: round.id,
      after: {
        orgId: org.id,
        year: input.year,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        participants: members.length,
        voters: members.filter((m) => m.status === "FULL").length,
      },
    });
    return round;
  }).catch((error: unknown) => {
    // Two requests at once: the unique key decides, the loser gets the same answer as a late one.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "该支部本年度的民主评议已开启");
    throw error;
  });
}
