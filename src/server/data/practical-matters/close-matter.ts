import { randomUUID } from "node:crypto";
import type { CloseMatterInput } from "@/lib/schemas/practical-matter";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { checkAndStoreEvidence } from "../self-reports/self-report-rules";
import { fieldError } from "../tasks/task-rules";
import { findMatterOrThrow, mayCloseMatter } from "./matter-rules";

/**
 * 对账销号: the owner closes an item with a note and at least one evidence file (checked by
 * content first; a wrong type is refused at "files" and nothing is written).
 */
export async function closeMatter(
  actor: Actor,
  input: CloseMatterInput & { files?: readonly File[] },
): Promise<{ id: string; listId: string }> {
  const check = async (tx: TenantTx) => {
    const matter = await findMatterOrThrow(tx, actor, input.matterId);
    if (!(await mayCloseMatter(tx, actor, matter))) throw forbidden("只有责任单位或组织部可以销号");
    if (matter.closedAt) throw new AppError("CONFLICT", "该实事已销号");
    return matter;
  };
  await withTenant(actor.tenantId, check);
  const files = input.files ?? [];
  if (files.length === 0) throw fieldError("files", "销号须上传至少一个佐证材料");
  const evidence = await checkAndStoreEvidence(files);
  return withTenant(actor.tenantId, async (tx) => {
    const matter = await check(tx);
    const tenantId = actor.tenantId;
    const evidenceIds = evidence.map(() => randomUUID());
    await tx.evidence.createMany({
      data: evidence.map((e, i) => ({
        tenantId,
        id: evidenceIds[i],
        purpose: "practical-matter",
        uploadedById: actor.userId,
        ...e,
      })),
    });
    const now = new Date();
    const { count } = await tx.practicalMatter.updateMany({
      where: { tenantId, id: matter.id, version: input.version, closedAt: null },
      data: {
        closedAt: now,
        closedById: actor.userId,
        closingNote: input.closingNote,
        evidenceIds,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "practicalMatters.close",
      entityType: "PracticalMatter",
      entityId: matter.id,
      after: {
        closingNote: input.closingNote,
        evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })),
      },
    });
    return { id: matter.id, listId: matter.listId };
  });
}
