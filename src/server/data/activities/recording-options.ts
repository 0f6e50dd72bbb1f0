import type { OrgLevel } from "@/generated/prisma/enums";
import { isUuid, calendarDate } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, scopeRoots } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { attendeeScopeWhere, campaignActivityTypes, dateOnly, isoDay } from "./activity-rules";
import { compareZh } from "@/lib/collator";

export type ActivityOrgOption = {
  id: string;
  name: string;
  nameEn: string | null;
  level: OrgLevel;
  path: string;
  depth: number;
};

/**
 * Open organizations in tree order (parents before children, siblings by sort order and name),
 * depth relative to what the actor sees: "record" — where the actor may record activities (the
 * recording form's picker); "read" — whose records they may read (the list's filter).
 */
export async function listActivityOrgs(
  actor: Actor,
  purpose: "record" | "read",
): Promise<ActivityOrgOption[]> {
  const scopes = [
    ...(scopeRoots(actor, "activity.record").length
      ? [orgScopeWhere(actor, "activity.record")]
      : []),
    ...(purpose === "read" && scopeRoots(actor, "activity.read").length
      ? [orgScopeWhere(actor, "activity.read")]
      : []),
  ];
  if (scopes.length === 0) return [];
  const orgs = await withTenant(actor.tenantId, (tx) =>
    tx.organization.findMany({
      where: { AND: [{ OR: scopes }, { validTo: null }] },
      select: {
        id: true,
        parentId: true,
        name: true,
        nameEn: true,
        level: true,
        path: true,
        sortOrder: true,
      },
    }),
  );
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, typeof orgs>();
  for (const org of orgs) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(org);
    else children.set(parent, [org]);
  }
  const ordered: ActivityOrgOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || compareZh(a.name, b.name),
    );
    for (const org of list) {
      ordered.push({
        id: org.id,
        name: org.name,
        nameEn: org.nameEn,
        level: org.level,
        path: org.path,
        depth,
      });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/**
 * The organization the recording form starts with: the branch where the actor is secretary,
 * else their first branch, else the first organization they may record for.
 */
export function defaultRecordingOrg(actor: Actor, orgs: ActivityOrgOption[]): string | null {
  const secretaryOf = actor.assignments.find(
    (a) => a.role === "SECRETARY" && orgs.some((o) => o.id === a.orgId),
  );
  if (secretaryOf) return secretaryOf.orgId;
  return (orgs.find((o) => o.level === "BRANCH") ?? orgs[0])?.id ?? null;
}

export type CampaignOption = {
  id: string;
  name: string;
  nameEn: string | null;
  /** Path of the root organization: the campaign covers this subtree. */
  rootPath: string;
  startDate: string;
  endDate: string;
  /** Activity types its quotas count: the form ticks the campaign by default for these. */
  types: string[];
};

/**
 * Active campaigns that cover at least one of `orgs` (their root is one of the organizations or
 * an ancestor of one), for the recording form to offer per chosen organization and date.
 * `includeIds`: campaigns to offer whatever their status (the ones an edited record counts for).
 */
export async function listCampaignOptions(
  actor: Actor,
  orgs: Pick<ActivityOrgOption, "path">[],
  includeIds: readonly string[] = [],
): Promise<CampaignOption[]> {
  const rootIds = [...new Set(orgs.flatMap((o) => o.path.split("/")))];
  if (rootIds.length === 0) return [];
  const rows = await withTenant(actor.tenantId, (tx) =>
    tx.campaign.findMany({
      where: {
        tenantId: actor.tenantId,
        rootOrgId: { in: rootIds },
        OR: [{ status: "ACTIVE" }, { id: { in: [...includeIds] } }],
      },
      orderBy: [{ startDate: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        nameEn: true,
        startDate: true,
        endDate: true,
        definition: true,
        rootOrg: { select: { path: true } },
      },
    }),
  );
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    nameEn: c.nameEn,
    rootPath: c.rootOrg.path,
    startDate: isoDay(c.startDate),
    endDate: isoDay(c.endDate),
    types: campaignActivityTypes(c.definition),
  }));
}

export type RosterMember = { id: string; number: string; name: string };

/**
 * The roster of an organization the actor records for, on `date`: members whose Membership
 * covers that day (a member who transferred away since still attended then) and who had not
 * left. NOT_FOUND for an organization outside the actor's recording scope.
 */
export async function listRoster(
  actor: Actor,
  orgId: string,
  date: string,
): Promise<RosterMember[]> {
  if (!isUuid(orgId) || !calendarDate.safeParse(date).success) throw notFound("组织");
  return withTenant(actor.tenantId, async (tx) => {
    const org = await tx.organization.findFirst({
      where: { AND: [orgScopeWhere(actor, "activity.record"), { id: orgId }] },
      select: { id: true },
    });
    if (!org) throw notFound("组织");
    const day = dateOnly(date);
    return tx.member.findMany({
      where: {
        tenantId: actor.tenantId,
        OR: [{ leftAt: null }, { leftAt: { gt: day } }],
        memberships: {
          some: {
            tenantId: actor.tenantId,
            orgId: org.id,
            validFrom: { lte: day },
            OR: [{ validTo: null }, { validTo: { gt: day } }],
          },
        },
      },
      orderBy: [{ number: "asc" }],
      select: { id: true, number: true, name: true },
    });
  });
}

export type AttendeeMatch = RosterMember & { orgName: string; orgNameEn: string | null };

/**
 * Members to add as attendees from other organizations ("walk-ins"): search by number or name
 * among the members the actor may reach (attendeeScopeWhere), current members only, 20 at most.
 */
export async function searchAttendees(actor: Actor, q: string): Promise<AttendeeMatch[]> {
  const text = q.normalize("NFKC").trim().slice(0, 50);
  if (!text) return [];
  return withTenant(actor.tenantId, async (tx) => {
    const rows = await tx.member.findMany({
      where: {
        AND: [
          attendeeScopeWhere(actor),
          { leftAt: null },
          {
            OR: [
              { number: { contains: text, mode: "insensitive" } },
              { name: { contains: text, mode: "insensitive" } },
            ],
          },
        ],
      },
      orderBy: [{ number: "asc" }],
      take: 20,
      select: { id: true, number: true, name: true, org: { select: { name: true, nameEn: true } } },
    });
    return rows.map((m) => ({
      id: m.id,
      number: m.number,
      name: m.name,
      orgName: m.org.name,
      orgNameEn: m.org.nameEn,
    }));
  });
}
