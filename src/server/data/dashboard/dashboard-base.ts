import { cache } from "react";
import type { CampaignStatus, MemberCategory, OrgKind, OrgLevel } from "@/generated/prisma/enums";
import {
  evaluateCampaign,
  evaluateCampaignAsOf,
  parseCampaignFile,
  parseRecords,
  type ActivityRecord,
  type CampaignEvaluation,
  type CampaignFile,
} from "@/rules";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, requirePermission, scopeRoots } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { DerivedCache } from "../derived-cache";
import { findInChunks } from "../in-chunks";
import { restrictToScope } from "../campaigns/campaign-evaluation";
import {
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
  parsed: { file: CampaignFile; records: ActivityRecord[] };
  input: EvaluationInput;
  /** evaluateCampaignForActor(actor, id, asOf, { windows: "current" }), computed from the same input. */
  evaluation: CampaignEvaluation;
};

/**
 * Evaluates the parsed input as of `asOf` on the current windows, exactly as runEvaluation does
 * (parse + evaluateCampaign) but without parsing the files again.
 */
export function evaluateParsed(parsed: DashboardBase["parsed"], asOf: string): CampaignEvaluation {
  return evaluateCampaign({
    campaign: parsed.file.campaign,
    organizations: parsed.file.organizations,
    members: parsed.file.members,
    records: parsed.records,
    asOf,
    windows: "current",
  });
}

/**
 * evaluateParsed at each date, one evaluation at a time as the caller iterates, with the engine's
 * record index built once for all of them.
 */
export function evaluateParsedAsOf(
  parsed: DashboardBase["parsed"],
  dates: ReadonlyArray<string>,
): Iterable<CampaignEvaluation> {
  return evaluateCampaignAsOf({
    campaign: parsed.file.campaign,
    organizations: parsed.file.organizations,
    members: parsed.file.members,
    records: parsed.records,
    asOfDates: dates,
    windows: "current",
  });
}

/**
 * What loadBase reads and parses for a campaign, shared between requests while the tenant's data
 * is unchanged: the key holds the tenant's write generation in this process
 * (src/server/data-version.ts) and the time of its latest audit event in the database (a change
 * made by another app instance), and an entry lives at most a minute. Every change leaves an audit
 * event, so an unchanged key means unchanged input. The evaluation at the dashboard's date is kept
 * with it, before the per-actor scope restriction; the trend's month ends are evaluated per request
 * (one pass for all of them) and not kept, as a dozen unrestricted evaluations of a large tenant
 * would hold hundreds of megabytes.
 */
type LoadedInput = {
  input: EvaluationInput;
  orgRows: OrgRow[];
  memberRows: MemberRow[];
  parsed: DashboardBase["parsed"];
};
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
type MemberRow = {
  id: string;
  name: string;
  number: string;
  category: MemberCategory;
  orgId: string;
};
const inputs = new DerivedCache<LoadedInput>();

const evaluationsOf = new WeakMap<DashboardBase["parsed"], Map<string, CampaignEvaluation>>();

/** evaluateParsed, once per parsed input and date. */
function evaluateParsedOnce(parsed: DashboardBase["parsed"], date: string): CampaignEvaluation {
  let byDate = evaluationsOf.get(parsed);
  if (!byDate) evaluationsOf.set(parsed, (byDate = new Map()));
  let evaluation = byDate.get(date);
  if (!evaluation) byDate.set(date, (evaluation = evaluateParsed(parsed, date)));
  return evaluation;
}

async function loadBase(actor: Actor, campaignId: string, asOf: string): Promise<DashboardBase> {
  requirePermission(actor, "dashboard.read");
  const roots = scopeRoots(actor, "dashboard.read");
  const loaded = await withTenant(
    actor.tenantId,
    async (tx) => {
      const campaign = await findCampaignOrThrow(tx, actor, campaignId);
      const rootPath = campaign.rootOrg.path;
      // The campaign must meet a subtree the actor reads dashboards of (same rule as campaign.read).
      if (!roots.some((root) => isWithinSubtree(root, rootPath) || isWithinSubtree(rootPath, root)))
        throw notFound("活动");
      // Read before the data: a change committed while we read gives the next request a new key.
      const key = await inputs.key(
        tx,
        actor.tenantId,
        campaign.id,
        campaign.updatedAt.toISOString(),
        asOf,
      );
      const hit = inputs.get(key);
      if (hit)
        return { campaign, key, ...hit, parsed: hit.parsed as DashboardBase["parsed"] | null };
      const input = await loadEvaluationInput(tx, actor, campaign, asOf);
      const orgIds = input.campaignFile.organizations.map((o) => o.id);
      const memberIds = input.campaignFile.members.map((m) => m.id);
      const [orgRows, memberRows] = await Promise.all([
        tx.organization.findMany({
          where: { tenantId: actor.tenantId, id: { in: orgIds } },
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
        findInChunks(memberIds, (chunk) =>
          tx.member.findMany({
            where: { tenantId: actor.tenantId, id: { in: chunk } },
            select: { id: true, name: true, number: true, category: true, orgId: true },
          }),
        ),
      ]);
      return {
        campaign,
        key,
        input,
        orgRows,
        memberRows,
        parsed: null as DashboardBase["parsed"] | null,
      };
    },
    { timeoutMs: 60_000 },
  );
  const { campaign, input } = loaded;

  let parsed = loaded.parsed;
  if (!parsed) {
    const file = parseCampaignFile(input.campaignFile);
    if (!file.ok)
      throw new AppError(
        "VALIDATION",
        `活动定义无效：${file.errors[0]?.path}: ${file.errors[0]?.message}`,
      );
    const records = parseRecords(input.recordsFile);
    if (!records.ok)
      throw new AppError(
        "VALIDATION",
        `活动记录无效：${records.errors[0]?.path}: ${records.errors[0]?.message}`,
      );
    parsed = { file: file.value, records: records.value };
    inputs.set(loaded.key, {
      input,
      orgRows: loaded.orgRows,
      memberRows: loaded.memberRows,
      parsed,
    });
  }
  const evaluation = restrictToScope(
    evaluateParsedOnce(parsed, asOf),
    actor,
    input,
    campaign.rootOrg.path,
  );

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
  return {
    actor,
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
    asOf,
    orgs,
    members,
    scopeRoots: roots,
    seesWholeCampaign: roots.some((root) => isWithinSubtree(campaign.rootOrg.path, root)),
    parsed,
    input,
    evaluation,
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

export type TrendEvaluation = { date: string; evaluation: CampaignEvaluation };

const trends = new WeakMap<DashboardBase, TrendEvaluation[]>();

/**
 * The campaign evaluated as of each month end so far (at most 24 dates), once per base (so once
 * per request). The input is the one loaded for the base's date, which holds every record up to
 * it; the engine counts only the records dated on or before each month end. The last date is the
 * base's own evaluation.
 */
export function dashboardTrend(base: DashboardBase): TrendEvaluation[] {
  let out = trends.get(base);
  if (!out) {
    const dates = trendDates(base.campaign.startDate, base.campaign.endDate, base.asOf);
    // The earlier dates are evaluated together (one pass over the records for all of them), each
    // restricted to the actor's scope as soon as it is made.
    const earlier = dates.filter((date) => date !== base.asOf);
    const restricted = new Map<string, CampaignEvaluation>();
    for (const evaluation of evaluateParsedAsOf(base.parsed, earlier)) {
      restricted.set(
        evaluation.asOf,
        restrictToScope(evaluation, base.actor, base.input, base.campaign.rootPath),
      );
    }
    out = dates.map((date) => ({
      date,
      evaluation: date === base.asOf ? base.evaluation : restricted.get(date)!,
    }));
    trends.set(base, out);
  }
  return out;
}
