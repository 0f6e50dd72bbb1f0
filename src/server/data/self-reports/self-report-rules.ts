import { Prisma } from "@/generated/prisma/client";
import { MAX_FILES_PER_SUBMISSION } from "@/lib/schemas/self-report";
import type { Actor } from "../../authz/actor";
import { AppError, forbidden } from "../../errors";
import { checkEvidenceFile } from "../../evidence/check-evidence-file";
import { getEvidenceStore } from "../../evidence/evidence-store";
import type { TenantTx } from "../../tenant-tx";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

/** A unique-constraint violation (P2002), e.g. the same idempotency key saved twice at once. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** "YYYY-MM-DD" of a DATE column. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A DATE column value for "YYYY-MM-DD". */
export function dateOnly(iso: string): Date {
  return new Date(iso + "T00:00:00.000Z");
}

/**
 * The member the actor's account is linked to, with their current organization: the only member
 * a person may report or pledge for. FORBIDDEN when the account has no member or the member has
 * left the school.
 */
export async function findOwnMemberOrThrow(tx: TenantTx, actor: Actor) {
  if (!actor.memberId) throw forbidden("您的账号未关联党员信息，不能填报");
  const member = await tx.member.findFirst({
    where: { tenantId: actor.tenantId, id: actor.memberId },
    select: {
      id: true,
      name: true,
      orgId: true,
      leftAt: true,
      org: {
        select: { id: true, path: true, level: true, parentId: true, validTo: true, name: true },
      },
    },
  });
  if (!member) throw forbidden("您的账号未关联党员信息，不能填报");
  if (member.leftAt) throw forbidden("您已不在本校党组织，不能再填报");
  return member;
}

/**
 * The ACTIVE campaigns whose covered subtree holds the organization at `orgPath` and whose dates
 * include `day`: the campaigns a record of that organization on that day counts for.
 */
export async function findCoveringCampaignIds(
  tx: TenantTx,
  tenantId: string,
  orgPath: string,
  day: string,
): Promise<string[]> {
  const ancestors = orgPath.split("/");
  const date = dateOnly(day);
  const rows = await tx.campaign.findMany({
    where: {
      tenantId,
      status: "ACTIVE",
      rootOrgId: { in: ancestors },
      startDate: { lte: date },
      endDate: { gte: date },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/**
 * Replaces the campaign links of a record still editable (DRAFT/RETURNED: the database refuses
 * to delete links of any other). Call before changing the status.
 */
export async function relinkCampaigns(
  tx: TenantTx,
  tenantId: string,
  activityId: string,
  campaignIds: string[],
): Promise<void> {
  await tx.activityCampaign.deleteMany({ where: { tenantId, activityId } });
  if (campaignIds.length > 0) {
    await tx.activityCampaign.createMany({
      data: campaignIds.map((campaignId) => ({ tenantId, activityId, campaignId })),
    });
  }
}

export type StoredEvidence = {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string;
};

/**
 * Checks every uploaded file by its content (a renamed script is refused), then stores them.
 * All files are checked before any is stored or any row written, so a bad file leaves nothing
 * behind. Stored bytes are content-addressed: storing again is harmless.
 */
export async function checkAndStoreEvidence(
  files: readonly File[],
  field = "files",
): Promise<StoredEvidence[]> {
  if (files.length > MAX_FILES_PER_SUBMISSION) {
    throw fieldError(field, `一次最多上传 ${MAX_FILES_PER_SUBMISSION} 个文件`);
  }
  const checked = [];
  for (const file of files) checked.push(await checkEvidenceFile(file, field));
  const store = getEvidenceStore();
  const stored: StoredEvidence[] = [];
  for (const c of checked) {
    const { sha256, sizeBytes } = await store.put(c.bytes);
    stored.push({ sha256, sizeBytes, mimeType: c.mimeType, originalName: c.originalName });
  }
  return stored;
}

export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const;
