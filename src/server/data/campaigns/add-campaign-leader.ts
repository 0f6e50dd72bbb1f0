import type { AddCampaignLeaderInput } from "@/lib/schemas/campaign";
import type { Actor } from "../../authz/actor";
import { memberScopeWhere } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow } from "./campaign-rules";

const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION", message, { [field]: [message] });

/**
 * Puts a member into the campaign's leadership group (组长, 副组长, 成员, 办公室主任). The member is
 * named by number and must be a current member of this tenant inside the actor's scope; one
 * member holds one place in the group at a time.
 */
export async function addCampaignLeader(
  actor: Actor,
  input: AddCampaignLeaderInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId, "manage");
    // Serialize additions to one campaign so that a double submit cannot seat a member twice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${actor.tenantId} || ':campaign-leaders:' || ${campaign.id}))`;
    const member = await tx.member.findFirst({
      where: { AND: [memberScopeWhere(actor), { number: input.memberNumber, leftAt: null }] },
      select: { id: true, number: true, name: true },
    });
    if (!member) throw fieldError("memberNumber", "未找到该编号的党员，或其不在您的管理范围内");
    const seated = await tx.campaignLeader.findFirst({
      where: {
        tenantId: actor.tenantId,
        campaignId: campaign.id,
        memberId: member.id,
        removedAt: null,
      },
      select: { id: true },
    });
    if (seated) throw fieldError("memberNumber", `${member.name}已在领导小组中`);
    const place = await tx.campaignLeader.count({
      where: { tenantId: actor.tenantId, campaignId: campaign.id, role: input.role },
    });
    const leader = await tx.campaignLeader.create({
      data: {
        tenantId: actor.tenantId,
        campaignId: campaign.id,
        memberId: member.id,
        role: input.role,
        sortOrder: place + 1,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "campaign.leader.add",
      entityType: "CampaignLeader",
      entityId: leader.id,
      after: {
        campaignId: campaign.id,
        memberId: member.id,
        memberNumber: member.number,
        role: input.role,
      },
    });
    return { id: leader.id };
  });
}
