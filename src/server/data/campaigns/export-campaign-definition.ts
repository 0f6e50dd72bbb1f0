import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow, storedDefinition, type StoredDefinition } from "./campaign-rules";

/** The CLI's campaign file layout: `rules-cli validate --campaign <this file>` accepts it as it is. */
export type CampaignTemplateFile = {
  campaign: StoredDefinition;
  organizations: [];
  members: [];
};

/**
 * A campaign's definition as a shareable template: the CLI's campaign file with the definition
 * (phases, quotas, rating settings) and no organizations or members — those belong to this
 * university and are not exported. Another university imports it with importCampaignDefinition.
 */
export async function exportCampaignDefinition(
  actor: Actor,
  id: string,
): Promise<{ fileName: string; file: CampaignTemplateFile }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, id);
    return {
      fileName: `${campaign.name}.campaign.json`,
      file: { campaign: storedDefinition(campaign.definition), organizations: [], members: [] },
    };
  });
}
