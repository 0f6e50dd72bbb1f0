import { randomUUID } from "node:crypto";
import type { AddTaskUpdateInput } from "@/lib/schemas/task";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { checkAndStoreEvidence } from "../self-reports/self-report-rules";
import { findTaskOrThrow, mayUpdateTask } from "./task-rules";

/**
 * A progress update on a task, with evidence files checked by content before anything is
 * written (a file of the wrong type: VALIDATION at "files", no row). Not after sign-off.
 */
export async function addTaskUpdate(
  actor: Actor,
  input: AddTaskUpdateInput & { files?: readonly File[] },
): Promise<{ id: string; taskId: string }> {
  const check = async (tx: TenantTx) => {
    const task = await findTaskOrThrow(tx, actor, input.taskId);
    if (!(await mayUpdateTask(tx, actor, task)))
      throw forbidden("只有组织部和责任组织可以报告进展");
    if (task.signedOffAt) throw new AppError("CONFLICT", "任务已销号，不能再报告进展");
    return task;
  };
  await withTenant(actor.tenantId, check);
  const evidence = await checkAndStoreEvidence(input.files ?? []);
  return withTenant(actor.tenantId, async (tx) => {
    const task = await check(tx);
    const tenantId = actor.tenantId;
    const evidenceIds = evidence.map(() => randomUUID());
    if (evidence.length > 0)
      await tx.evidence.createMany({
        data: evidence.map((e, i) => ({
          tenantId,
          id: evidenceIds[i],
          purpose: "task-update",
          uploadedById: actor.userId,
          ...e,
        })),
      });
    const id = randomUUID();
    await tx.taskUpdate.create({
      data: {
        tenantId,
        id,
        taskId: task.id,
        text: input.text,
        percent: input.percent,
        evidenceIds,
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "task.update",
      entityType: "TaskUpdate",
      entityId: id,
      after: {
        taskId: task.id,
        text: input.text,
        percent: input.percent,
        evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })),
      },
    });
    return { id, taskId: task.id };
  });
}
