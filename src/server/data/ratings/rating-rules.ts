import { DerivedCache, tenantDataStamp } from "../derived-cache";
import { findInChunks } from "../in-chunks";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, scopeRoots } from "../../authz/scope";
import { AppError } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { runEvaluationInTurns } from "../campaigns/campaign-evaluation";
import {
  findCampaignForFigures,
  findCampaignOrThrow,
  isoDay,
  storedDefinition,
  type CampaignRow,
} from "../campaigns/campaign-rules";
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
 * Every rating of the campaign for the year (the whole campaign, not yet narrowed to a reader),
 * computed now from the data the caller's tenant transaction sees: the engine's evaluation as of
 * the year's as-of date, the current assessment entries, and the names and roles the flags need.
 * What a publication records; pages read sharedRatingSet instead.
 */
export async function loadRatingSet(
  tx: TenantTx,
  actor: Actor,
  campaign: CampaignRow,
  year: number,
  today = todayInShanghai(),
): Promise<RatingSet> {
  return computeRatingSet(tx, actor.tenantId, campaign, year, today);
}

/**
 * The rating sets pages show, shared between requests and readers (the whole campaign's, before
 * any narrowing): current while the tenant's data is unchanged; after a change a large campaign's
 * set may be served for up to a minute while the next one is computed (src/server/data/derived-cache.ts).
 */
const ratingSets = new DerivedCache<RatingSet>({ size: 4 });

/** Per shared set, its narrowing to each reader scope asked for so far. */
const narrowedOf = new WeakMap<RatingSet, Map<string, RatingSet>>();

/**
 * The ratings of the campaign year as pages show them: the shared set narrowed to the actor's
 * dashboard.read scope, with `stale` true when the data has changed since `computedAt`.
 * NOT_FOUND for a campaign the actor cannot read; VALIDATION for a year outside the campaign.
 */
export async function sharedRatingSet(
  actor: Actor,
  campaignId: string,
  year: number,
  today = todayInShanghai(),
): Promise<RatingSet & { stale: boolean }> {
  const { campaign, stamp } = await withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, campaignId);
    requireRatingYear(campaign, year, today);
    return { campaign, stamp: await tenantDataStamp(tx, actor.tenantId) };
  });
  const tenantId = actor.tenantId;
  const read = await ratingSets.get(
    [tenantId, campaign.id, String(year), today].join("|"),
    stamp,
    () =>
      withTenant(
        tenantId,
        async (tx) =>
          computeRatingSet(
            tx,
            tenantId,
            await findCampaignForFigures(tx, tenantId, campaign.id),
            year,
            today,
          ),
        { timeoutMs: RATING_TX_TIMEOUT_MS },
      ),
  );
  const scopeKey = scopeRoots(actor, "dashboard.read").sort().join("\n");
  let byScope = narrowedOf.get(read.value);
  if (!byScope) narrowedOf.set(read.value, (byScope = new Map()));
  let narrowed = byScope.get(scopeKey);
  if (!narrowed) byScope.set(scopeKey, (narrowed = narrowToActor(read.value, actor)));
  return { ...narrowed, stale: read.stale };
}

async function computeRatingSet(
  tx: TenantTx,
  tenantId: string,
  campaign: CampaignRow,
  year: number,
  today: string,
): Promise<RatingSet> {
  const asOf = requireRatingYear(campaign, year, today);
  const definition = storedDefinition(campaign.definition);
  const settings = resolveRatingSettings(definition);
  const input = await loadEvaluationInput(tx, { tenantId }, campaign, asOf);
  const evaluation = await runEvaluationInTurns(input, asOf, "all");

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
