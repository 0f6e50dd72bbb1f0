import { randomUUID } from "node:crypto";
import type { CreateTaskInput } from "@/lib/schemas/task";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { forbidden } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import {
  dateOnly,
  findCampaignOrThrow,
  isoDay,
  type CampaignRow,
} from "../campaigns/campaign-rules";
import { fieldError, managesCampaign } from "./task-rules";

/**
 * Checks a task's fields against its campaign and the tenant's rows: the due date lies within
 * the campaign, the departments and organizations exist (organizations inside the campaign's
 * subtree). Throws a VALIDATION error naming the field; nothing has been written yet.
 */
export async function checkTaskFields(
  tx: TenantTx,
  actor: Actor,
  campaign: CampaignRow,
  input: Pick<
    CreateTaskInput,
    "leadDepartmentId" | "cooperatingDepartmentIds" | "orgIds" | "dueDate"
  >,
): Promise<void> {
  const start = isoDay(campaign.startDate);
  const end = isoDay(campaign.endDate);
  if (input.dueDate < start)
    throw fieldError("dueDate", `截止日期不能早于活动开始日期（${start}）`);
  if (input.dueDate > end) throw fieldError("dueDate", `截止日期不能晚于活动结束日期（${end}）`);
  const deptIds = [input.leadDepartmentId, ...input.cooperatingDepartmentIds];
  const depts = await tx.department.findMany({
    where: { tenantId: actor.tenantId, id: { in: deptIds } },
    select: { id: true },
  });
  const found = new Set(depts.map((d) => d.id));
  if (!found.has(input.leadDepartmentId)) throw fieldError("leadDepartmentId", "请选择牵头部门");
  if (input.cooperatingDepartmentIds.some((id) => !found.has(id)))
    throw fieldError("cooperatingDepartmentIds", "配合部门不存在");
  if (input.cooperatingDepartmentIds.includes(input.leadDepartmentId))
    throw fieldError("cooperatingDepartmentIds", "牵头部门不必再列为配合部门");
  if (input.orgIds.length > 0) {
    const orgs = await tx.organization.findMany({
      where: { tenantId: actor.tenantId, id: { in: input.orgIds }, validTo: null },
      select: { path: true },
    });
    if (
      orgs.length !== input.orgIds.length ||
      orgs.some((o) => !isWithinSubtree(o.path, campaign.rootOrg.path))
    )
      throw fieldError("orgIds", "责任组织不存在或不在活动范围内");
  }
}

/** The organization department adds a task to a campaign (task.manage over its root). */
export async function createTask(actor: Actor, input: CreateTaskInput): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId);
    if (!managesCampaign(actor, campaign.rootOrg.path)) throw forbidden();
    await checkTaskFields(tx, actor, campaign, input);
    const id = randomUUID();
    const tenantId = actor.tenantId;
    await tx.campaignTask.create({
      data: {
        tenantId,
        id,
        campaignId: campaign.id,
        title: input.title,
        description: input.description,
        leadDepartmentId: input.leadDepartmentId,
        dueDate: dateOnly(input.dueDate),
        createdById: actor.userId,
      },
    });
    if (input.cooperatingDepartmentIds.length > 0)
      await tx.taskDepartment.createMany({
        data: input.cooperatingDepartmentIds.map((departmentId) => ({
          tenantId,
          taskId: id,
          departmentId,
        })),
      });
    if (input.orgIds.length > 0)
      await tx.taskOrganization.createMany({
        data: input.orgIds.map((orgId) => ({ tenantId, taskId: id, orgId })),
      });
    await recordAuditEvent(tx, actor, {
      action: "task.create",
      entityType: "CampaignTask",
      entityId: id,
      after: input,
    });
    return { id };
  });
}
