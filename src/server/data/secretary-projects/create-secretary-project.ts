import type { CreateSecretaryProjectInput } from "@/lib/schemas/secretary-project";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, isWithinSubtree } from "../../authz/scope";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { fieldError, taskCampaignWhere, UUID } from "../tasks/task-rules";
import { managesProject } from "./project-rules";

/**
 * A branch files its secretary project (书记项目, seed 002) for a campaign: one per branch and
 * campaign. The branch must be an active branch covered by the campaign; the caller its secretary
 * or the organization department over it.
 */
export async function createSecretaryProject(
  actor: Actor,
  input: CreateSecretaryProjectInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    if (!UUID.test(input.campaignId)) throw notFound("活动");
    const campaign = await tx.campaign.findFirst({
      where: { AND: [taskCampaignWhere(actor), { id: input.campaignId }] },
      select: { id: true, status: true, rootOrg: { select: { path: true } } },
    });
    if (!campaign) throw notFound("活动");
    if (!UUID.test(input.orgId)) throw notFound("支部");
    const org = await tx.organization.findFirst({
      where: { tenantId, id: input.orgId },
      select: { id: true, path: true, level: true, validTo: true, name: true },
    });
    if (!org || !can(actor, "task.read", org.path)) throw notFound("支部");
    if (!managesProject(actor, org.path)) throw forbidden("只有本支部书记或组织部可以提交");
    if (org.validTo || org.level !== "BRANCH" || !isWithinSubtree(org.path, campaign.rootOrg.path))
      throw fieldError("orgId", "书记项目由活动覆盖的党支部提交");
    if (campaign.status !== "ACTIVE") throw fieldError("campaignId", "活动未在进行中");
    const existing = await tx.secretaryProject.findFirst({
      where: { tenantId, campaignId: campaign.id, orgId: org.id },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", "该支部已提交本活动的书记项目");
    const fields = { title: input.title, goal: input.goal, timetable: input.timetable };
    const project = await tx.secretaryProject.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        orgId: org.id,
        createdById: actor.userId,
        ...fields,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "secretaryProject.create",
      entityType: "SecretaryProject",
      entityId: project.id,
      after: { campaignId: campaign.id, orgId: org.id, ...fields },
    });
    return { id: project.id };
  });
}
