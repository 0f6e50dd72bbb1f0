import type { Actor } from "../../authz/actor";
import { forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow, readsWholeCampaign } from "./campaign-rules";
import {
  loadEvaluationInput,
  type CampaignFileJson,
  type RecordsFileJson,
} from "./load-evaluation-input";

/**
 * The campaign's evaluation input as the two files the CLI reads:
 *   npx tsx scripts/rules-cli.ts evaluate --campaign <campaignFile> --records <recordsFile> --as-of D
 * (JSON.stringify each object into its file). Every linked record is included, whatever its date.
 * It lists every subject of the campaign, so only someone who reads the whole covered subtree may
 * have it (FORBIDDEN otherwise).
 */
export async function exportEvaluationInput(
  actor: Actor,
  id: string,
): Promise<{ campaignFile: CampaignFileJson; recordsFile: RecordsFileJson }> {
  return withTenant(
    actor.tenantId,
    async (tx) => {
      const campaign = await findCampaignOrThrow(tx, actor, id);
      if (!readsWholeCampaign(actor, campaign.rootOrg.path))
        throw forbidden("只有能查看整个活动范围的用户才能导出评估数据");
      const { campaignFile, recordsFile } = await loadEvaluationInput(tx, actor, campaign, null);
      return { campaignFile, recordsFile };
    },
    { timeoutMs: 60_000 },
  );
}
