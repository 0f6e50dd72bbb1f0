import { phaseFieldErrors, type UpdatePhasesInput } from "@/lib/schemas/campaign";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { conflict } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  definitionJson,
  findCampaignOrThrow,
  storedDefinition,
  validateDefinition,
} from "./campaign-rules";

/**
 * Replaces a campaign's phases (name, theme, first and last day). The whole definition is checked
 * again: phases must lie inside the campaign, and a phase that a quota counts on cannot go.
 */
export async function updatePhases(
  actor: Actor,
  input: UpdatePhasesInput,
): Promise<{ id: string; changed: boolean }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId, "manage");
    if (campaign.version !== input.version) throw conflict();
    const definition = storedDefinition(campaign.definition);
    const previous = new Map((definition.phases ?? []).map((p) => [p.id, p]));
    const phases = input.phases.map((p) => {
      // The English name is not on the form: it stays while the phase keeps its id.
      const nameEn = previous.get(p.id)?.nameEn;
      return {
        id: p.id,
        name: p.name,
        ...(nameEn ? { nameEn } : {}),
        startDate: p.startDate,
        endDate: p.endDate,
        ...(p.theme ? { theme: p.theme } : {}),
      };
    });
    const next = validateDefinition({ ...definition, phases }, phaseFieldErrors);
    const before = definition.phases ?? [];
    if (JSON.stringify(before) === JSON.stringify(next.phases ?? []))
      return { id: campaign.id, changed: false };
    const { count } = await tx.campaign.updateMany({
      where: { tenantId: actor.tenantId, id: campaign.id, version: input.version },
      data: { definition: definitionJson(next), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "campaign.phases.update",
      entityType: "Campaign",
      entityId: campaign.id,
      before: { phases: before },
      after: { phases: next.phases ?? [] },
    });
    return { id: campaign.id, changed: true };
  });
}
