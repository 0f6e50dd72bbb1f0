import type { OpenCommendationWindowInput } from "@/lib/schemas/commendation";
import type { Actor } from "../../authz/actor";
import { can, requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isUniqueViolation } from "../users/user-scope";
import { dateOnly, findCampaignOrThrow } from "../campaigns/campaign-rules";
import { UUID } from "./commendation-rules";

/** The organization department opens a year's 两优一先 nomination window over its subtree. */
export async function openCommendationWindow(
  actor: Actor,
  input: OpenCommendationWindowInput,
): Promise<{ id: string }> {
  requirePermission(actor, "commendation.manage");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const org = UUID.test(input.rootOrgId)
      ? await tx.organization.findFirst({
          where: { tenantId, id: input.rootOrgId, validTo: null },
          select: { id: true, path: true },
        })
      : null;
    if (!org || !can(actor, "org.read", org.path)) throw notFound("组织");
    if (!can(actor, "commendation.manage", org.path)) throw forbidden();
    if (input.campaignId) await findCampaignOrThrow(tx, actor, input.campaignId);
    const existing = await tx.commendationWindow.findFirst({
      where: { tenantId, rootOrgId: org.id, year: input.year },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", "该组织本年度的两优一先评选已开启");
    const w = await tx.commendationWindow.create({
      data: {
        tenantId,
        rootOrgId: org.id,
        year: input.year,
        title: input.title,
        nominationStartsOn: dateOnly(input.nominationStartsOn),
        nominationEndsOn: dateOnly(input.nominationEndsOn),
        campaignId: input.campaignId,
        minMemberStars: input.minMemberStars,
        minOrgStars: input.minOrgStars,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "commendation.open",
      entityType: "CommendationWindow",
      entityId: w.id,
      after: input,
    });
    return w;
  }).catch((error: unknown) => {
    // Two requests at once: the unique key decides, the loser gets the same answer as a late one.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "该组织本年度的两优一先评选已开启");
    throw error;
  });
}
