import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, requirePermission } from "../../authz/scope";
import { AppError, forbidden, notFound } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import {
  findCampaignOrThrow,
  storedDefinition,
  type CampaignRow,
} from "../campaigns/campaign-rules";
import { EnterAssessmentInput, parseRatingInput } from "./rating-input";
import { ratingScope, requireRatingYear } from "./rating-rules";
import { resolveRatingSettings, type RatingSubjectKind } from "./rating-types";

/**
 * The organization or member being assessed, or NOT_FOUND: it must belong to the campaign's
 * subtree (a member by their current organization) and lie in the reader's scope.
 */
async function findSubjectOrThrow(
  tx: TenantTx,
  actor: Actor,
  campaign: CampaignRow,
  kind: RatingSubjectKind,
  id: string,
): Promise<{ id: string; path: string; name: string }> {
  const tenantId = actor.tenantId;
  const root = campaign.rootOrg.path;
  const inCampaign = { OR: [{ path: root }, { path: { startsWith: root + "/" } }] };
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!UUID.test(id)) throw notFound(kind === "organization" ? "组织" : "党员");
  let subject: { id: string; path: string; name: string } | null = null;
  if (kind === "organization") {
    const org = await tx.organization.findFirst({
      where: { tenantId, id, ...inCampaign },
      select: { id: true, path: true, name: true },
    });
    subject = org;
  } else {
    const member = await tx.member.findFirst({
      where: { tenantId, id, org: inCampaign },
      select: { id: true, name: true, org: { select: { path: true } } },
    });
    subject = member ? { id: member.id, name: member.name, path: member.org.path } : null;
  }
  if (!subject || !ratingScope(actor)(subject.path))
    throw notFound(kind === "organization" ? "组织" : "党员");
  return subject;
}

/**
 * Enters a manual assessment item's points (0..maxPoints) or a veto item's trigger for one
 * organization or member in one campaign year, with a required comment (rating.assess over the
 * subject). The new entry supersedes the subject's current entry for that item, which stays on
 * record; both the entry and an audit event are written in one transaction. Entering exactly
 * what is already current changes nothing.
 */
export async function enterAssessment(
  actor: Actor,
  raw: EnterAssessmentInput,
): Promise<{ id: string; changed: boolean }> {
  requirePermission(actor, "rating.assess");
  const input = parseRatingInput(EnterAssessmentInput, raw);
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const campaign = await findCampaignOrThrow(tx, actor, input.campaignId);
    requireRatingYear(campaign, input.year);
    const subject = await findSubjectOrThrow(
      tx,
      actor,
      campaign,
      input.subjectKind,
      input.subjectId,
    );
    if (!can(actor, "rating.assess", subject.path)) throw forbidden("您不能评价该对象");

    const settings = resolveRatingSettings(storedDefinition(campaign.definition));
    const manual = settings.manualItems.find((m) => m.id === input.itemId);
    const veto = settings.vetoItems.find((v) => v.id === input.itemId);
    if (!manual && !veto)
      throw new AppError("VALIDATION", "该评价项不在活动的星级评定设置中", {
        itemId: ["请选择评价项"],
      });
    let points: number | null = null;
    let triggered: boolean | null = null;
    const inputPoints = input.points ?? null;
    const inputTriggered = input.triggered ?? null;
    if (manual) {
      if (inputPoints === null)
        throw new AppError("VALIDATION", "请修正标出的字段", { points: ["请填写分值"] });
      if (inputPoints < 0 || inputPoints > manual.maxPoints)
        throw new AppError("VALIDATION", "请修正标出的字段", {
          points: [`分值须在 0 到 ${manual.maxPoints} 之间`],
        });
      points = inputPoints;
    } else {
      if (inputTriggered === null)
        throw new AppError("VALIDATION", "请修正标出的字段", { triggered: ["请选择是否触发"] });
      triggered = inputTriggered;
    }
    const kind = manual ? "MANUAL" : "VETO";

    // One writer at a time per subject and item, so two corrections never both stay current.
    const lockKey = `assessment|${tenantId}|${campaign.id}|${input.year}|${input.subjectKind}|${subject.id}|${input.itemId}`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))::text`;
    const where = {
      tenantId,
      campaignId: campaign.id,
      year: input.year,
      subjectKind: input.subjectKind,
      subjectId: subject.id,
      itemId: input.itemId,
      supersededAt: null,
    };
    const previous = await tx.assessmentEntry.findFirst({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const previousPoints =
      previous?.points === null || previous?.points === undefined
        ? null
        : Number(previous.points.toString());
    if (
      previous &&
      previous.kind === kind &&
      previousPoints === points &&
      previous.triggered === triggered &&
      previous.comment === input.comment
    ) {
      return { id: previous.id, changed: false };
    }
    const now = new Date();
    await tx.assessmentEntry.updateMany({ where, data: { supersededAt: now } });
    const entry = await tx.assessmentEntry.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        year: input.year,
        subjectKind: input.subjectKind,
        subjectId: subject.id,
        itemId: input.itemId,
        kind,
        points,
        triggered,
        comment: input.comment,
        enteredById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "rating.assess",
      entityType: "AssessmentEntry",
      entityId: entry.id,
      before: previous
        ? {
            id: previous.id,
            points: previousPoints,
            triggered: previous.triggered,
            comment: previous.comment,
          }
        : null,
      after: {
        campaignId: campaign.id,
        year: input.year,
        subjectKind: input.subjectKind,
        subjectId: subject.id,
        subjectName: subject.name,
        itemId: input.itemId,
        kind,
        points,
        triggered,
        comment: input.comment,
      },
    });
    return { id: entry.id, changed: true };
  });
}

/** Every entry (current and superseded) of one subject in one campaign year, newest first, for the explanation page. */
export async function listAssessmentHistory(
  tx: TenantTx,
  actor: Actor,
  query: { campaignId: string; year: number; subjectKind: RatingSubjectKind; subjectId: string },
) {
  const rows = await tx.assessmentEntry.findMany({
    where: {
      tenantId: actor.tenantId,
      campaignId: query.campaignId,
      year: query.year,
      subjectKind: query.subjectKind,
      subjectId: query.subjectId,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const users = rows.length
    ? await tx.user.findMany({
        where: {
          tenantId: actor.tenantId,
          id: { in: [...new Set(rows.map((r) => r.enteredById))] },
        },
        select: { id: true, displayName: true },
      })
    : [];
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    kind: r.kind,
    points: r.points === null ? null : Number(r.points.toString()),
    triggered: r.triggered,
    comment: r.comment,
    enteredByName: name.get(r.enteredById) ?? "",
    enteredAt: r.createdAt.toISOString(),
    supersededAt: r.supersededAt ? r.supersededAt.toISOString() : null,
  }));
}

export type AssessmentHistoryEntry = Awaited<ReturnType<typeof listAssessmentHistory>>[number];
