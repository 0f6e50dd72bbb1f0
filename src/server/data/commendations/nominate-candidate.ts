import type { NominateInput } from "@/lib/schemas/commendation";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, isWithinSubtree } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isUniqueViolation } from "../users/user-scope";
import {
  UUID,
  checkEligibility,
  findWindowOrThrow,
  lockWindow,
  windowStage,
} from "./commendation-rules";

const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION", message, { [field]: [message] });

/**
 * An organization (its secretary, or the organization department) nominates a member or an
 * organization of its own subtree during the nomination window, with a citation. Ineligible
 * nominees are refused with every failed rule as the reason; nothing is written.
 */
export async function nominateCandidate(
  actor: Actor,
  input: NominateInput,
  today: string = todayInShanghai(),
): Promise<{ id: string; windowId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const w = await findWindowOrThrow(tx, actor, input.windowId);
    if (!can(actor, "commendation.nominate")) throw forbidden();
    await lockWindow(tx, tenantId, w.id);
    const stage = windowStage(w, today);
    if (stage !== "nominating")
      throw new AppError("CONFLICT", stage === "upcoming" ? "推荐尚未开始" : "推荐已截止");
    const nominating = UUID.test(input.nominatingOrgId)
      ? await tx.organization.findFirst({
          where: { tenantId, id: input.nominatingOrgId },
          select: { id: true, path: true },
        })
      : null;
    if (!nominating || !can(actor, "commendation.nominate", nominating.path))
      throw notFound("推荐组织");
    if (!isWithinSubtree(nominating.path, w.rootOrg.path))
      throw fieldError("nominatingOrgId", "推荐组织不在本次评选范围内");

    const outside = () =>
      fieldError(
        "nomineeId",
        "被推荐对象不在推荐组织的范围内，只能推荐本组织及下属组织的党员或党组织",
      );
    let nominee: Parameters<typeof checkEligibility>[4];
    if (input.category === "ADVANCED_ORGANIZATION") {
      const org = await tx.organization.findFirst({
        where: { tenantId, id: input.nomineeId },
        select: { id: true, path: true, level: true, validTo: true },
      });
      if (!org) throw notFound("被推荐组织");
      if (!isWithinSubtree(org.path, nominating.path)) throw outside();
      nominee = { kind: "org", id: org.id, level: org.level, validTo: org.validTo };
    } else {
      const member = await tx.member.findFirst({
        where: { tenantId, id: input.nomineeId },
        select: { id: true, positions: true, leftAt: true, org: { select: { path: true } } },
      });
      if (!member) throw notFound("被推荐党员");
      if (!isWithinSubtree(member.org.path, nominating.path)) throw outside();
      nominee = {
        kind: "member",
        id: member.id,
        positions: member.positions,
        leftAt: member.leftAt,
      };
    }
    const checks = await checkEligibility(tx, tenantId, w, input.category, nominee);
    const failed = checks.filter((c) => !c.ok);
    if (failed.length > 0)
      throw new AppError(
        "VALIDATION",
        `不符合推荐条件：${failed.map((c) => c.detail).join("；")}`,
        { nomineeId: failed.map((c) => c.detail) },
      );
    const duplicate = await tx.commendationNomination.findFirst({
      where: {
        tenantId,
        windowId: w.id,
        category: input.category,
        ...(nominee.kind === "org" ? { orgId: nominee.id } : { memberId: nominee.id }),
      },
      select: { id: true },
    });
    if (duplicate) throw new AppError("CONFLICT", "该对象已被推荐为此类别");
    const created = await tx.commendationNomination.create({
      data: {
        tenantId,
        windowId: w.id,
        category: input.category,
        memberId: nominee.kind === "member" ? nominee.id : null,
        orgId: nominee.kind === "org" ? nominee.id : null,
        nominatingOrgId: nominating.id,
        citation: input.citation,
        eligibility: checks,
        nominatedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "commendation.nominate",
      entityType: "CommendationNomination",
      entityId: created.id,
      after: {
        windowId: w.id,
        category: input.category,
        nomineeId: nominee.id,
        nominatingOrgId: nominating.id,
        citation: input.citation,
        eligibility: checks,
      },
    });
    return { id: created.id, windowId: w.id };
  }).catch((error: unknown) => {
    // Two requests at once: the unique key decides, the loser gets the same answer as a late one.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "该对象已被推荐为此类别");
    throw error;
  });
}
