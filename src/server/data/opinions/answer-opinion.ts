import { randomUUID } from "node:crypto";
import { AnswerOpinionInput, UpdateRectificationInput } from "@/lib/schemas/opinion";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, requirePermission } from "../../authz/scope";
import { conflict, forbidden } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { checkAndStoreEvidence } from "../self-reports/self-report-rules";
import { fieldError } from "../tasks/task-rules";
import { findOpinionOrThrow } from "./opinion-rules";

async function findManagedOpinion(tx: TenantTx, actor: Actor, id: string) {
  const opinion = await findOpinionOrThrow(tx, actor, id);
  if (
    !can(actor, "opinion.manage", opinion.org.path) &&
    !can(actor, "opinion.manage", opinion.round.org.path)
  )
    throw forbidden("只有该组织的负责人可以答复和整改");
  return opinion;
}

/**
 * Answers an opinion (or replaces the answer), optionally marking it for rectification (整改).
 * The organization concerned or the round's organization (opinion.manage) answers.
 */
export async function answerOpinion(
  actor: Actor,
  raw: AnswerOpinionInput,
): Promise<{ id: string; roundId: string }> {
  requirePermission(actor, "opinion.manage");
  const input = AnswerOpinionInput.parse(raw);
  return withTenant(actor.tenantId, async (tx) => {
    const opinion = await findManagedOpinion(tx, actor, input.opinionId);
    const rectification =
      input.rectification === "OPEN" && opinion.rectification === "NONE"
        ? "OPEN"
        : opinion.rectification;
    const { count } = await tx.opinion.updateMany({
      where: { tenantId: actor.tenantId, id: opinion.id, version: input.version },
      data: {
        answer: input.answer,
        answeredAt: new Date(),
        answeredById: actor.userId,
        rectification,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "opinion.answer",
      entityType: "Opinion",
      entityId: opinion.id,
      before: { answer: opinion.answer, rectification: opinion.rectification },
      after: { answer: input.answer, rectification },
    });
    return { id: opinion.id, roundId: opinion.roundId };
  });
}

/**
 * Moves an opinion's rectification along (open → in progress → done) with a note. "Done" needs
 * at least one evidence file (checked by content, stored in the evidence store); a wrong file is
 * refused at "files" and nothing is written.
 */
export async function updateRectification(
  actor: Actor,
  raw: UpdateRectificationInput & { files?: readonly File[] },
): Promise<{ id: string; roundId: string }> {
  requirePermission(actor, "opinion.manage");
  const input = UpdateRectificationInput.parse(raw);
  const files = raw.files ?? [];
  await withTenant(actor.tenantId, (tx) => findManagedOpinion(tx, actor, input.opinionId));
  if (input.status === "DONE" && files.length === 0)
    throw fieldError("files", "整改完成须上传至少一个佐证材料");
  const evidence = files.length ? await checkAndStoreEvidence(files) : [];
  return withTenant(actor.tenantId, async (tx) => {
    const opinion = await findManagedOpinion(tx, actor, input.opinionId);
    const tenantId = actor.tenantId;
    const evidenceIds = evidence.map(() => randomUUID());
    if (evidence.length)
      await tx.evidence.createMany({
        data: evidence.map((e, i) => ({
          tenantId,
          id: evidenceIds[i],
          purpose: "opinion-rectification",
          uploadedById: actor.userId,
          ...e,
        })),
      });
    const { count } = await tx.opinion.updateMany({
      where: { tenantId, id: opinion.id, version: input.version },
      data: {
        rectification: input.status,
        rectificationNote: input.note,
        rectificationEvidenceIds: [...opinion.rectificationEvidenceIds, ...evidenceIds],
        rectifiedAt: input.status === "DONE" ? new Date() : null,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "opinion.rectify",
      entityType: "Opinion",
      entityId: opinion.id,
      before: { rectification: opinion.rectification, note: opinion.rectificationNote },
      after: {
        rectification: input.status,
        note: input.note,
        evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.originalName })),
      },
    });
    return { id: opinion.id, roundId: opinion.roundId };
  });
}
