import { randomUUID } from "node:crypto";
import type { Actor } from "../../authz/actor";
import { recordAuditEvents } from "../../audit/record-audit-event";
import { AppError, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dateOnly, findCampaignOrThrow, isoDay } from "../campaigns/campaign-rules";
import { managesCampaign } from "./task-rules";
import { TEMPLATE_TASKS, templateDueDate } from "./template-tasks";

/**
 * "Apply the template's tasks" in one click: every task of the campaign's template, with lead
 * and cooperating departments resolved by code. Tasks whose title the campaign already has are
 * skipped, so a second click adds nothing. A lead department missing from the tenant refuses
 * the whole batch (nothing written); a missing cooperating department is left out.
 */
export async function applyTemplateTasks(
  actor: Actor,
  campaignId: string,
): Promise<{ created: number; skipped: number }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, campaignId);
    if (!managesCampaign(actor, campaign.rootOrg.path)) throw forbidden();
    const tasks = campaign.templateCode ? TEMPLATE_TASKS[campaign.templateCode] : undefined;
    if (!tasks) throw new AppError("VALIDATION", "该活动的模板没有预置任务");
    const tenantId = actor.tenantId;
    const departments = await tx.department.findMany({
      where: { tenantId },
      select: { id: true, code: true },
    });
    const byCode = new Map(departments.map((d) => [d.code, d.id]));
    const missingLead = [...new Set(tasks.map((t) => t.lead).filter((code) => !byCode.has(code)))];
    if (missingLead.length > 0)
      throw new AppError(
        "VALIDATION",
        `缺少牵头部门（代码 ${missingLead.join("、")}），请先在部门管理中添加`,
      );
    const existing = new Set(
      (
        await tx.campaignTask.findMany({
          where: { tenantId, campaignId: campaign.id },
          select: { title: true },
        })
      ).map((t) => t.title),
    );
    const start = isoDay(campaign.startDate);
    const end = isoDay(campaign.endDate);
    const audits = [];
    let created = 0;
    for (const t of tasks) {
      if (existing.has(t.title)) continue;
      const id = randomUUID();
      const cooperating = t.cooperating.map((c) => byCode.get(c)).filter((v): v is string => !!v);
      const dueDate = templateDueDate(start, end, t.dueMonths);
      await tx.campaignTask.create({
        data: {
          tenantId,
          id,
          campaignId: campaign.id,
          title: t.title,
          description: t.description,
          leadDepartmentId: byCode.get(t.lead)!,
          dueDate: dateOnly(dueDate),
          createdById: actor.userId,
        },
      });
      if (cooperating.length > 0)
        await tx.taskDepartment.createMany({
          data: cooperating.map((departmentId) => ({ tenantId, taskId: id, departmentId })),
        });
      audits.push({
        action: "task.create",
        entityType: "CampaignTask",
        entityId: id,
        after: { title: t.title, dueDate, fromTemplate: campaign.templateCode },
      });
      created++;
    }
    await recordAuditEvents(tx, actor, audits);
    return { created, skipped: tasks.length - created };
  });
}
