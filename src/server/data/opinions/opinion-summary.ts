import type { Prisma } from "@/generated/prisma/client";
import type { TenantTx } from "../../tenant-tx";

export type OpinionFigures = {
  rounds: number;
  received: number;
  answered: number;
  rectified: number;
  /** Opinions marked for rectification (open, in progress or done). */
  toRectify: number;
};

/**
 * Opinion-collection figures for a campaign summary (seed 003: "over 2,000 opinions collected").
 * Counted rounds: opinion rounds linked to the campaign, and unlinked opinion rounds of the
 * campaign's subtree whose dates overlap the campaign's. Counted opinions: those of such rounds
 * concerning an organization of the view (`focusPaths` and below), received up to the end of
 * `asOf` (Asia/Shanghai). Mass-evaluation responses are not opinions and are not counted.
 */
export async function countCampaignOpinions(
  tx: TenantTx,
  tenantId: string,
  campaign: { id: string; startDate: string; endDate: string; rootPath: string },
  focusPaths: readonly string[],
  asOf: string,
): Promise<OpinionFigures> {
  const roundWhere: Prisma.OpinionRoundWhereInput = {
    tenantId,
    kind: "OPINION",
    OR: [
      { campaignId: campaign.id },
      {
        campaignId: null,
        opensOn: { lte: new Date(`${campaign.endDate}T00:00:00Z`) },
        closesOn: { gte: new Date(`${campaign.startDate}T00:00:00Z`) },
        org: {
          OR: [{ path: campaign.rootPath }, { path: { startsWith: campaign.rootPath + "/" } }],
        },
      },
    ],
  };
  const where: Prisma.OpinionWhereInput = {
    tenantId,
    round: roundWhere,
    org: { OR: focusPaths.flatMap((p) => [{ path: p }, { path: { startsWith: p + "/" } }]) },
    createdAt: { lte: new Date(`${asOf}T23:59:59.999+08:00`) },
  };
  if (focusPaths.length === 0)
    return { rounds: 0, received: 0, answered: 0, rectified: 0, toRectify: 0 };
  const [rounds, received, answered, rectified, toRectify] = await Promise.all([
    tx.opinionRound.count({ where: roundWhere }),
    tx.opinion.count({ where }),
    tx.opinion.count({ where: { ...where, answeredAt: { not: null } } }),
    tx.opinion.count({ where: { ...where, rectification: "DONE" } }),
    tx.opinion.count({ where: { ...where, rectification: { not: "NONE" } } }),
  ]);
  return { rounds, received, answered, rectified, toRectify };
}
