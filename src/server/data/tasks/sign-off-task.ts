import type { SignOffTaskInput } from "@/lib/schemas/task";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findTaskOrThrow, managesCampaign } from "./task-rules";

/** The organization department signs a task off (销号): it is DONE from then on. */
export async function signOffTask(actor: Actor, input: SignOffTaskInput): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const task = await findTaskOrThrow(tx, actor, input.taskId);
    if (!managesCampaign(actor, task.campaign.rootOrg.path)) throw forbidden("只有组织部可以销号");
    if (task.signedOffAt) throw new AppError("CONFLICT", "任务已销号");
    const now = new Date();
    const { count } = await tx.campaignTask.updateMany({
      where: { tenantId: actor.tenantId, id: task.id, version: input.version, signedOffAt: null },
      data: {
        signedOffAt: now,
        signedOffById: actor.userId,
        closedAt: now,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "task.signOff",
      entityType: "CampaignTask",
      entityId: task.id,
      after: { signedOffAt: now },
    });
    return { id: task.id };
  });
}
