import type { AddMilestoneInput } from "@/lib/schemas/secretary-project";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dayOf } from "../tasks/task-status";
import { fieldError } from "../tasks/task-rules";
import { findProjectOrThrow, managesProject } from "./project-rules";

/** Adds a dated milestone to the project's roadmap (路线图); the date lies inside the campaign. */
export async function addMilestone(
  actor: Actor,
  input: AddMilestoneInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const project = await findProjectOrThrow(tx, actor, input.projectId);
    if (!managesProject(actor, project.org.path)) throw forbidden("只有本支部书记或组织部可以修改");
    const start = dayOf(project.campaign.startDate);
    const end = dayOf(project.campaign.endDate);
    if (Number.isNaN(Date.parse(input.dueDate + "T00:00:00Z")))
      throw fieldError("dueDate", "日期无效");
    if (input.dueDate < start || input.dueDate > end)
      throw fieldError("dueDate", `节点日期须在活动期间（${start} 至 ${end}）`);
    const milestone = await tx.projectMilestone.create({
      data: {
        tenantId: actor.tenantId,
        projectId: project.id,
        title: input.title,
        dueDate: new Date(input.dueDate + "T00:00:00.000Z"),
        sortOrder: project.milestones.length,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "secretaryProject.milestone.add",
      entityType: "ProjectMilestone",
      entityId: milestone.id,
      after: { projectId: project.id, title: input.title, dueDate: input.dueDate },
    });
    return { id: milestone.id };
  });
}
