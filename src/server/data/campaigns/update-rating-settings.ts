import { formatRulesError } from "@/lib/schemas/campaign";
import type { ValidationError } from "@/rules";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict } from "../../errors";
import { withTenant } from "../../tenant-tx";
import {
  definitionJson,
  findCampaignOrThrow,
  storedDefinition,
  validateDefinition,
} from "./campaign-rules";
import { findForbiddenInJson } from "@/lib/schemas/text";

const settingsFieldErrors = (errors: readonly ValidationError[]) => ({
  rating: errors.map((e) => formatRulesError(e)),
});

/**
 * Replaces the campaign's rating scheme (definition.rating: bands, manual assessment items, veto
 * items), given as JSON in the rules format. Quota weights stay on the quotas. An empty text
 * removes the scheme, so ratings fall back to the default one (docs/ratings.md).
 */
export async function updateRatingSettings(
  actor: Actor,
  input: { campaignId: string; version: number; ratingJson: string },
): Promise<{ changed: boolean }> {
  let rating: unknown = undefined;
  if (input.ratingJson.trim()) {
    try {
      rating = JSON.parse(input.ratingJson);
    } catch {
      const message = "不是有效的 JSON";
      throw new AppError("VALIDATION", message, { rating: [message] });
    }
    const forbidden = findForbiddenInJson(rating);
    if (forbidden) {
      const message = `JSON 中 ${forbidden} 含有不可见的控制字符或文字方向控制字符，请删除后重试`;
      throw new AppError("VALIDATION", message, { rating: [message] });
    }
  }
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId, "manage");
    if (campaign.version !== input.version) throw conflict();
    const definition = storedDefinition(campaign.definition);
    const { rating: _previous, ...rest } = definition;
    const next = validateDefinition(
      rating === undefined ? rest : { ...rest, rating },
      settingsFieldErrors,
    );
    if (JSON.stringify(definition.rating ?? null) === JSON.stringify(next.rating ?? null))
      return { changed: false };
    const { count } = await tx.campaign.updateMany({
      where: { tenantId: actor.tenantId, id: campaign.id, version: input.version },
      data: { definition: definitionJson(next), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "campaign.rating.update",
      entityType: "Campaign",
      entityId: campaign.id,
      before: { rating: definition.rating ?? null },
      after: { rating: next.rating ?? null },
    });
    return { changed: true };
  });
}
