import { randomUUID } from "node:crypto";
import type { AddPledgeProgressInput } from "@/lib/schemas/pledge";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { checkAndStoreEvidence, UUID } from "../self-reports/self-report-rules";
import { findVisibleItemOrThrow } from "./pledge-rules";

/**
 * The owner reports progress on one item (践诺), with evidence files (checked by content before
 * anything is written). Not on an item withdrawn or already evaluated. Anyone else who can see
 * the pledge is refused (FORBIDDEN); anyone who cannot gets NOT_FOUND.
 */
export async function addPledgeProgress(
  actor: Actor,
  input: AddPledgeProgressInput & { files?: readonly File[] },
): Promise<{ id: string; pledgeId: string }> {
  if (!UUID.test(input.itemId)) throw notFound("承诺事项");
  // Refuse before touching any file when the item is not the actor's to report on.
  const pledgeId = await withTenant(actor.tenantId, async (tx) => {
    const { item, access } = await findVisibleItemOrThrow(tx, actor, input.itemId);
    if (!access.isOwner) throw forbidden("只有承诺人可以报告进展");
    return item.pledgeId;
  });
  const evidence = await checkAndStoreEvidence(input.files ?? []);

  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const { item, access } = await findVisibleItemOrThrow(tx, actor, input.itemId);
    if (!access.isOwner || item.pledgeId !== pledgeId) throw forbidden("只有承诺人可以报告进展");
    if (item.withdrawnAt) throw new AppError("CONFLICT", "该承诺事项已撤回");
    if (item.verdict) throw new AppError("CONFLICT", "该承诺事项已评议，不能再报告进展");
    const id = randomUUID();
    await tx.pledgeProgress.create({
      data: { tenantId, id, itemId: item.id, text: input.text, createdById: actor.userId },
    });
    if (evidence.length > 0) {
      await tx.evidence.createMany({
        data: evidence.map((e) => ({
          tenantId,
          pledgeProgressId: id,
          uploadedById: actor.userId,
          ...e,
        })),
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "pledge.progress",
      entityType: "PledgeProgress",
      entityId: id,
      after: {
        pledgeId: item.pledgeId,
        itemId: item.id,
        text: input.text,
        evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })),
      },
    });
    return { id, pledgeId: item.pledgeId };
  });
}
