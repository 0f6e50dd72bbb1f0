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

const decimal = (value: Prisma.Decimal | null): number | null =>
  value === null ? null : Number(value.toString());

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
  actor: Actor,
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
  // Memberships of the subtree's organizations that overlap the campaign, selected by the
  // organizations' path rather than a list of their ids, and loaded in one flat query: a university
  // of 1,000 branches and 20,000 members would otherwise exceed PostgreSQL's bind-parameter limit.
  const subtree: Prisma.OrganizationWhereInput = {
    tenantId,
    OR: [{ path: root }, { path: { startsWith: root + "/" } }],
  };
  const overlapping: Prisma.MembershipWhereInput = {
    tenantId,
    org: subtree,
    validFrom: { lte: end },
    OR: [{ validTo: null }, { validTo: { gt: start } }],
  };
  const [membershipRows, memberRowsUnsorted] = orgRows.length
    ? await Promise.all([
        tx.membership.findMany({
          where: overlapping,
          orderBy: [{ memberId: "asc" }, { validFrom: "asc" }, { id: "asc" }],
          select: { memberId: true, orgId: true, validFrom: true, validTo: true },
        }),
        tx.member.findMany({
          where: { tenantId, memberships: { some: overlapping } },
          orderBy: { id: "asc" },
          select: {
            id: true,
            status: true,
            category: true,
            cadreLevel: true,
            positions: true,
            joinedAt: true,
            leftAt: true,
            org: { select: { path: true } },
          },
        }),
      ])
    : [[], []];
  const membershipsOf = new Map<string, typeof membershipRows>();
  for (const ms of membershipRows) {
    const list = membershipsOf.get(ms.memberId);
    if (list) list.push(ms);
    else membershipsOf.set(ms.memberId, [ms]);
  }
  const memberRows = memberRowsUnsorted.map((m) => ({
    ...m,
    memberships: membershipsOf.get(m.id) ?? [],
  }));
  const members: MemberInput[] = [];
  const memberOrgPaths: Record<string, string> = {};
  for (const m of memberRows) {
    const memberships = m.memberships
      .map((ms) => {
        let to = ms.validTo;
        if (m.leftAt && (to === null || m.leftAt < to)) to = m.leftAt;
        return { orgId: ms.orgId, from: isoDay(ms.validFrom), to: to ? isoDay(to) : null };
      })
      .filter((ms) => ms.to === null || ms.to > ms.from);
    if (memberships.length === 0) continue;
    members.push({
      id: m.id,
      status: m.status,
      category: m.category,
      cadreLevel: m.cadreLevel,
      positions: [...m.positions],
      joinedAt: m.joinedAt ? isoDay(m.joinedAt) : memberships[0]!.from,
      memberships,
    });
    memberOrgPaths[m.id] = m.org.path;
  }

  const linked: Prisma.ActivityWhereInput = {
    tenantId,
    campaignLinks: { some: { tenantId, campaignId: campaign.id } },
    date: { gte: start, ...(asOf ? { lte: new Date(asOf + "T00:00:00.000Z") } : {}) },
  };
  const [activities, attendance] = await Promise.all([
    tx.activity.findMany({
      where: linked,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: {
        id: true,
        type: true,
        subType: true,
        orgId: true,
        date: true,
        durationHours: true,
        days: true,
        status: true,
        voidedAt: true,
        selfReportedById: true,
      },
    }),
    tx.activityAttendance.findMany({
      where: { tenantId, present: true, activity: linked },
      orderBy: [{ activityId: "asc" }, { memberId: "asc" }],
      select: { activityId: true, memberId: true, hours: true },
    }),
  ]);
  const attendees = new Map<string, { ids: string[]; hours: Record<string, number> }>();
  for (const row of attendance) {
    let entry = attendees.get(row.activityId);
    if (!entry) attendees.set(row.activityId, (entry = { ids: [], hours: {} }));
    entry.ids.push(row.memberId);
    const hours = decimal(row.hours);
    if (hours !== null) entry.hours[row.memberId] = hours;
  }
  const records: ActivityRecordInput[] = [];
  for (const a of activities) {
    // A type the rules do not know could never match a quota (and the CLI would refuse the file).
    if (!KNOWN_TYPES.has(a.type)) continue;
    const entry = attendees.get(a.id);
    records.push({
      id: a.id,
      type: a.type as ActivityRecordInput["type"],
      subType: a.subType,
      orgId: a.orgId,
      date: isoDay(a.date),
      hours: decimal(a.durationHours),
      days: decimal(a.days),
      status: a.status,
      voidedAt: a.voidedAt ? a.voidedAt.toISOString() : null,
      attendeeIds: entry?.ids ?? [],
      selfReportedBy: a.selfReportedById,
      ...(entry && Object.keys(entry.hours).length > 0 ? { hoursByMember: entry.hours } : {}),
    });
  }

  return {
    campaignFile: { campaign: storedDefinition(campaign.definition), organizations, members },
    recordsFile: { records },
    memberOrgPaths,
  };
}
