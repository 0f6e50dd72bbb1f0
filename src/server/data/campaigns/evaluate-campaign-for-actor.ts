import type { CampaignEvaluation } from "@/rules";
import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { restrictToScope, runEvaluation, type EvaluationWindows } from "./campaign-evaluation";
import { findCampaignOrThrow } from "./campaign-rules";
import { loadEvaluationInput } from "./load-evaluation-input";

/**
 * The rules engine's evaluation of a campaign as of `asOf` (YYYY-MM-DD), restricted to the
 * subjects inside the actor's campaign.read scope (see restrictToScope). With the default
 * windows ("all") it is what `rules-cli evaluate --as-of asOf` prints for exportEvaluationInput's
 * files, for an actor who reads the whole campaign. NOT_FOUND for a campaign the actor cannot read.
 */
export async function evaluateCampaignForActor(
  actor: Actor,
  id: string,
  asOf: string,
  options: { windows?: EvaluationWindows } = {},
): Promise<CampaignEvaluation> {
  const { input, rootPath } = await withTenant(
    actor.tenantId,
    async (tx) => {
      const campaign = await findCampaignOrThrow(tx, actor, id);
      return {
        input: await loadEvaluationInput(tx, actor, campaign, asOf),
        rootPath: campaign.rootOrg.path,
      };
    },
    { timeoutMs: 60_000 },
  );
  return restrictToScope(
    runEvaluation(input, asOf, options.windows ?? "all"),
    actor,
    input,
    rootPath,
  );
}
