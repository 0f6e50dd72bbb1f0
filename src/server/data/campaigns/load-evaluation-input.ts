import type { Prisma } from "@/generated/prisma/client";
import {
  ACTIVITY_TYPES,
  type ActivityRecordInput,
  type MemberInput,
  type Organization,
} from "@/rules";
import type { Actor } from "../../authz/actor";
import type { TenantTx } from "../../tenant-tx";
import { isoDay, storedDefinition, type StoredDefinition } from "./campaign-rules";

/** The CLI's --campaign file: { campaign, organizations, members }. */
export type CampaignFileJson = {
  campaign: StoredDefinition;
  organizations: Organization[];
  members: MemberInput[];
};
/** The CLI's --records file: { records }. */
export type RecordsFileJson = { records: ActivityRecordInput[] };

export type EvaluationInput = {
  campaignFile: CampaignFileJson;
  recordsFile: RecordsFileJson;
  /** Each member's current organization path, to keep an evaluation inside the reader's scope. */
  memberOrgPaths: Record<string, string>;
};

type CampaignForInput = {
  id: string;
  startDate: Date;
  endDate: Date;
  definition: Prisma.JsonValue;
  rootOrg: { path: string };
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(ACTIVITY_TYPES);

type MemberRow = {
  id: string;
  status: string;
  category: string;
  cadreLevel: string;
  positions: string[];
  joinedAt: string | null;
  leftAt: string | null;
  orgPath: string;
  msOrg: string[];
  msFrom: string[];
  /** '' for an open membership. */
  msTo: string[];
};
type LinkedRecordRow = {
  id: string;
  type: string;
  subType: string | null;
  orgId: string;
  date: string;
  hours: number | null;
  days: number | null;
  status: string;
  /** As Date.toISOString() writes it (text: drivers differ in how they return timestamps). */
  voidedAt: string | null;
  selfReportedById: string | null;
  ids: string[] | null;
  /** Each attendee's own credited hours, -1 for none (see the query). */
  attendeeHours: number[] | null;
};

/**
 * What the rules engine needs to evaluate `campaign`, in the shapes of the CLI's two input files:
 *   - organizations of the covered subtree (the campaign root and everything below it by path),
 *     including closed ones whose lifetime overlaps the campaign;
 *   - members who belonged to one of them during the campaign, with their attributes and those
 *     memberships (the first day after leaving is the exclusive end; leftAt closes an open one);
 *   - the activities linked to the campaign (ActivityCampaign) dated from its start up to `asOf`
 *     (null: all of them), whatever their status — the engine counts only approved, unvoided ones:
 *     attendees are the present attendance rows, hoursByMember their credited hours.
 * Runs inside the caller's tenant transaction; `actor` supplies the tenant.
 */
export async function loadEvaluationInput(
  tx: TenantTx,
  actor: Pick<Actor, "tenantId">,
  campaign: CampaignForInput,
  asOf: string | null,
): Promise<EvaluationInput> {
  const tenantId = actor.tenantId;
  const start = campaign.startDate;
  const end = campaign.endDate;
  const root = campaign.rootOrg.path;

  const orgRows = await tx.organization.findMany({
    where: {
      tenantId,
      OR: [{ path: root }, { path: { startsWith: root + "/" } }],
      validFrom: { lte: end },
      AND: [{ OR: [{ validTo: null }, { validTo: { gt: start } }] }],
    },
    orderBy: [{ depth: "asc" }, { id: "asc" }],
    select: { id: true, level: true, kind: true, path: true, validFrom: true, validTo: true },
  });
  const organizations: Organization[] = orgRows.map((o) => ({
    id: o.id,
    level: o.level,
    kind: o.kind,
    path: o.path,
    validFrom: isoDay(o.validFrom),
    validTo: o.validTo ? isoDay(o.validTo) : null,
  }));
  // Members with their memberships of the subtree that overlap the campaign, and the linked
  // records with their present attendees, each in one query that aggregates per member and per
  // record. A large campaign has tens of thousands of memberships and hundreds of thousands of
  // attendance rows; mapping each of them through the ORM (a Date or Decimal object per value) cost
  // seconds. Organizations are selected by path (never a list of ids: a university of 1,000
  // branches would exceed PostgreSQL's bind-parameter limit), dates read as 'YYYY-MM-DD' text and
  // numeric columns as float8, which PostgreSQL converts from the same decimal text Number() parses.
  const startDay = isoDay(start);
  const endDay = isoDay(end);
  const memberRows = orgRows.length
    ? await tx.$queryRaw<MemberRow[]>`
    SELECT m."id"::text AS "id", m."status"::text AS "status", m."category"::text AS "category",
           m."cadreLevel"::text AS "cadreLevel", m."positions",
           to_char(m."joinedAt", 'YYYY-MM-DD') AS "joinedAt", to_char(m."leftAt", 'YYYY-MM-DD') AS "leftAt",
           cur."path" AS "orgPath",
           array_agg(ms."orgId"::text ORDER BY ms."validFrom", ms."id") AS "msOrg",
           array_agg(to_char(ms."validFrom", 'YYYY-MM-DD') ORDER BY ms."validFrom", ms."id") AS "msFrom",
           array_agg(coalesce(to_char(ms."validTo", 'YYYY-MM-DD'), '') ORDER BY ms."validFrom", ms."id") AS "msTo"
      FROM "Membership" ms
      JOIN "Organization" o ON o."tenantId" = ms."tenantId" AND o."id" = ms."orgId"
      JOIN "Member" m ON m."tenantId" = ms."tenantId" AND m."id" = ms."memberId"
      JOIN "Organization" cur ON cur."tenantId" = m."tenantId" AND cur."id" = m."orgId"
     WHERE ms."tenantId" = ${tenantId}::uuid
       AND (o."path" = ${root} OR starts_with(o."path", ${root + "/"}))
       AND ms."validFrom" <= ${endDay}::date
       AND (ms."validTo" IS NULL OR ms."validTo" > ${startDay}::date)
     GROUP BY m."tenantId", m."id", cur."path"
     ORDER BY m."id"`
    : [];
  const members: MemberInput[] = [];
  const memberOrgPaths: Record<string, string> = {};
  for (const m of memberRows) {
    const memberships: MemberInput["memberships"] = [];
    for (let i = 0; i < m.msOrg.length; i++) {
      const from = m.msFrom[i]!;
      // An open membership's end is '' in the array: the embedded database's driver reads a NULL
      // element of a text array as the string "NULL".
      let to = m.msTo[i] || null;
      if (m.leftAt && (to === null || m.leftAt < to)) to = m.leftAt;
      if (to === null || to > from) memberships.push({ orgId: m.msOrg[i]!, from, to });
    }
    if (memberships.length === 0) continue;
    members.push({
      id: m.id,
      status: m.status as MemberInput["status"],
      category: m.category as MemberInput["category"],
      cadreLevel: m.cadreLevel as MemberInput["cadreLevel"],
      positions: [...m.positions],
      joinedAt: m.joinedAt ?? memberships[0]!.from,
      memberships,
    });
    memberOrgPaths[m.id] = m.orgPath;
  }

  const lastDay = asOf ?? "infinity";
  const activities = await tx.$queryRaw<LinkedRecordRow[]>`
    WITH linked AS (
      SELECT a."id", a."type", a."subType", a."orgId", a."date", a."durationHours", a."days",
             a."status", a."voidedAt", a."selfReportedById"
        FROM "ActivityCampaign" l
        JOIN "Activity" a ON a."tenantId" = l."tenantId" AND a."id" = l."activityId"
       WHERE l."tenantId" = ${tenantId}::uuid AND l."campaignId" = ${campaign.id}::uuid
         AND a."date" >= ${startDay}::date AND a."date" <= ${lastDay}::date
    ), present AS (
      SELECT x."activityId",
             array_agg(x."memberId"::text ORDER BY x."memberId") AS "ids",
             array_agg(coalesce(x."hours"::float8, -1) ORDER BY x."memberId") AS "hours"
        FROM "ActivityAttendance" x
        JOIN linked ON linked."id" = x."activityId"
       WHERE x."tenantId" = ${tenantId}::uuid AND x."present"
       GROUP BY x."activityId"
    )
    SELECT linked."id"::text AS "id", linked."type", linked."subType", linked."orgId"::text AS "orgId",
           to_char(linked."date", 'YYYY-MM-DD') AS "date",
           linked."durationHours"::float8 AS "hours", linked."days"::float8 AS "days",
           linked."status"::text AS "status",
           to_char(linked."voidedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "voidedAt",
           linked."selfReportedById"::text AS "selfReportedById",
           present."ids", present."hours" AS "attendeeHours"
      FROM linked LEFT JOIN present ON present."activityId" = linked."id"
     ORDER BY linked."date", linked."id"`;
  const records: ActivityRecordInput[] = [];
  for (const a of activities) {
    // A type the rules do not know could never match a quota (and the CLI would refuse the file).
    if (!KNOWN_TYPES.has(a.type)) continue;
    const ids = a.ids ?? [];
    let hoursByMember: Record<string, number> | undefined;
    if (a.attendeeHours) {
      for (let i = 0; i < ids.length; i++) {
        // Hours are never negative: -1 stands for none, as the embedded database's driver reads a
        // NULL element of a float8 array as NaN.
        const h = a.attendeeHours[i];
        if (h === undefined || h < 0) continue;
        (hoursByMember ??= {})[ids[i]!] = h;
      }
    }
    records.push({
      id: a.id,
      type: a.type as ActivityRecordInput["type"],
      subType: a.subType,
      orgId: a.orgId,
      date: a.date,
      hours: a.hours,
      days: a.days,
      status: a.status as ActivityRecordInput["status"],
      voidedAt: a.voidedAt,
      attendeeIds: ids,
      selfReportedBy: a.selfReportedById,
      ...(hoursByMember ? { hoursByMember } : {}),
    });
  }

  return {
    campaignFile: { campaign: storedDefinition(campaign.definition), organizations, members },
    recordsFile: { records },
    memberOrgPaths,
  };
}
