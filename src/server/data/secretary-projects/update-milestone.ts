import { randomUUID } from "node:crypto";
import type { UpdateMilestoneInput } from "@/lib/schemas/secretary-project";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { conflict, forbidden, notFound } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { checkAndStoreEvidence } from "../self-reports/self-report-rules";
import { UUID } from "../tasks/task-rules";
import { findProjectOrThrow, managesProject } from "./project-rules";

/**
 * Reports progress on a milestone: status, a note and optional evidence files (checked by
 * content before anything is written; a wrong type is refused at "files"). The latest state is
 * on the row; each report is an audit event. New files are added to the earlier ones.
 */
export async function updateMilestone(
  actor: Actor,
  input: UpdateMilestoneInput & { files?: readonly File[] },
): Promise<{ id: string; projectId: string }> {
  const check = async (tx: TenantTx) => {
    if (!UUID.test(input.milestoneId)) throw notFound("节点");
    const row = await tx.projectMilestone.findFirst({
      where: { tenantId: actor.tenantId, id: input.milestoneId },
      select: { projectId: true },
    });
    if (!row) throw notFound("节点");
    const project = await findProjectOrThrow(tx, actor, row.projectId);
    const milestone = project.milestones.find((m) => m.id === input.milestoneId);
    if (!milestone) throw notFound("节点");
    if (!managesProject(actor, project.org.path))
      throw forbidden("只有本支部书记或组织部可以报告进展");
    return { project, milestone };
  };
  await withTenant(actor.tenantId, check);
  const evidence = await checkAndStoreEvidence(input.files ?? []);
  return withTenant(actor.tenantId, async (tx) => {
    const { project, milestone } = await check(tx);
    const tenantId = actor.tenantId;
    const evidenceIds = evidence.map(() => randomUUID());
    if (evidence.length > 0)
      await tx.evidence.createMany({
        data: evidence.map((e, i) => ({
          tenantId,
          id: evidenceIds[i],
          purpose: "project-milestone",
          uploadedById: actor.userId,
          ...e,
        })),
      });
    const now = new Date();
    const { count } = await tx.projectMilestone.updateMany({
      where: { tenantId, id: milestone.id, version: input.version },
      data: {
        status: input.status,
        progress: input.progress,
        doneAt: input.status === "DONE" ? (milestone.doneAt ?? now) : null,
        evidenceIds: [...milestone.evidenceIds, ...evidenceIds],
        progressAt: now,
        progressById: actor.userId,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "secretaryProject.milestone.progress",
      entityType: "ProjectMilestone",
      entityId: milestone.id,
      before: { status: milestone.status, progress: milestone.progress },
      after: {
        status: input.status,
        progress: input.progress,
        evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })),
      },
    });
    return { id: milestone.id, projectId: project.id };
  });
}
