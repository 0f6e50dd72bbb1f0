import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, requirePermission } from "../../authz/scope";
import { AppError, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dateOnly, findCampaignOrThrow } from "../campaigns/campaign-rules";
import { parseRatingInput, PublishRatingsInput } from "./rating-input";
import { loadRatingSet, RATING_TX_TIMEOUT_MS } from "./rating-rules";
import type { RatingSnapshot } from "./rating-types";

/**
 * Publishes (freezes) a campaign year's ratings: computes every rating of the whole campaign and
 * INSERTs a RatingPublication with the next version and the snapshot. The application role may
 * not update a publication, so later record changes never alter it. Republishing (a version
 * exists) needs a reason. rating.publish over the campaign's root organization; audited.
 */
export async function publishRatings(
  actor: Actor,
  raw: PublishRatingsInput,
): Promise<{ id: string; version: number; organizations: number; members: number }> {
  requirePermission(actor, "rating.publish");
  const input = parseRatingInput(PublishRatingsInput, raw);
  try {
    return await withTenant(
      actor.tenantId,
      async (tx) => {
        const tenantId = actor.tenantId;
        const campaign = await findCampaignOrThrow(tx, actor, input.campaignId);
        if (!can(actor, "rating.publish", campaign.rootOrg.path))
          throw forbidden("只有覆盖整个活动范围的组织部管理员可以发布评定结果");
        // Publications of one campaign year are numbered one after another.
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`publish|${tenantId}|${campaign.id}|${input.year}`}, 0))::text`;
        const last = await tx.ratingPublication.findFirst({
          where: { tenantId, campaignId: campaign.id, year: input.year },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        if (last && !input.reason) {
          throw new AppError(
            "VALIDATION",
            `${input.year} 年度已发布第 ${last.version} 版，再次发布须填写原因`,
            { reason: ["请填写再次发布的原因"] },
          );
        }
        const set = await loadRatingSet(tx, actor, campaign, input.year);
        const snapshot: RatingSnapshot = { format: 1, ...set };
        const version = (last?.version ?? 0) + 1;
        const row = await tx.ratingPublication.create({
          data: {
            tenantId,
            campaignId: campaign.id,
            year: input.year,
            version,
            reason: input.reason,
            asOf: dateOnly(set.asOf),
            publishedById: actor.userId,
            snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue,
          },
          select: { id: true },
        });
        await recordAuditEvent(tx, actor, {
          action: "rating.publish",
          entityType: "RatingPublication",
          entityId: row.id,
          after: {
            campaignId: campaign.id,
            year: input.year,
            version,
            reason: input.reason,
            asOf: set.asOf,
            organizations: set.organizations.length,
            members: set.members.length,
          },
        });
        return {
          id: row.id,
          version,
          organizations: set.organizations.length,
          members: set.members.length,
        };
      },
      { timeoutMs: RATING_TX_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "刚刚有人发布了同一年度的评定结果，请刷新后重试");
    }
    throw error;
  }
}
