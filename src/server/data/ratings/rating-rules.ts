import { DerivedCache } from "../derived-cache";
import { findInChunks } from "../in-chunks";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, scopeRoots } from "../../authz/scope";
import { AppError } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { runEvaluation } from "../campaigns/campaign-evaluation";
import { isoDay, storedDefinition, type CampaignRow } from "../campaigns/campaign-rules";
import { loadEvaluationInput } from "../campaigns/load-evaluation-input";
import {
  buildRatingSet,
  filterRatingSet,
  type ActiveEntry,
  type MemberInfo,
  type OrgInfo,
  type RoleHolder,
} from "./build-rating-set";
import { ratingAsOf, ratingYears, resolveRatingSettings, type RatingSet } from "./rating-types";

/** Ratings take long on a large campaign: one evaluation of every window of the year. */
export const RATING_TX_TIMEOUT_MS = 120_000;

/** The subtree roots whose ratings the actor may read (dashboard.read). */
export function ratingScope(actor: Actor): (path: string) => boolean {
  const roots = scopeRoots(actor, "dashboard.read");
  return (path: string) => roots.some((root) => isWithinSubtree(path, root));
}

/** The years the campaign can be rated for today, newest first. */
export function campaignRatingYears(
  campaign: Pick<CampaignRow, "startDate" | "endDate">,
  today = todayInShanghai(),
): number[] {
  return ratingYears(
    { startDate: isoDay(campaign.startDate), endDate: isoDay(campaign.endDate) },
    today,
  );
}

/** VALIDATION unless `year` is one of the campaign's rating years; returns the as-of date. */
export function requireRatingYear(
  campaign: Pick<CampaignRow, "startDate" | "endDate">,
  year: number,
  today = todayInShanghai(),
): string {
  if (!campaignRatingYears(campaign, today).includes(year)) {
    throw new AppError("VALIDATION", `${year} 年不在该活动可评定的年份内`, {
      year: ["年份不在活动期间内或尚未开始"],
    });
  }
  return ratingAsOf(year, { endDate: isoDay(campaign.endDate) }, today);
}

/**
 * Every rating of the campaign for the year (the whole campaign, not yet narrowed to a reader):
 * the engine's evaluation as of the year's as-of date, the current assessment entries, and the
 * names and roles the flags need. Runs in the caller's tenant transaction.
 */
export async function loadRatingSet(
  tx: TenantTx,
  actor: Actor,
  campaign: CampaignRow,
  year: number,
  today = todayInShanghai(),
): Promise<RatingSet> {
  // The set is the whole campaign's, before any narrowing to the reader: shared while unchanged.
  const key = await ratingSets.key(
    tx,
    actor.tenantId,
    campaign.id,
    campaign.updatedAt.toISOString(),
    String(year),
    today,
  );
  const hit = ratingSets.get(key);
  if (hit) return hit;
  const set = await computeRatingSet(tx, actor, campaign, year, today);
  ratingSets.set(key, set);
  return set;
}

const ratingSets = new DerivedCache<RatingSet>();

async function computeRatingSet(
  tx: TenantTx,
  actor: Actor,
  campaign: CampaignRow,
  year: number,
  today: string,
): Promise<RatingSet> {
  const tenantId = actor.tenantId;
  const asOf = requireRatingYear(campaign, year, today);
  const definition = storedDefinition(campaign.definition);
  const settings = resolveRatingSettings(definition);
  const input = await loadEvaluationInput(tx, actor, campaign, asOf);
  const evaluation = runEvaluation(input, asOf, "all");

  const orgIds = input.campaignFile.organizations.map((o) => o.id);
  const memberIds = input.campaignFile.members.map((m) => m.id);
  const [orgRows, entryRows, roleRows] = await Promise.all([
    tx.organization.findMany({
      where: { tenantId, id: { in: orgIds } },
      select: { id: true, name: true, nameEn: true, code: true, level: true, path: true },
    }),
    tx.assessmentEntry.findMany({
      where: { tenantId, campaignId: campaign.id, year, supersededAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    tx.roleAssignment.findMany({
      where: {
        tenantId,
        revokedAt: null,
        role: { in: ["LEADER", "SECRETARY"] },
        orgId: { in: orgIds },
        user: { memberId: { not: null }, disabledAt: null },
      },
      select: { role: true, orgId: true, user: { select: { memberId: true } } },
    }),
  ]);
  const roleHolders: RoleHolder[] = roleRows.map((r) => ({
    memberId: r.user.memberId!,
    role: r.role as "LEADER" | "SECRETARY",
    orgId: r.orgId,
  }));
  const wanted = [...new Set([...memberIds, ...roleHolders.map((h) => h.memberId)])];
  const userIds = [...new Set(entryRows.map((e) => e.enteredById))];
  const [memberRows, userRows] = await Promise.all([
    findInChunks(wanted, (chunk) =>
      tx.member.findMany({
        where: { tenantId, id: { in: chunk } },
        select: {
          id: true,
          name: true,
          number: true,
          orgId: true,
          positions: true,
          leftAt: true,
          org: { select: { path: true } },
        },
      }),
    ),
    userIds.length
      ? tx.user.findMany({
          where: { tenantId, id: { in: userIds } },
          select: { id: true, displayName: true },
        })
      : [],
  ]);
  const userName = new Map(userRows.map((u) => [u.id, u.displayName]));

  const organizations: OrgInfo[] = orgRows.map((o) => ({
    id: o.id,
    name: o.name,
    nameEn: o.nameEn,
    code: o.code,
    level: o.level,
    path: o.path,
  }));
  const members: MemberInfo[] = memberRows.map((m) => ({
    id: m.id,
    name: m.name,
    number: m.number,
    orgId: m.orgId,
    orgPath: m.org.path,
    positions: [...m.positions],
    leftAt: m.leftAt ? isoDay(m.leftAt) : null,
  }));
  const entries: ActiveEntry[] = entryRows.map((e) => ({
    id: e.id,
    subjectKind: e.subjectKind,
    subjectId: e.subjectId,
    itemId: e.itemId,
    kind: e.kind,
    points: e.points === null ? null : Number(e.points.toString()),
    triggered: e.triggered,
    comment: e.comment,
    enteredById: e.enteredById,
    enteredByName: userName.get(e.enteredById) ?? "",
    enteredAt: e.createdAt.toISOString(),
    sourceRoundId: e.sourceRoundId,
  }));
  return buildRatingSet({
    campaign: {
      id: campaign.id,
      name: campaign.name,
      nameEn: campaign.nameEn,
      rootOrgId: campaign.rootOrg.id,
    },
    definition,
    settings,
    year,
    asOf,
    evaluation,
    organizations,
    // Members covered by the campaign, and role holders (who only feed the flags unless rated).
    members,
    entries,
    roleHolders,
    computedAt: new Date(),
  });
}

/** The rating set narrowed to the actor's dashboard.read scope (current paths). */
export function narrowToActor(set: RatingSet, actor: Actor): RatingSet {
  return filterRatingSet(set, ratingScope(actor));
}
