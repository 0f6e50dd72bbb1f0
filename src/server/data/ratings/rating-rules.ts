import { DerivedCache, figureRefreshLimits, tenantDataStamp } from "../derived-cache";
import { findInChunks } from "../in-chunks";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, scopeRoots } from "../../authz/scope";
import { AppError } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { runEvaluationInTurns, yieldToEventLoop } from "../campaigns/campaign-evaluation";
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
  type BuildRatingSetInput,
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
  const basis = await loadRatingBasis(tx, actor.tenantId, campaign, year, today);
  const entries = await loadActiveEntries(tx, actor.tenantId, campaign.id, year);
  return await buildRatingSet({ ...basis, entries, computedAt: new Date() });
}

/**
 * What a rating set is built from apart from the assessment entries: the campaign's evaluation
 * for the year, its organizations and members with names, and the leader and secretary roles.
 */
type RatingBasis = Omit<BuildRatingSetInput, "entries" | "computedAt">;

/**
 * Rating bases shared between requests and readers (the whole campaign's): current while the
 * tenant's data is unchanged; after a change a large campaign's basis may be served for a few
 * minutes while the next one is computed (figureRefreshLimits in src/server/data/derived-cache.ts).
 * The assessment entries are read afresh on every request, so an assessment shows at once in the
 * ratings it changes.
 */
const ratingBases = new DerivedCache<SharedRating>({ size: 4, ...figureRefreshLimits() });

/** A shared basis, with the set built from it and the entries current when it was computed. */
type SharedRating = { basis: RatingBasis; entriesKey: string; set: RatingSet };

const WHOLE = "(whole campaign)";

/** Per shared basis, the sets built from it: by assessment entries, then by reader scope. */
const builtOf = new WeakMap<RatingBasis, Map<string, Map<string, RatingSet>>>();

const entriesKeyOf = (entries: ActiveEntry[]) => entries.map((e) => e.id).join(",");

/**
 * The ratings of the campaign year as pages show them, narrowed to the actor's dashboard.read
 * scope: the shared basis, with `stale` true when records have changed since `computedAt`, and
 * the assessment entries as they are now. NOT_FOUND for a campaign the actor cannot read;
 * VALIDATION for a year outside the campaign.
 */
export async function sharedRatingSet(
  actor: Actor,
  campaignId: string,
  year: number,
  today = todayInShanghai(),
): Promise<RatingSet & { stale: boolean }> {
  const tenantId = actor.tenantId;
  const { campaign, stamp, entries } = await withTenant(tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, campaignId);
    requireRatingYear(campaign, year, today);
    const stamp = await tenantDataStamp(tx, tenantId);
    return { campaign, stamp, entries: await loadActiveEntries(tx, tenantId, campaign.id, year) };
  });
  const read = await ratingBases.get(
    [tenantId, campaign.id, String(year), today].join("|"),
    stamp,
    async () => {
      const loaded = await withTenant(
        tenantId,
        async (tx) => {
          const current = await findCampaignForFigures(tx, tenantId, campaign.id);
          return {
            basis: await loadRatingBasis(tx, tenantId, current, year, today),
            entries: await loadActiveEntries(tx, tenantId, current.id, year),
          };
        },
        { timeoutMs: RATING_TX_TIMEOUT_MS },
      );
      // Built here, behind the reads, with the entries of the moment: a large campaign's set takes
      // a second to build, and the entries seldom change between refreshes.
      const set = await buildRatingSet({
        ...loaded.basis,
        entries: loaded.entries,
        computedAt: new Date(),
      });
      await yieldToEventLoop();
      return { basis: loaded.basis, entriesKey: entriesKeyOf(loaded.entries), set };
    },
  );
  const shared = read.value;
  const entriesKey = entriesKeyOf(entries);
  const scopeKey = scopeRoots(actor, "dashboard.read").sort().join("\n");
  let byEntries = builtOf.get(shared.basis);
  if (!byEntries) builtOf.set(shared.basis, (byEntries = new Map()));
  let byScope = byEntries.get(entriesKey);
  if (!byScope) {
    // Only the latest entries are worth keeping: older ones will not be asked for again.
    byEntries.clear();
    byEntries.set(entriesKey, (byScope = new Map()));
  }
  let narrowed = byScope.get(scopeKey);
  if (!narrowed) {
    let whole = byScope.get(WHOLE);
    if (!whole) {
      whole =
        entriesKey === shared.entriesKey
          ? shared.set
          : await buildRatingSet({
              ...shared.basis,
              entries,
              computedAt: new Date(read.computedAt),
            });
      byScope.set(WHOLE, whole);
    }
    narrowed = narrowToActor(whole, actor);
    byScope.set(scopeKey, narrowed);
  }
  return { ...narrowed, stale: read.stale };
}

/** The current (not superseded) assessment entries of the campaign year, with who entered them. */
async function loadActiveEntries(
  tx: TenantTx,
  tenantId: string,
  campaignId: string,
  year: number,
): Promise<ActiveEntry[]> {
  const entryRows = await tx.assessmentEntry.findMany({
    where: { tenantId, campaignId, year, supersededAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const userIds = [...new Set(entryRows.map((e) => e.enteredById))];
  const userRows = userIds.length
    ? await tx.user.findMany({
        where: { tenantId, id: { in: userIds } },
        select: { id: true, displayName: true },
      })
    : [];
  const userName = new Map(userRows.map((u) => [u.id, u.displayName]));
  return entryRows.map((e) => ({
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
}

async function loadRatingBasis(
  tx: TenantTx,
  tenantId: string,
  campaign: CampaignRow,
  year: number,
  today: string,
): Promise<RatingBasis> {
  const asOf = requireRatingYear(campaign, year, today);
  const definition = storedDefinition(campaign.definition);
  const settings = resolveRatingSettings(definition);
  const input = await loadEvaluationInput(tx, { tenantId }, campaign, asOf);
  const evaluation = await runEvaluationInTurns(input, asOf, "all");

  const orgIds = input.campaignFile.organizations.map((o) => o.id);
  const memberIds = input.campaignFile.members.map((m) => m.id);
  const [orgRows, roleRows] = await Promise.all([
    findInChunks(orgIds, (chunk) =>
      tx.organization.findMany({
        where: { tenantId, id: { in: chunk } },
        select: { id: true, name: true, nameEn: true, code: true, level: true, path: true },
      }),
    ),
    findInChunks(orgIds, (chunk) =>
      tx.roleAssignment.findMany({
        where: {
          tenantId,
          revokedAt: null,
          role: { in: ["LEADER", "SECRETARY"] },
          orgId: { in: chunk },
          user: { memberId: { not: null }, disabledAt: null },
        },
        select: { role: true, orgId: true, user: { select: { memberId: true } } },
      }),
    ),
  ]);
  const roleHolders: RoleHolder[] = roleRows.map((r) => ({
    memberId: r.user.memberId!,
    role: r.role as "LEADER" | "SECRETARY",
    orgId: r.orgId,
  }));
  const wanted = [...new Set([...memberIds, ...roleHolders.map((h) => h.memberId)])];
  const memberRows = await findInChunks(wanted, (chunk) =>
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
  );
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
  return {
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
    roleHolders,
  };
}

/** The rating set narrowed to the actor's dashboard.read scope (current paths). */
export function narrowToActor(set: RatingSet, actor: Actor): RatingSet {
  return filterRatingSet(set, ratingScope(actor));
}
