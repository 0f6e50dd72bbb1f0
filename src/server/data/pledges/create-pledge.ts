import { randomUUID } from "node:crypto";
import type { CreatePledgeInput } from "@/lib/schemas/pledge";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { withTenant } from "../../tenant-tx";
import {
  dateOnly,
  fieldError,
  findCoveringCampaignIds,
  findOwnMemberOrThrow,
  UUID,
} from "../self-reports/self-report-rules";
import { branchOf } from "./pledge-rules";

/**
 * Makes a pledge public (亮诺) with its items.
 * - Without orgId: a member pledges for themself to their branch (the account's linked member;
 *   there is no member id to forge). The pledge is also filed as a PLEDGE self-report of the
 *   member, submitted for the branch's review and linked to the campaigns covering the branch —
 *   the record the "public pledge per member" quota (domain row 28) counts once approved.
 * - With orgId: a secretary or administrator pledges for an organization they hold
 *   pledge.evaluate over (memberId null).
 * campaignId, when given, must be an ACTIVE campaign covering that organization today.
 */
export async function createPledge(
  actor: Actor,
  input: CreatePledgeInput,
): Promise<{ id: string; itemIds: string[]; selfReportId: string | null }> {
  const today = todayInShanghai();
  input.items.forEach((item, i) => {
    if (item.dueDate && item.dueDate < today) {
      throw fieldError(`items.${i}.dueDate`, "完成期限不能早于今天");
    }
  });
  if (!input.orgId && !actor.memberId) throw forbidden("您的账号未关联党员信息，请选择承诺的组织");

  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    let orgId: string;
    let orgPath: string;
    let memberId: string | null = null;
    if (input.orgId) {
      if (!UUID.test(input.orgId)) throw notFound("组织");
      const org = await tx.organization.findFirst({
        where: { tenantId, id: input.orgId },
        select: { id: true, path: true, validTo: true },
      });
      if (!org || !can(actor, "pledge.evaluate", org.path)) throw notFound("组织");
      if (org.validTo) throw fieldError("orgId", "该组织已撤销");
      orgId = org.id;
      orgPath = org.path;
    } else {
      const member = await findOwnMemberOrThrow(tx, actor);
      memberId = member.id;
      orgId = branchOf(member.org);
      const branch =
        orgId === member.org.id
          ? member.org
          : await tx.organization.findFirst({
              where: { tenantId, id: orgId },
              select: { id: true, path: true },
            });
      if (!branch) throw notFound("组织");
      orgPath = branch.path;
    }

    const campaignId = input.campaignId
      ? await checkCampaign(tx, tenantId, input.campaignId, orgPath, today)
      : null;

    const id = randomUUID();
    await tx.pledge.create({
      data: {
        tenantId,
        id,
        orgId,
        memberId,
        campaignId,
        title: input.title,
        createdById: actor.userId,
      },
    });
    const itemIds = input.items.map(() => randomUUID());
    await tx.pledgeItem.createMany({
      data: input.items.map((item, i) => ({
        tenantId,
        id: itemIds[i]!,
        pledgeId: id,
        text: item.text,
        dueDate: item.dueDate ? dateOnly(item.dueDate) : null,
        sortOrder: i,
      })),
    });

    let selfReportId: string | null = null;
    if (memberId) {
      selfReportId = randomUUID();
      const campaignIds = campaignId
        ? [campaignId]
        : await findCoveringCampaignIds(tx, tenantId, orgPath, today);
      await tx.activity.create({
        data: {
          tenantId,
          id: selfReportId,
          orgId,
          type: "PLEDGE",
          date: dateOnly(today),
          durationHours: 0,
          topic: input.title,
          content: input.items.map((item, i) => `${i + 1}. ${item.text}`).join("\n"),
          selfReportedById: memberId,
          status: "SUBMITTED",
          submittedAt: new Date(),
          recordedById: actor.userId,
        },
      });
      await tx.activityAttendance.create({
        data: { tenantId, activityId: selfReportId, memberId, present: true, hours: 0 },
      });
      if (campaignIds.length > 0) {
        await tx.activityCampaign.createMany({
          data: campaignIds.map((c) => ({ tenantId, activityId: selfReportId!, campaignId: c })),
        });
      }
    }

    await recordAuditEvent(tx, actor, {
      action: "pledge.create",
      entityType: "Pledge",
      entityId: id,
      after: {
        orgId,
        memberId,
        campaignId,
        title: input.title,
        items: input.items.map((item, i) => ({
          id: itemIds[i],
          text: item.text,
          dueDate: item.dueDate,
        })),
        selfReportId,
      },
    });
    return { id, itemIds, selfReportId };
  });
}

async function checkCampaign(
  tx: TenantTx,
  tenantId: string,
  campaignId: string,
  orgPath: string,
  today: string,
): Promise<string> {
  const invalid = () =>
    new AppError("VALIDATION", "所选活动不存在或未覆盖该组织", {
      campaignId: ["所选活动不存在或未覆盖该组织"],
    });
  if (!UUID.test(campaignId)) throw invalid();
  const ids = await findCoveringCampaignIds(tx, tenantId, orgPath, today);
  if (!ids.includes(campaignId)) throw invalid();
  return campaignId;
}
