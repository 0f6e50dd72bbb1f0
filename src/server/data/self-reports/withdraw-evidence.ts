import type { WithdrawEvidenceInput } from "@/lib/schemas/self-report";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID } from "./self-report-rules";

/**
 * Withdraws a file the actor uploaded, before anyone has judged it: evidence of their own
 * self-report until it is approved (or voided), or of a pledge progress post until the item is
 * evaluated. The row stays, marked withdrawnAt, and stops being shown as evidence. Withdrawing a
 * self-report's file bumps the report's version, so a reviewer looking at the old set is told
 * it changed.
 */
export async function withdrawEvidence(
  actor: Actor,
  input: WithdrawEvidenceInput,
): Promise<{ id: string; changed: boolean; activityId: string | null; pledgeId: string | null }> {
  if (!UUID.test(input.evidenceId)) throw notFound("文件");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const evidence = await tx.evidence.findFirst({
      where: {
        tenantId,
        id: input.evidenceId,
        uploadedById: actor.userId,
        OR: [
          ...(actor.memberId ? [{ activity: { selfReportedById: actor.memberId } }] : []),
          { pledgeProgress: { createdById: actor.userId } },
        ],
      },
      include: {
        activity: { select: { id: true, status: true, voidedAt: true, version: true } },
        pledgeProgress: {
          select: { item: { select: { verdict: true, pledgeId: true } } },
        },
      },
    });
    if (!evidence) throw notFound("文件");
    const activity = evidence.activity;
    const pledgeId = evidence.pledgeProgress?.item.pledgeId ?? null;
    if (evidence.withdrawnAt) {
      return { id: evidence.id, changed: false, activityId: activity?.id ?? null, pledgeId };
    }
    if (activity) {
      if (activity.status === "APPROVED" || activity.voidedAt) {
        throw new AppError("CONFLICT", "该记录已审核，文件不能再撤回");
      }
      const { count } = await tx.activity.updateMany({
        where: {
          tenantId,
          id: activity.id,
          version: activity.version,
          status: { not: "APPROVED" },
          voidedAt: null,
        },
        data: { version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("CONFLICT", "该记录刚刚被审核，请刷新后查看");
    } else if (evidence.pledgeProgress?.item.verdict) {
      throw new AppError("CONFLICT", "该承诺事项已评议，文件不能再撤回");
    }
    await tx.evidence.update({
      where: { tenantId_id: { tenantId, id: evidence.id } },
      data: { withdrawnAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: "evidence.withdraw",
      entityType: "Evidence",
      entityId: evidence.id,
      before: { withdrawnAt: null },
      after: {
        withdrawn: true,
        activityId: activity?.id ?? null,
        pledgeId,
        sha256: evidence.sha256,
        name: evidence.originalName,
      },
    });
    return { id: evidence.id, changed: true, activityId: activity?.id ?? null, pledgeId };
  });
}
