import { formatRulesError, type RemoveQuotaInput } from "@/lib/schemas/campaign";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { conflict, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  definitionJson,
  findCampaignOrThrow,
  storedDefinition,
  validateDefinition,
} from "./campaign-rules";

/**
 * Removes one quota from a campaign's definition (the definition is validated again). Records
 * are untouched: they only stop being measured against this quota. Version-checked.
 */
export async function removeQuota(actor: Actor, input: RemoveQuotaInput): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId, "manage");
    if (campaign.version !== input.version) throw conflict();
    const definition = storedDefinition(campaign.definition);
    const removed = definition.quotas.find((q) => q.id === input.quotaId);
    if (!removed) throw notFound("指标");
    const next = validateDefinition(
      { ...definition, quotas: definition.quotas.filter((q) => q !== removed) },
      (errors) => ({
        _form: errors.map(formatRulesError),
      }),
    );
    const { count } = await tx.campaign.updateMany({
      where: { tenantId: actor.tenantId, id: campaign.id, version: input.version },
      data: { definition: definitionJson(next), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "campaign.quota.remove",
      entityType: "Campaign",
      entityId: campaign.id,
      before: { quota: removed },
    });
    return { id: campaign.id };
  });
}
