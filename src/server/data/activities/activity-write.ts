import { randomUUID } from "node:crypto";
import type { AttendanceInput, CreateActivityInput } from "@/lib/schemas/activity";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import type { CheckedEvidence } from "../../evidence/check-evidence-file";
import { getEvidenceStore } from "../../evidence/evidence-store";
import type { TenantTx } from "../../tenant-tx";
import {
  attendeeScopeWhere,
  campaignActivityTypes,
  dateOnly,
  fieldErrors,
  isoDay,
  shanghaiInstant,
} from "./activity-rules";

/** The fields of a record that the recording form sets (create and update alike). */
export type ActivityFieldsInput = Omit<CreateActivityInput, "idempotencyKey">;

type Errors = Record<string, string[]>;
const push = (errors: Errors, key: string, message: string) => {
  (errors[key] ??= []).push(message);
};

export type RecordableOrg = { id: string; code: string; path: string };

/**
 * Checks everything about a record that needs the database, collecting every problem as a
 * field error (so the form shows them all at once), and returns what the write needs:
 *   - the organization is one the actor records for, and existed on the date (not in the future);
 *   - the host and every attendee are on the organization's roster on that date (their
 *     Membership covers it) or are members the actor may reach (`attendeeScopeWhere`), or were
 *     already on this record (`keepMemberIds`, an edit of a record someone else extended);
 *   - the chosen campaigns cover the organization and the date; with no choice, every active
 *     campaign covering them whose quotas count the type.
 * Nothing is written here.
 */
export async function checkActivityFields(
  tx: TenantTx,
  actor: Actor,
  input: ActivityFieldsInput,
  options: { activityId?: string; keepMemberIds?: readonly string[] } = {},
): Promise<{ org: RecordableOrg; campaignIds: string[] }> {
  const errors: Errors = {};
  const tenantId = actor.tenantId;
  const day = dateOnly(input.date);

  if (input.date > todayInShanghai()) push(errors, "date", "活动日期不能晚于今天");

  const org = await tx.organization.findFirst({
    where: { AND: [orgScopeWhere(actor, "activity.record"), { id: input.orgId }] },
    select: { id: true, code: true, path: true, validFrom: true, validTo: true },
  });
  if (!org) {
    push(errors, "orgId", "所选组织不存在或您无权为其录入活动");
    throw fieldErrors(errors);
  }
  if (org.validFrom > day)
    push(errors, "date", `活动日期早于该组织的成立日期（${isoDay(org.validFrom)}）`);
  if (org.validTo && org.validTo <= day) push(errors, "orgId", "该组织在活动日期已撤销");

  // People: the roster on the date, or anyone the actor may reach.
  const ids = [
    ...new Set([
      ...input.attendance.map((a) => a.memberId),
      ...(input.hostMemberId ? [input.hostMemberId] : []),
    ]),
  ];
  if (ids.length > 0) {
    const notLeft = { OR: [{ leftAt: null }, { leftAt: { gt: day } }] };
    const [onRoster, reachable] = await Promise.all([
      tx.membership.findMany({
        where: {
          tenantId,
          orgId: org.id,
          memberId: { in: ids },
          validFrom: { lte: day },
          OR: [{ validTo: null }, { validTo: { gt: day } }],
          member: notLeft,
        },
        select: { memberId: true },
      }),
      tx.member.findMany({
        where: { AND: [attendeeScopeWhere(actor), { id: { in: ids } }, notLeft] },
        select: { id: true },
      }),
    ]);
    const allowed = new Set([
      ...onRoster.map((r) => r.memberId),
      ...reachable.map((r) => r.id),
      ...(options.keepMemberIds ?? []),
    ]);
    input.attendance.forEach((row, i) => {
      if (!allowed.has(row.memberId))
        push(errors, `attendance.${i}.memberId`, "该党员不存在、已离开或不在您的范围内");
    });
    if (input.hostMemberId && !allowed.has(input.hostMemberId))
      push(errors, "hostMemberId", "主持人不存在或不在您的范围内");
  }

  // Campaigns: those covering the organization (their root is it or one of its ancestors) and
  // the date; active ones, or ones this record already counts for.
  const candidates = await tx.campaign.findMany({
    where: {
      tenantId,
      rootOrgId: { in: org.path.split("/") },
      startDate: { lte: day },
      endDate: { gte: day },
      OR: [
        { status: "ACTIVE" },
        ...(options.activityId
          ? [{ activityLinks: { some: { tenantId, activityId: options.activityId } } }]
          : []),
      ],
    },
    select: { id: true, definition: true },
  });
  let campaignIds: string[];
  if (input.campaignIds === undefined) {
    campaignIds = candidates
      .filter((c) => campaignActivityTypes(c.definition).includes(input.type))
      .map((c) => c.id);
  } else {
    const known = new Set(candidates.map((c) => c.id));
    campaignIds = [...new Set(input.campaignIds)];
    if (campaignIds.some((id) => !known.has(id)))
      push(errors, "campaignIds", "所选活动不存在，或不覆盖该组织和日期");
  }

  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return { org: { id: org.id, code: org.code, path: org.path }, campaignIds: campaignIds.sort() };
}

/** The Activity columns the recording form sets. */
export function activityWriteData(input: ActivityFieldsInput) {
  return {
    orgId: input.orgId,
    type: input.type,
    subType: input.subType,
    date: dateOnly(input.date),
    startsAt: input.startTime ? shanghaiInstant(input.date, input.startTime) : null,
    durationHours: input.durationHours,
    days: input.days,
    place: input.place,
    topic: input.topic,
    content: input.content,
    hostMemberId: input.hostMemberId,
  };
}

export function attendanceRows(tenantId: string, activityId: string, rows: AttendanceInput[]) {
  return rows.map((row) => ({
    tenantId,
    activityId,
    memberId: row.memberId,
    present: row.present,
    absenceReason: row.present ? null : row.absenceReason,
    hours: row.present ? row.hours : null,
  }));
}

/** What the audit trail keeps of a record's fields (dates as "YYYY-MM-DD", lists sorted). */
export function activitySnapshot(input: ActivityFieldsInput, campaignIds: string[]) {
  return {
    orgId: input.orgId,
    type: input.type,
    subType: input.subType,
    date: input.date,
    startTime: input.startTime,
    durationHours: input.durationHours,
    days: input.days,
    place: input.place,
    topic: input.topic,
    content: input.content,
    hostMemberId: input.hostMemberId,
    attendance: [...input.attendance]
      .map((a) => ({
        memberId: a.memberId,
        present: a.present,
        absenceReason: a.present ? null : a.absenceReason,
        hours: a.present ? a.hours : null,
      }))
      .sort((x, y) => x.memberId.localeCompare(y.memberId)),
    campaignIds: [...campaignIds].sort(),
  };
}
export type ActivitySnapshot = ReturnType<typeof activitySnapshot>;

/**
 * Stores the files (content-addressed, so a retry stores nothing twice) and adds their Evidence
 * rows in the caller's transaction. Called after every check has passed: a refused form never
 * leaves a row, and a file without a row is never served.
 */
export async function storeEvidence(
  tx: TenantTx,
  actor: Actor,
  activityId: string,
  files: readonly CheckedEvidence[],
): Promise<{ id: string; originalName: string; sha256: string }[]> {
  if (files.length === 0) return [];
  const store = getEvidenceStore();
  const rows = [];
  for (const file of files) {
    const { sha256, sizeBytes } = await store.put(file.bytes);
    rows.push({
      tenantId: actor.tenantId,
      id: randomUUID(),
      activityId,
      sha256,
      mimeType: file.mimeType,
      sizeBytes,
      originalName: file.originalName,
      uploadedById: actor.userId,
    });
  }
  await tx.evidence.createMany({ data: rows });
  return rows.map((r) => ({ id: r.id, originalName: r.originalName, sha256: r.sha256 }));
}
