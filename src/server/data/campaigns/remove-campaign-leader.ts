import type { RemoveCampaignLeaderInput } from "@/lib/schemas/campaign";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { conflict, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow } from "./campaign-rules";

/** Takes a member out of the leadership group: the row is closed (removedAt), never deleted. */
export async function removeCampaignLeader(
  actor: Actor,
  input: RemoveCampaignLeaderInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId, "manage");
    const leader = await tx.campaignLeader.findFirst({
      where: { tenantId: actor.tenantId, campaignId: campaign.id, id: input.leaderId },
      select: { id: true, memberId: true, role: true, removedAt: true },
    });
    if (!leader) throw notFound("领导小组成员");
    if (leader.removedAt) throw conflict();
    const { count } = await tx.campaignLeader.updateMany({
      where: { tenantId: actor.tenantId, id: leader.id, removedAt: null },
      data: { removedAt: new Date() },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "campaign.leader.remove",
      entityType: "CampaignLeader",
      entityId: leader.id,
      before: { campaignId: campaign.id, memberId: leader.memberId, role: leader.role },
    });
    return { id: leader.id };
  });
}
