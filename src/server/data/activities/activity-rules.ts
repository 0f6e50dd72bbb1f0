import { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import {
  can,
  isWithinSubtree,
  memberScopeWhere,
  orgScopeWhere,
  scopeRoots,
} from "../../authz/scope";
import { roleGrants } from "../../authz/permissions";
import { AppError, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { orgIdsWithin } from "../../authz/org-ids-within";

// ---------------------------------------------------------------------------------------------
// Who may see, change and review a record. One place for these rules: the data functions, the
// review queue's filter and the detail page's buttons all ask here.
// ---------------------------------------------------------------------------------------------

/** The facts about a record the rules below look at. */
export type ActivityFacts = {
  status: ActivityStatus;
  voidedAt: Date | null;
  selfReportedById: string | null;
  recordedById: string;
  org: { path: string };
};

export const EDITABLE_STATUSES: readonly ActivityStatus[] = ["DRAFT", "RETURNED"];

export const activityNotFound = () => notFound("活动记录");

/**
 * Records the actor may read: those of organizations where they hold activity.read or
 * activity.record (that organization and its subtree), and their own self-reports.
 */
export function activityReadWhere(actor: Actor): Prisma.ActivityWhereInput {
  const or: Prisma.ActivityWhereInput[] = [];
  if (scopeRoots(actor, "activity.read").length > 0)
    or.push({ org: orgScopeWhere(actor, "activity.read") });
  if (scopeRoots(actor, "activity.record").length > 0)
    or.push({ org: orgScopeWhere(actor, "activity.record") });
  if (actor.memberId) or.push({ selfReportedById: actor.memberId });
  if (or.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return { tenantId: actor.tenantId, OR: or };
}

/** The organizations whose records the actor may read (activityReadWhere's scope), see orgIdsWithin. */
export function readableActivityOrgIds(tx: TenantTx, actor: Actor): Promise<string[] | null> {
  return orgIdsWithin(tx, actor, [
    ...scopeRoots(actor, "activity.read"),
    ...scopeRoots(actor, "activity.record"),
  ]);
}

/**
 * activityReadWhere with the organizations already resolved (readableActivityOrgIds; null: all
 * of the university's).
 */
export function activityReadWhereIn(
  actor: Actor,
  orgIds: string[] | null,
): Prisma.ActivityWhereInput {
  if (orgIds === null) return { tenantId: actor.tenantId };
  const or: Prisma.ActivityWhereInput[] = [];
  if (orgIds.length > 0) or.push({ orgId: { in: orgIds } });
  if (actor.memberId) or.push({ selfReportedById: actor.memberId });
  if (or.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return { tenantId: actor.tenantId, OR: or };
}

export function canReadActivity(
  actor: Actor,
  a: Pick<ActivityFacts, "selfReportedById" | "org">,
): boolean {
  return (
    can(actor, "activity.read", a.org.path) ||
    can(actor, "activity.record", a.org.path) ||
    (!!actor.memberId && a.selfReportedById === actor.memberId)
  );
}

/**
 * Who owns a record's content: the member who self-reported it, or else whoever may record for
 * its organization. Owners edit, submit, discard and manage evidence while it is not approved.
 */
export function isActivityOwner(
  actor: Actor,
  a: Pick<ActivityFacts, "selfReportedById" | "org">,
): boolean {
  if (a.selfReportedById) return !!actor.memberId && actor.memberId === a.selfReportedById;
  return can(actor, "activity.record", a.org.path);
}

/** Why the actor may not review the record, or null when they may (whatever its status). */
export function reviewRefusal(actor: Actor, a: ActivityFacts): string | null {
  if (a.selfReportedById && actor.memberId && a.selfReportedById === actor.memberId)
    return "不能审核自己申报的记录";
  if (a.recordedById === actor.userId) return "不能审核自己录入的记录";
  const allowed = actor.assignments.some((as) => {
    if (!roleGrants(as.role, "activity.review")) return false;
    if (as.role === "SECRETARY") {
      // A secretary reviews the records of organizations strictly below their own, and the
      // self-reports of members of their own organization (or below).
      return a.selfReportedById
        ? isWithinSubtree(a.org.path, as.orgPath)
        : a.org.path.startsWith(as.orgPath + "/");
    }
    return isWithinSubtree(a.org.path, as.orgPath);
  });
  return allowed ? null : "没有权限审核该记录（需由上级组织书记或组织部审核）";
}

export function canReviewActivity(actor: Actor, a: ActivityFacts): boolean {
  return reviewRefusal(actor, a) === null;
}

/**
 * The same rule as reviewRefusal, as a filter: records the actor may review (any status). Used
 * by the review queue so that its count and pages match what the buttons allow: organizations
 * strictly below any reviewing assignment, the assignment's own organization for
 * non-secretaries, and self-reports of a secretary's own organization; never what the actor
 * recorded or reported themselves. The organizations are resolved first (small queries on
 * Organization), so that Activity is filtered by `orgId IN (…)`, or by nothing when an
 * administrator's subtree is the whole university, instead of joining every record to its
 * organization to test the path.
 */
export async function reviewableWhere(
  tx: TenantTx,
  actor: Actor,
): Promise<Prisma.ActivityWhereInput> {
  const reviewing = actor.assignments.filter((as) => roleGrants(as.role, "activity.review"));
  if (reviewing.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  const notOwn: Prisma.ActivityWhereInput[] = [{ NOT: { recordedById: actor.userId } }];
  if (actor.memberId) {
    notOwn.push({
      OR: [{ selfReportedById: null }, { selfReportedById: { not: actor.memberId } }],
    });
  }
  const wholeSubtrees = reviewing.filter((as) => as.role !== "SECRETARY").map((as) => as.orgPath);
  if ((await orgIdsWithin(tx, actor, wholeSubtrees)) === null)
    return { tenantId: actor.tenantId, AND: notOwn };
  const orgs = await tx.organization.findMany({
    where: {
      tenantId: actor.tenantId,
      OR: reviewing.flatMap((as) => [
        { path: as.orgPath },
        { path: { startsWith: as.orgPath + "/" } },
      ]),
    },
    select: { id: true, path: true },
  });
  const any = new Set<string>();
  const selfReportsOnly = new Set<string>();
  for (const org of orgs) {
    for (const as of reviewing) {
      if (org.path.startsWith(as.orgPath + "/")) any.add(org.id);
      else if (org.path === as.orgPath) {
        if (as.role === "SECRETARY") selfReportsOnly.add(org.id);
        else any.add(org.id);
      }
    }
  }
  for (const id of any) selfReportsOnly.delete(id);
  const or: Prisma.ActivityWhereInput[] = [];
  if (any.size > 0) or.push({ orgId: { in: [...any] } });
  if (selfReportsOnly.size > 0)
    or.push({ selfReportedById: { not: null }, orgId: { in: [...selfReportsOnly] } });
  if (or.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  return { tenantId: actor.tenantId, AND: [{ OR: or }, ...notOwn] };
}

/** What the actor may do with a record now: the detail page's buttons and the data functions' checks. */
export function activityAbilities(actor: Actor, a: ActivityFacts) {
  const open = a.voidedAt === null;
  const owner = isActivityOwner(actor, a);
  const editable = open && EDITABLE_STATUSES.includes(a.status);
  const reviewer = canReviewActivity(actor, a);
  return {
    /** Edit the fields through the recording form (organization records; self-reports have their own form). */
    edit: editable && owner && !a.selfReportedById,
    submit: editable && owner,
    /** Discard a draft or a returned record (it is marked voided, never deleted). */
    discard: editable && owner,
    manageEvidence: open && owner && a.status !== "APPROVED",
    approve: open && reviewer && a.status === "SUBMITTED",
    return: open && reviewer && a.status === "SUBMITTED",
    void: open && reviewer && a.status === "APPROVED",
  };
}
export type ActivityAbilities = ReturnType<typeof activityAbilities>;

/** Records that count towards quotas: approved and not voided. */
export const COUNTING_WHERE = {
  status: "APPROVED",
  voidedAt: null,
} as const satisfies Prisma.ActivityWhereInput;

/**
 * Members the actor may add as attendees beyond the organization's roster on the activity's
 * date: those they may read, and those of organizations they record for.
 */
export function attendeeScopeWhere(actor: Actor): Prisma.MemberWhereInput {
  const or: Prisma.MemberWhereInput[] = [memberScopeWhere(actor)];
  if (scopeRoots(actor, "activity.record").length > 0)
    or.push({ org: orgScopeWhere(actor, "activity.record") });
  return { tenantId: actor.tenantId, OR: or };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

/** Several field errors at once, so the form shows every problem in one round trip. */
export function fieldErrors(errors: Record<string, string[]>): AppError {
  const first = Object.values(errors)[0]?.[0] ?? "请修正标出的字段";
  return new AppError("VALIDATION", `请修正标出的字段：${first}`, errors);
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A DATE column value for "YYYY-MM-DD". */
export function dateOnly(iso: string): Date {
  return new Date(iso + "T00:00:00.000Z");
}

/** The instant of "HH:MM" on `date` in Shanghai (UTC+8, no daylight saving). */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** "HH:MM" in Shanghai of an instant. */
export function shanghaiTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

export const decimalOrNull = (value: Prisma.Decimal | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value.toString());

/** The activity types a stored campaign definition counts (quota filters and composite parts). */
export function campaignActivityTypes(definition: Prisma.JsonValue): string[] {
  const types = new Set<string>();
  const quotas = (definition as { quotas?: unknown } | null)?.quotas;
  if (!Array.isArray(quotas)) return [];
  const add = (filter: unknown) => {
    const list = (filter as { types?: unknown } | null | undefined)?.types;
    if (Array.isArray(list)) for (const t of list) if (typeof t === "string") types.add(t);
  };
  for (const quota of quotas) {
    const q = quota as { activity?: unknown; composite?: { parts?: unknown } } | null;
    if (!q) continue;
    add(q.activity);
    const parts = q.composite?.parts;
    if (Array.isArray(parts))
      for (const part of parts) add((part as { activity?: unknown })?.activity);
  }
  return [...types].sort();
}
