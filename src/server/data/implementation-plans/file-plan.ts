import { randomUUID } from "node:crypto";
import type { FilePlanInput } from "@/lib/schemas/secretary-project";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can } from "../../authz/scope";
import { forbidden, notFound } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { checkAndStoreEvidence } from "../self-reports/self-report-rules";
import { fieldError, taskCampaignWhere, UUID } from "../tasks/task-rules";
import { isCovered } from "./plan-rules";

/**
 * An organization files its implementation plan (实施方案) for a campaign: text and optional files
 * (checked by content before anything is written). Filing again revises the plan; the first
 * filing date stays, since lateness is judged on it. The caller holds task.update over the
 * organization (its secretary, or the organization department); the organization must be one the
 * campaign covers.
 */
export async function fileImplementationPlan(
  actor: Actor,
  input: FilePlanInput & { files?: readonly File[] },
): Promise<{ id: string; revised: boolean }> {
  const check = async (tx: TenantTx) => {
    const tenantId = actor.tenantId;
    if (!UUID.test(input.campaignId)) throw notFound("活动");
    const campaign = await tx.campaign.findFirst({
      where: { AND: [taskCampaignWhere(actor), { id: input.campaignId }] },
      select: { id: true, status: true, rootOrg: { select: { path: true } } },
    });
    if (!campaign) throw notFound("活动");
    if (!UUID.test(input.orgId)) throw notFound("组织");
    const org = await tx.organization.findFirst({
      where: { tenantId, id: input.orgId },
      select: { id: true, path: true, level: true, validTo: true },
    });
    if (!org || !can(actor, "task.read", org.path)) throw notFound("组织");
    if (!can(actor, "task.update", org.path))
      throw forbidden("只有本组织书记或组织部可以提交实施方案");
    if (!isCovered(org, campaign.rootOrg.path))
      throw fieldError("orgId", "该组织不在本活动覆盖范围内");
    if (campaign.status !== "ACTIVE") throw fieldError("campaignId", "活动未在进行中");
    const existing = await tx.implementationPlan.findFirst({
      where: { tenantId, campaignId: campaign.id, orgId: org.id },
    });
    return { campaign, org, existing };
  };
  await withTenant(actor.tenantId, check);
  const evidence = await checkAndStoreEvidence(input.files ?? []);
  return withTenant(actor.tenantId, async (tx) => {
    const { campaign, org, existing } = await check(tx);
    const tenantId = actor.tenantId;
    const evidenceIds = evidence.map(() => randomUUID());
    if (evidence.length > 0)
      await tx.evidence.createMany({
        data: evidence.map((e, i) => ({
          tenantId,
          id: evidenceIds[i],
          purpose: "implementation-plan",
          uploadedById: actor.userId,
          ...e,
        })),
      });
    const files = evidence.map((e) => ({ sha256: e.sha256, name: e.originalName }));
    if (existing) {
      const { count } = await tx.implementationPlan.updateMany({
        where: { tenantId, id: existing.id, version: existing.version },
        data: {
          summary: input.summary,
          evidenceIds: evidence.length > 0 ? evidenceIds : existing.evidenceIds,
          revisedAt: new Date(),
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw notFound("实施方案");
      await recordAuditEvent(tx, actor, {
        action: "implementationPlan.revise",
        entityType: "ImplementationPlan",
        entityId: existing.id,
        before: { summary: existing.summary, evidenceIds: existing.evidenceIds },
        after: { summary: input.summary, evidence: files },
      });
      return { id: existing.id, revised: true };
    }
    const plan = await tx.implementationPlan.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        orgId: org.id,
        summary: input.summary,
        evidenceIds,
        filedById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "implementationPlan.file",
      entityType: "ImplementationPlan",
      entityId: plan.id,
      after: { campaignId: campaign.id, orgId: org.id, summary: input.summary, evidence: files },
    });
    return { id: plan.id, revised: false };
  });
}
