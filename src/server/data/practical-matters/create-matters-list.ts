import { randomUUID } from "node:crypto";
import type { CreateMattersListInput } from "@/lib/schemas/practical-matter";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dateOnly, findCampaignOrThrow, isoDay } from "../campaigns/campaign-rules";
import { fieldError } from "../tasks/task-rules";
import { carryOverRows } from "./carry-over";

/**
 * The organization department opens the next bi-monthly list (双月实事清单). Every item of the
 * previous list (the latest one starting before this one) still open is carried into the new
 * list as a new row with carriedFromId (上期结转), in the same transaction.
 */
export async function createMattersList(
  actor: Actor,
  input: CreateMattersListInput,
): Promise<{ id: string; carried: number }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId);
    if (!can(actor, "task.manage", campaign.rootOrg.path)) throw forbidden();
    if (input.periodStart < isoDay(campaign.startDate))
      throw fieldError(
        "periodStart",
        `开始日期不能早于活动开始日期（${isoDay(campaign.startDate)}）`,
      );
    const tenantId = actor.tenantId;
    const clash = await tx.practicalMattersList.findFirst({
      where: { tenantId, campaignId: campaign.id, periodStart: dateOnly(input.periodStart) },
      select: { id: true },
    });
    if (clash)
      throw new AppError("VALIDATION", "该开始日期已有一期清单", {
        periodStart: ["该开始日期已有一期清单"],
      });
    const previous = await tx.practicalMattersList.findFirst({
      where: {
        tenantId,
        campaignId: campaign.id,
        periodStart: { lt: dateOnly(input.periodStart) },
      },
      orderBy: { periodStart: "desc" },
      include: { items: true },
    });
    const id = randomUUID();
    await tx.practicalMattersList.create({
      data: {
        tenantId,
        id,
        campaignId: campaign.id,
        title: input.title,
        periodStart: dateOnly(input.periodStart),
        periodEnd: dateOnly(input.periodEnd),
        createdById: actor.userId,
      },
    });
    const carried = carryOverRows(previous?.items ?? []);
    if (carried.length > 0)
      await tx.practicalMatter.createMany({
        data: carried.map((c) => ({ tenantId, listId: id, ...c })),
      });
    await recordAuditEvent(tx, actor, {
      action: "practicalMatters.createList",
      entityType: "PracticalMattersList",
      entityId: id,
      after: { ...input, carriedFrom: carried.map((c) => c.carriedFromId) },
    });
    return { id, carried: carried.length };
  });
}
