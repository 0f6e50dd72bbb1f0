import { dateFieldErrors, type UpdateCampaignInput } from "@/lib/schemas/campaign";
import type { Actor } from "../../authz/actor";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { conflict } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  dateOnly,
  definitionJson,
  findCampaignOrThrow,
  isoDay,
  storedDefinition,
  validateDefinition,
} from "./campaign-rules";

/**
 * Edits a campaign's name, description, dates and status. New dates go into the definition too,
 * and the whole definition is checked again (phases inside the campaign, every period shorter
 * than it). A stale form (version mismatch) is refused with CONFLICT; no change writes nothing.
 */
export async function updateCampaign(
  actor: Actor,
  input: UpdateCampaignInput,
): Promise<{ id: string; changed: boolean }> {
  return withTenant(actor.tenantId, async (tx) => {
    const current = await findCampaignOrThrow(tx, actor, input.id, "manage");
    if (current.version !== input.version) throw conflict();
    const before = {
      name: current.name,
      description: current.description,
      startDate: isoDay(current.startDate),
      endDate: isoDay(current.endDate),
      status: current.status,
    };
    const after = {
      name: input.name,
      description: input.description,
      startDate: input.startDate,
      endDate: input.endDate,
      status: input.status,
    };
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length === 0) return { id: current.id, changed: false };

    const definition = storedDefinition(current.definition);
    const next = validateDefinition(
      { ...definition, name: input.name, startDate: input.startDate, endDate: input.endDate },
      dateFieldErrors,
    );
    const { count } = await tx.campaign.updateMany({
      where: { tenantId: actor.tenantId, id: current.id, version: input.version },
      data: {
        name: input.name,
        description: input.description,
        startDate: dateOnly(input.startDate),
        endDate: dateOnly(input.endDate),
        status: input.status,
        definition: definitionJson(next),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "campaign.update",
      entityType: "Campaign",
      entityId: current.id,
      ...diff,
    });
    return { id: current.id, changed: true };
  });
}
