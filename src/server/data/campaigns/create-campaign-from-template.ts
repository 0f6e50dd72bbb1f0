import { randomUUID } from "node:crypto";
import { dateFieldErrors, type CreateCampaignFromTemplateInput } from "@/lib/schemas/campaign";
import { findCampaignTemplate, instantiateCampaignTemplate, type QuotaInput } from "@/rules";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findOrgInScopeOrThrow } from "../organizations/get-organization";
import { dateOnly, definitionJson, validateDefinition } from "./campaign-rules";

export type SkippedQuota = { quotaId: string; reason: string };

const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION", message, { [field]: [message] });

/**
 * Creates a campaign from one of the seed templates over the subtree of `rootOrgId` (the actor
 * needs campaign.manage there). The template's phases and quotas become the campaign's own copy,
 * with dates resolved from the start date. Quotas that cannot be met in a campaign this short
 * (a period longer than the campaign, a phase cut off by an earlier end date) are left out and
 * returned in `skipped`; phases running past the end date end with the campaign.
 */
export async function createCampaignFromTemplate(
  actor: Actor,
  input: Omit<CreateCampaignFromTemplateInput, "endDate"> & { endDate?: string | null },
): Promise<{ id: string; skipped: SkippedQuota[] }> {
  requirePermission(actor, "campaign.manage");
  const template = findCampaignTemplate(input.templateCode);
  if (!template) throw fieldError("templateCode", "没有这个活动模板");
  return withTenant(actor.tenantId, async (tx) => {
    const root = await findOrgInScopeOrThrow(tx, actor, input.rootOrgId, "campaign.manage");
    if (root.validTo) throw fieldError("rootOrgId", "该组织已撤销，不能开展活动");

    const id = randomUUID();
    const { campaign: definition, skipped: tooLong } = instantiateCampaignTemplate(template, {
      id,
      startDate: input.startDate,
      ...(input.endDate ? { endDate: input.endDate } : {}),
    });
    const end = definition.endDate;
    const phases = definition.phases ?? [];
    const cutOff = new Set(phases.filter((p) => p.startDate > end).map((p) => p.id));
    const skipped: SkippedQuota[] = tooLong.map((s) => ({ quotaId: s.quotaId, reason: s.reason }));
    const quotas: QuotaInput[] = definition.quotas.filter((q) => {
      if (q.period.kind !== "phase" || !cutOff.has(q.period.phaseId)) return true;
      skipped.push({
        quotaId: q.id,
        reason: `phase "${q.period.phaseId}" starts after the campaign ends (${end})`,
      });
      return false;
    });
    const stored = validateDefinition(
      {
        ...definition,
        name: input.name,
        phases: phases
          .filter((p) => !cutOff.has(p.id))
          .map((p) => (p.endDate > end ? { ...p, endDate: end } : p)),
        quotas,
      },
      dateFieldErrors,
    );

    await tx.campaign.create({
      data: {
        tenantId: actor.tenantId,
        id,
        name: input.name,
        description: `依据模板《${template.name}》创建（种子文件 ${template.seeds.join("、")}）`,
        templateCode: template.code,
        startDate: dateOnly(stored.startDate),
        endDate: dateOnly(stored.endDate),
        rootOrgId: root.id,
        status: "ACTIVE",
        definition: definitionJson(stored),
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "campaign.create",
      entityType: "Campaign",
      entityId: id,
      after: {
        name: input.name,
        templateCode: template.code,
        startDate: stored.startDate,
        endDate: stored.endDate,
        rootOrgId: root.id,
        phases: (stored.phases ?? []).map((p) => p.id),
        quotas: stored.quotas.map((q) => q.id),
        skipped,
      },
    });
    return { id, skipped };
  });
}
