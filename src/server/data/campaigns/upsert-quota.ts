import { quotaFieldErrors } from "@/lib/schemas/campaign";
import type { QuotaInput } from "@/rules";
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

export type UpsertQuotaInput = {
  campaignId: string;
  version: number;
  /** The quota to replace; null adds `quota` at the end. */
  originalQuotaId: string | null;
  quota: QuotaInput;
};

/**
 * Adds or replaces one quota of a campaign's definition. The whole definition is validated again
 * by the rules module, so an impossible quota (negative target, a period longer than the
 * campaign, a composite without parts, an unknown phase, a duplicate id …) is refused with the
 * path and reason the CLI would print, beside the quota form's field; nothing is written then.
 */
export async function upsertQuota(
  actor: Actor,
  input: UpsertQuotaInput,
): Promise<{ id: string; quotaId: string; index: number }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId, "manage");
    if (campaign.version !== input.version) throw conflict();
    const definition = storedDefinition(campaign.definition);
    const quotas = [...definition.quotas];
    let index = quotas.length;
    let before: QuotaInput | null = null;
    if (input.originalQuotaId !== null) {
      index = quotas.findIndex((q) => q.id === input.originalQuotaId);
      if (index < 0) throw notFound("指标");
      before = quotas[index]!;
      quotas[index] = input.quota as (typeof quotas)[number];
    } else {
      quotas.push(input.quota as (typeof quotas)[number]);
    }
    const next = validateDefinition({ ...definition, quotas }, (errors) =>
      quotaFieldErrors(errors, index),
    );
    const { count } = await tx.campaign.updateMany({
      where: { tenantId: actor.tenantId, id: campaign.id, version: input.version },
      data: { definition: definitionJson(next), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    const saved = next.quotas[index]!;
    await recordAuditEvent(tx, actor, {
      action: before ? "campaign.quota.update" : "campaign.quota.create",
      entityType: "Campaign",
      entityId: campaign.id,
      before: before ? { quota: before } : undefined,
      after: { quota: saved },
    });
    return { id: campaign.id, quotaId: saved.id, index };
  });
}
