import type { ActivityRefInput, EvidenceRefInput } from "@/lib/schemas/activity";
import { isUuid } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden, isAppError, notFound } from "../../errors";
import type { CheckedEvidence } from "../../evidence/check-evidence-file";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { findVisibleItemOrThrow } from "../pledges/pledge-rules";
import { activityReadWhere, fieldError, isActivityOwner } from "./activity-rules";
import { storeEvidence } from "./activity-write";
import { findActivityInScopeOrThrow, type ActivityInScope } from "./find-activity";
import { roundReadWhere } from "../opinions/opinion-rules";

// Evidence files of a record: added and withdrawn by the record's owner until it is approved.
// A change of evidence is a change of the record: it bumps the record's version, so a reviewer
// who approves what they saw gets a conflict if a file changed under them.

function checkEvidenceChange(actor: Actor, activity: ActivityInScope, version: number) {
  if (!isActivityOwner(actor, activity)) throw forbidden();
  if (activity.version !== version) throw conflict();
  if (activity.voidedAt) throw new AppError("VALIDATION", "记录已作废，不能修改证明材料");
  if (activity.status === "APPROVED")
    throw new AppError("VALIDATION", "记录已审核通过，不能再修改证明材料");
}

async function bumpVersion(tx: TenantTx, actor: Actor, activity: ActivityInScope, version: number) {
  const { count } = await tx.activity.updateMany({
    where: {
      tenantId: actor.tenantId,
      id: activity.id,
      version,
      voidedAt: null,
      status: { not: "APPROVED" },
    },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
}

/** Adds evidence files (already checked by content) to a record that is not yet approved. */
export async function addActivityEvidence(
  actor: Actor,
  input: ActivityRefInput,
  files: readonly CheckedEvidence[],
): Promise<{ id: string; added: number }> {
  if (files.length === 0) throw fieldError("files", "请选择要上传的文件");
  return withTenant(actor.tenantId, async (tx) => {
    const activity = await findActivityInScopeOrThrow(tx, actor, input.id);
    checkEvidenceChange(actor, activity, input.version);
    await bumpVersion(tx, actor, activity, input.version);
    const evidence = await storeEvidence(tx, actor, activity.id, files);
    await recordAuditEvent(tx, actor, {
      action: "activity.evidence.add",
      entityType: "Activity",
      entityId: activity.id,
      after: { evidence },
    });
    return { id: activity.id, added: evidence.length };
  });
}

/**
 * Withdraws an evidence file before the record is approved: the row stays (withdrawnAt), the
 * file is no longer shown or served.
 */
export async function withdrawEvidence(
  actor: Actor,
  input: EvidenceRefInput,
): Promise<{ activityId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const evidence = await findActivityEvidenceOrThrow(tx, actor, input.id);
    const activity = await findActivityInScopeOrThrow(tx, actor, evidence.activityId);
    checkEvidenceChange(actor, activity, input.version);
    if (evidence.withdrawnAt) throw new AppError("VALIDATION", "该文件已撤回");
    await bumpVersion(tx, actor, activity, input.version);
    const { count } = await tx.evidence.updateMany({
      where: { tenantId: actor.tenantId, id: evidence.id, withdrawnAt: null },
      data: { withdrawnAt: new Date() },
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "activity.evidence.withdraw",
      entityType: "Activity",
      entityId: activity.id,
      before: {
        evidence: { id: evidence.id, originalName: evidence.originalName, sha256: evidence.sha256 },
      },
    });
    return { activityId: activity.id };
  });
}

/** An evidence row of a record the actor may read, or NOT_FOUND (withdrawn ones included). */
async function findActivityEvidenceOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound("文件");
  const evidence = await tx.evidence.findFirst({
    where: { tenantId: actor.tenantId, id, activity: { is: activityReadWhere(actor) } },
    select: {
      id: true,
      activityId: true,
      sha256: true,
      mimeType: true,
      sizeBytes: true,
      originalName: true,
      withdrawnAt: true,
    },
  });
  if (!evidence || !evidence.activityId) throw notFound("文件");
  return { ...evidence, activityId: evidence.activityId };
}

export type EvidenceDownload = {
  sha256: string;
  mimeType: string;
  sizeBytes: number;
  originalName: string;
};

/**
 * What the evidence route serves: a file, not withdrawn, of
 *   - an activity record the actor may read (activity.read over its organization, or the member
 *     who self-reported it), or
 *   - a pledge's progress post (践诺) the actor may see (pledge rules: findVisibleItemOrThrow), or
 *   - an opinion's rectification (整改) in a round the actor may read.
 * NOT_FOUND otherwise, the same answer for another tenant's id, an id outside the scope and a
 * withdrawn file.
 */
export async function getEvidenceForDownload(actor: Actor, id: string): Promise<EvidenceDownload> {
  if (!isUuid(id)) throw notFound("文件");
  return withTenant(actor.tenantId, async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { tenantId: actor.tenantId, id, withdrawnAt: null },
      select: {
        sha256: true,
        mimeType: true,
        sizeBytes: true,
        originalName: true,
        activityId: true,
        purpose: true,
        pledgeProgress: { select: { itemId: true } },
      },
    });
    if (!evidence) throw notFound("文件");
    if (evidence.activityId) {
      const readable = await tx.activity.findFirst({
        where: { AND: [activityReadWhere(actor), { id: evidence.activityId }] },
        select: { id: true },
      });
      if (!readable) throw notFound("文件");
    } else if (evidence.pledgeProgress) {
      await findVisibleItemOrThrow(tx, actor, evidence.pledgeProgress.itemId).catch((error) => {
        throw isAppError(error) ? notFound("文件") : error;
      });
    } else if (evidence.purpose === "opinion-rectification") {
      // A rectification's evidence: readers of the opinion's round (opinion.read over its organization).
      const readable = await tx.opinion.findFirst({
        where: {
          tenantId: actor.tenantId,
          rectificationEvidenceIds: { has: id },
          round: roundReadWhere(actor),
        },
        select: { id: true },
      });
      if (!readable) throw notFound("文件");
    } else throw notFound("文件");
    return {
      sha256: evidence.sha256,
      mimeType: evidence.mimeType,
      sizeBytes: evidence.sizeBytes,
      originalName: evidence.originalName,
    };
  });
}
