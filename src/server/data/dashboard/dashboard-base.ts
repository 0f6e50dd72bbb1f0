import { cache } from "react";
import type { CampaignStatus, MemberCategory, OrgKind, OrgLevel } from "@/generated/prisma/enums";
import type { CampaignEvaluation } from "@/rules";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, requirePermission, scopeRoots } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { DerivedCache, figureRefreshLimits, tenantDataStamp } from "../derived-cache";
import { findInChunks } from "../in-chunks";
import {
  evaluateOneInTurns,
  parseInputInTurns,
  type ParsedInput,
  restrictToScope,
  yieldToEventLoop,
} from "../campaigns/campaign-evaluation";
import {
  findCampaignForFigures,
  findCampaignOrThrow,
  isoDay,
  storedDefinition,
  type StoredDefinition,
} from "../campaigns/campaign-rules";
import { loadEvaluationInput, type EvaluationInput } from "../campaigns/load-evaluation-input";

/** An organization of the campaign's covered subtree (closed ones included), with what the dashboard shows. */
export type DashboardOrg = {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  code: string;
  level: OrgLevel;
  kind: OrgKind;
  path: string;
  depth: number;
  sortOrder: number;
  validFrom: string;
  validTo: string | null;
};

/** A member who is a subject of the campaign, with their current organization. */
export type DashboardMember = {
  id: string;
  name: string;
  number: string;
  category: MemberCategory;
  /** Current organization (today), which places the member in the roll-up. */
  orgId: string;
  orgPath: string;
};

/**
 * What every dashboard figure of one campaign and as-of date is computed from: the campaign, its
 * organizations and members with names, the evaluation input parsed once, and the rules engine's
 * evaluation of the current windows, restricted to the actor's scope. Loaded once per request.
 */
export type DashboardBase = {
  actor: Actor;
  campaign: {
    id: string;
    name: string;
    nameEn: string | null;
    startDate: string;
    endDate: string;
    status: CampaignStatus;
    rootOrgId: string;
    rootPath: string;
  };
  definition: StoredDefinition;
  asOf: string;
  orgs: Map<string, DashboardOrg>;
  members: Map<string, DashboardMember>;
  /** Paths of the subtrees where the actor holds dashboard.read. */
  scopeRoots: string[];
  /** True when the actor reads the campaign's whole covered subtree. */
  seesWholeCampaign: boolean;
  /** The input files as the rules module parsed them, to evaluate other dates (the trend). */
  parsed: ParsedInput;
  input: ScopeInput;
  /** evaluateCampaignForActor(actor, id, asOf, { windows: "current" }), computed from the same input. */
  evaluation: CampaignEvaluation;
  /** When the figures were computed, and whether the data has changed since (see CampaignSnapshot). */
  figures: { computedAt: string; stale: boolean };
  /** Identifies the shared snapshot the figures come from. */
  snapshotId: string;
};

/** What narrowing an evaluation to a reader needs of the input. */
export type ScopeInput = Pick<EvaluationInput, "campaignFile" | "memberOrgPaths">;

type OrgRow = {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  code: string;
  level: OrgLevel;
  kind: OrgKind;
  path: string;
  depth: number;
  sortOrder: number;
  validFrom: Date;
  validTo: Date | null;
};

/**
 * One campaign's dashboard figures at one date, before any narrowing to a reader: the campaign as
 * it was read, the evaluation input parsed by the rules module, the organizations and members with
 * their names, and the evaluation of the current windows. Shared between requests and readers
 * (src/server/data/derived-cache.ts): while the tenant's data is unchanged every read gets the same
 * snapshot; after a change a large campaign's snapshot may be served for a few minutes while the
 * next one is computed in the background.
 */
type CampaignSnapshot = {
  /** Unique per computation: what the figures derived from a snapshot are stamped with. */
  id: string;
  campaign: DashboardBase["campaign"];
  definition: StoredDefinition;
  input: ScopeInput;
  parsed: DashboardBase["parsed"];
  orgs: Map<string, DashboardOrg>;
  members: Map<string, DashboardMember>;
  evaluation: CampaignEvaluation;
};

const snapshots = new DerivedCache<CampaignSnapshot>({ size: 6, ...figureRefreshLimits() });
let snapshotCounter = 0;

async function computeSnapshot(
  tenantId: string,
  campaignId: string,
  asOf: string,
): Promise<CampaignSnapshot> {
  const loaded = await withTenant(
    tenantId,
    async (tx) => {
      const campaign = await findCampaignForFigures(tx, tenantId, campaignId);
      const input = await loadEvaluationInput(tx, { tenantId }, campaign, asOf);
      const orgIds = input.campaignFile.organizations.map((o) => o.id);
      const memberIds = input.campaignFile.members.map((m) => m.id);
      const [orgRows, memberRows] = await Promise.all([
        findInChunks(orgIds, (chunk) =>
          tx.organization.findMany({
            where: { tenantId, id: { in: chunk } },
            select: {
              id: true,
              parentId: true,
              name: true,
              nameEn: true,
              code: true,
              level: true,
              kind: true,
              path: true,
              depth: true,
              sortOrder: true,
              validFrom: true,
              validTo: true,
            },
          }),
        ),
        findInChunks(memberIds, (chunk) =>
          tx.member.findMany({
            where: { tenantId, id: { in: chunk } },
            select: { id: true, name: true, number: true, category: true, orgId: true },
          }),
        ),
      ]);
      return { campaign, input, orgRows: orgRows as OrgRow[], memberRows };
    },
    { timeoutMs: 60_000 },
  );
  const { campaign, input } = loaded;
  const parsed = await parseInputInTurns(input);
  const orgs = new Map<string, DashboardOrg>();
  for (const o of loaded.orgRows) {
    orgs.set(o.id, {
      ...o,
      validFrom: isoDay(o.validFrom),
      validTo: o.validTo ? isoDay(o.validTo) : null,
    });
  }
  const members = new Map<string, DashboardMember>();
  for (const m of loaded.memberRows) {
    members.set(m.id, {
      id: m.id,
      name: m.name,
      number: m.number,
      category: m.category,
      orgId: m.orgId,
      orgPath: input.memberOrgPaths[m.id] ?? "",
    });
  }
  const evaluation = await evaluateOneInTurns(parsed, asOf, "current");
  await yieldToEventLoop();
  return {
    id: `${tenantId}|${campaignId}|${asOf}|${++snapshotCounter}`,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      nameEn: campaign.nameEn,
      startDate: isoDay(campaign.startDate),
      endDate: isoDay(campaign.endDate),
      status: campaign.status,
      rootOrgId: campaign.rootOrg.id,
      rootPath: campaign.rootOrg.path,
    },
    definition: storedDefinition(campaign.definition),
    // The record files are dropped: the parsed records are what the figures read.
    input: { campaignFile: input.campaignFile, memberOrgPaths: input.memberOrgPaths },
    parsed,
    orgs,
    members,
    evaluation,
  };
}

/** Per snapshot, the evaluation narrowed to each reader scope asked for so far. */
const restrictedOf = new WeakMap<CampaignSnapshot, Map<string, CampaignEvaluation>>();

function restrictedEvaluation(snapshot: CampaignSnapshot, actor: Actor): CampaignEvaluation {
  const scopeKey = scopeRoots(actor, "campaign.read").sort().join("\n");
  let byScope = restrictedOf.get(snapshot);
  if (!byScope) restrictedOf.set(snapshot, (byScope = new Map()));
  let evaluation = byScope.get(scopeKey);
  if (!evaluation) {
    evaluation = restrictToScope(
      snapshot.evaluation,
      actor,
      snapshot.input,
      snapshot.campaign.rootPath,
    );
    byScope.set(scopeKey, evaluation);
  }
  return evaluation;
}

async function loadBase(actor: Actor, campaignId: string, asOf: string): Promise<DashboardBase> {
  requirePermission(actor, "dashboard.read");
  const roots = scopeRoots(actor, "dashboard.read");
  // A short transaction: may the actor read this campaign, and what is the tenant's data stamp.
  const { campaign, stamp } = await withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, campaignId);
    const rootPath = campaign.rootOrg.path;
    // The campaign must meet a subtree the actor reads dashboards of (same rule as campaign.read).
    if (!roots.some((root) => isWithinSubtree(root, rootPath) || isWithinSubtree(rootPath, root)))
      throw notFound("活动");
    return { campaign, stamp: await tenantDataStamp(tx, actor.tenantId) };
  });
  const read = await snapshots.get(`${actor.tenantId}|${campaign.id}|${asOf}`, stamp, () =>
    computeSnapshot(actor.tenantId, campaign.id, asOf),
  );
  const snapshot = read.value;
  return {
    actor,
    campaign: snapshot.campaign,
    definition: snapshot.definition,
    asOf,
    orgs: snapshot.orgs,
    members: snapshot.members,
    scopeRoots: roots,
    seesWholeCampaign: roots.some((root) => isWithinSubtree(snapshot.campaign.rootPath, root)),
    parsed: snapshot.parsed,
    input: snapshot.input,
    evaluation: restrictedEvaluation(snapshot, actor),
    figures: { computedAt: new Date(read.computedAt).toISOString(), stale: read.stale },
    snapshotId: snapshot.id,
  };
}

/**
 * The dashboard base of one campaign and date, once per request (React cache: the page, its
 * metadata and every section share it). FORBIDDEN without dashboard.read; NOT_FOUND for a
 * campaign the actor cannot read (another tenant's, outside their subtree, or no such id).
 */
export const loadDashboardBase = cache(loadBase);

const MAX_TREND_POINTS = 24;

/** The last day of every month from the campaign's start to `asOf` (or the campaign's end), `asOf` itself last. */
export function trendDates(startDate: string, endDate: string, asOf: string): string[] {
  const last = asOf < endDate ? asOf : endDate;
  if (last < startDate) return [];
  const out: string[] = [];
  let y = Number(startDate.slice(0, 4));
  let m = Number(startDate.slice(5, 7));
  for (;;) {
    const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (monthEnd >= last) {
      out.push(last);
      break;
    }
    out.push(monthEnd);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  if (out.length <= MAX_TREND_POINTS) return out;
  // A long campaign: evenly spaced month ends, the first and the last kept.
  const picked = new Set<number>();
  for (let i = 0; i < MAX_TREND_POINTS; i++)
    picked.add(Math.round((i * (out.length - 1)) / (MAX_TREND_POINTS - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => out[i]!);
}
