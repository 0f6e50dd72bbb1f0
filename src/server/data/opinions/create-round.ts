import { randomUUID } from "node:crypto";
import { CreateRoundInput, EVALUATION_QUESTIONS } from "@/lib/schemas/opinion";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, isWithinSubtree, orgScopeWhere, requirePermission } from "../../authz/scope";
import { conflict, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow, storedDefinition } from "../campaigns/campaign-rules";
import { resolveRatingSettings } from "../ratings/rating-types";
import { fieldError, UUID } from "../tasks/task-rules";
import { findRoundOrThrow, hashOpinionToken, newOpinionToken } from "./opinion-rules";

/**
 * Opens a round (征求意见 or 群众评议) for an organization within the actor's opinion.manage
 * scope (a secretary for their branch, the organization department for any). Linked to a
 * campaign, the organization must lie in the campaign's subtree; an evaluation round may name the
 * manual item of the campaign's rating scheme its result feeds. Returns the public token once:
 * only its sha256 is stored.
 */
export async function createRound(
  actor: Actor,
  raw: CreateRoundInput,
): Promise<{ id: string; token: string }> {
  requirePermission(actor, "opinion.manage");
  const input = CreateRoundInput.parse(raw);
  const token = newOpinionToken();
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const org = await tx.organization.findFirst({
      where: { AND: [orgScopeWhere(actor, "opinion.manage"), { id: input.orgId, validTo: null }] },
      select: { id: true, path: true, name: true },
    });
    if (!org) throw fieldError("orgId", "组织不存在或无权访问");
    let campaignId: string | null = null;
    let ratingItemId: string | null = null;
    if (input.campaignId) {
      const campaign = await findCampaignOrThrow(tx, actor, input.campaignId).catch(() => {
        throw fieldError("campaignId", "活动不存在或无权访问");
      });
      if (!isWithinSubtree(org.path, campaign.rootOrg.path))
        throw fieldError("campaignId", "该组织不在活动范围内");
      campaignId = campaign.id;
      if (input.kind === "EVALUATION" && input.ratingItemId) {
        const settings = resolveRatingSettings(storedDefinition(campaign.definition));
        if (!settings.manualItems.some((m) => m.id === input.ratingItemId))
          throw fieldError("ratingItemId", "该评价项不在活动的星级评定设置中");
        ratingItemId = input.ratingItemId;
      }
    } else if (input.kind === "EVALUATION" && input.ratingItemId) {
      throw fieldError("campaignId", "计入星级评定须选择活动");
    }
    const id = randomUUID();
    const questions =
      input.kind === "EVALUATION" ? EVALUATION_QUESTIONS.map((q) => ({ ...q })) : [];
    await tx.opinionRound.create({
      data: {
        tenantId,
        id,
        kind: input.kind,
        orgId: org.id,
        title: input.title,
        description: input.description,
        opensOn: new Date(`${input.opensOn}T00:00:00Z`),
        closesOn: new Date(`${input.closesOn}T00:00:00Z`),
        campaignId,
        ratingItemId,
        questions,
        tokenHash: hashOpinionToken(token),
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "opinion.openRound",
      entityType: "OpinionRound",
      entityId: id,
      after: {
        kind: input.kind,
        orgId: org.id,
        orgName: org.name,
        title: input.title,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        campaignId,
        ratingItemId,
      },
    });
    return { id, token };
  });
}

/**
 * Replaces a round's public link (a lost or leaked QR code): the old link answers "not found"
 * from then on. Returns the new token once.
 */
export async function rotateRoundLink(
  actor: Actor,
  input: { roundId: string },
): Promise<{ id: string; token: string }> {
  requirePermission(actor, "opinion.manage");
  if (!UUID.test(input.roundId)) throw notFound("征集");
  const token = newOpinionToken();
  return withTenant(actor.tenantId, async (tx) => {
    const round = await findRoundOrThrow(tx, actor, input.roundId);
    if (!can(actor, "opinion.manage", round.org.path))
      throw forbidden("只有该组织的负责人可以操作");
    const { count } = await tx.opinionRound.updateMany({
      where: { tenantId: actor.tenantId, id: round.id, version: round.version },
      data: { tokenHash: hashOpinionToken(token), version: { increment: 1 } },
    });
    if (count !== 1) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "opinion.rotateLink",
      entityType: "OpinionRound",
      entityId: round.id,
    });
    return { id: round.id, token };
  });
}
