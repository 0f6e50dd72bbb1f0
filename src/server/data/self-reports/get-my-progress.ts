import {
  ACTIVITY_TYPES,
  evaluateCampaign,
  parseCampaignDefinition,
  parseRecords,
  type DateWindow,
  type MemberInputLike,
  type Metric,
  type QuotaInput,
  type QuotaResult,
  type RecordInputLike,
  type ResultStatus,
} from "@/rules";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "./self-report-rules";

export type MyQuotaProgress = {
  quotaId: string;
  /** Set on the parts of a composite quota (e.g. the "four ones"). */
  partId: string | null;
  name: string;
  nameEn: string | null;
  metric: Metric | null;
  /** The rules' unit code ("hours", "services" ...), for the message catalogue. */
  unit: string;
  achieved: number;
  /** The effective target (the minimum of a "between"). */
  target: number;
  targetMax: number | null;
  status: ResultStatus;
  /** What the pace asks for by today. */
  expectedByNow: number;
  gap: number;
  window: DateWindow;
  final: boolean;
  recordIds: string[];
  parts: MyQuotaProgress[];
};

export type MyCampaignProgress = {
  campaignId: string;
  name: string;
  nameEn: string | null;
  startDate: string;
  endDate: string;
  asOf: string;
  /** False before the campaign's first day: nothing is measured yet. */
  started: boolean;
  /** Set when the stored definition does not validate (nothing can be measured). */
  invalid: boolean;
  quotas: MyQuotaProgress[];
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(ACTIVITY_TYPES);

/**
 * The member's own progress in every ACTIVE campaign that covers them: for each member quota that
 * applies to them, achieved against target in the current period window, with status and pace —
 * computed by the rules engine (evaluateCampaign) exactly as the campaign pages compute it, but
 * from this member's data only.
 *
 * The campaigns' loadEvaluationInput loads the whole covered subtree (every member and record);
 * a member's page needs one member, so the same inputs are loaded here for that member alone:
 * their memberships inside the campaign's subtree (clipped at leftAt), and the records linked to
 * the campaign that they attended or self-reported. Organization quotas are left out. Only
 * approved, unvoided records count (the engine decides), so submitted and returned reports do not.
 */
export async function getMyProgress(
  actor: Actor,
  asOf: string = todayInShanghai(),
): Promise<MyCampaignProgress[]> {
  const memberId = actor.memberId;
  if (!memberId) return [];
  const tenantId = actor.tenantId;
  const loaded = await withTenant(actor.tenantId, async (tx) => {
    const member = await tx.member.findFirst({
      where: { tenantId, id: memberId },
      select: {
        id: true,
        status: true,
        category: true,
        cadreLevel: true,
        positions: true,
        joinedAt: true,
        leftAt: true,
        memberships: {
          orderBy: [{ validFrom: "asc" }, { id: "asc" }],
          select: { orgId: true, validFrom: true, validTo: true, org: { select: { path: true } } },
        },
      },
    });
    if (!member) return null;
    const campaigns = await tx.campaign.findMany({
      where: { tenantId, status: "ACTIVE" },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        nameEn: true,
        startDate: true,
        endDate: true,
        definition: true,
        rootOrg: { select: { path: true } },
      },
    });
    const covering = campaigns.flatMap((c) => {
      const memberships = member.memberships
        .filter(
          (ms) =>
            isWithinSubtree(ms.org.path, c.rootOrg.path) &&
            ms.validFrom <= c.endDate &&
            (ms.validTo === null || ms.validTo > c.startDate),
        )
        .map((ms) => {
          let to = ms.validTo;
          if (member.leftAt && (to === null || member.leftAt < to)) to = member.leftAt;
          return { orgId: ms.orgId, from: isoDay(ms.validFrom), to: to ? isoDay(to) : null };
        })
        .filter((ms) => ms.to === null || ms.to > ms.from);
      return memberships.length > 0 ? [{ campaign: c, memberships }] : [];
    });
    if (covering.length === 0) return { member, covering, activities: [] };

    const ids = covering.map((c) => c.campaign.id);
    const earliest = covering.reduce(
      (min, c) => (c.campaign.startDate < min ? c.campaign.startDate : min),
      covering[0]!.campaign.startDate,
    );
    // The member's own records first (each lookup uses an index on the member), then which of
    // them are linked to a covering campaign, then those records: flat queries, no per-row EXISTS.
    const [attended, reported] = await Promise.all([
      tx.activityAttendance.findMany({
        where: { tenantId, memberId: member.id, present: true },
        select: { activityId: true, hours: true },
      }),
      tx.activity.findMany({
        where: { tenantId, selfReportedById: member.id },
        select: { id: true },
      }),
    ]);
    const ownIds = [
      ...new Set([...attended.map((r) => r.activityId), ...reported.map((r) => r.id)]),
    ];
    if (ownIds.length === 0) return { member, covering, activities: [] };
    const links = await tx.activityCampaign.findMany({
      where: { tenantId, activityId: { in: ownIds }, campaignId: { in: ids } },
      select: { activityId: true, campaignId: true },
    });
    const campaignsOf = new Map<string, string[]>();
    for (const l of links) {
      const list = campaignsOf.get(l.activityId);
      if (list) list.push(l.campaignId);
      else campaignsOf.set(l.activityId, [l.campaignId]);
    }
    if (campaignsOf.size === 0) return { member, covering, activities: [] };
    const hoursOf = new Map(attended.map((r) => [r.activityId, r.hours]));
    const rows = await tx.activity.findMany({
      where: {
        tenantId,
        id: { in: [...campaignsOf.keys()] },
        date: { gte: earliest, lte: new Date(asOf + "T00:00:00.000Z") },
      },
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
    });
    const activities = rows.map((a) => ({
      ...a,
      campaignIds: campaignsOf.get(a.id) ?? [],
      attended: hoursOf.has(a.id),
      creditedHours: hoursOf.get(a.id) ?? null,
    }));
    return { member, covering, activities };
  });
  if (!loaded) return [];
  const { member, covering, activities } = loaded;

  const out: MyCampaignProgress[] = [];
  for (const { campaign, memberships } of covering) {
    const base: MyCampaignProgress = {
      campaignId: campaign.id,
      name: campaign.name,
      nameEn: campaign.nameEn,
      startDate: isoDay(campaign.startDate),
      endDate: isoDay(campaign.endDate),
      asOf,
      started: asOf >= isoDay(campaign.startDate),
      invalid: false,
      quotas: [],
    };
    const parsed = parseCampaignDefinition(campaign.definition);
    if (!parsed.ok) {
      out.push({ ...base, invalid: true });
      continue;
    }
    const definition = parsed.value;
    const quotas = definition.quotas.filter((q) => q.subject.kind === "member");
    const memberInput: MemberInputLike = {
      id: member.id,
      status: member.status,
      category: member.category,
      cadreLevel: member.cadreLevel,
      positions: [...member.positions],
      joinedAt: member.joinedAt ? isoDay(member.joinedAt) : memberships[0]!.from,
      memberships,
    };
    const records: RecordInputLike[] = [];
    for (const a of activities) {
      if (!a.campaignIds.includes(campaign.id)) continue;
      if (!KNOWN_TYPES.has(a.type)) continue;
      const credited = a.creditedHours !== null ? Number(a.creditedHours.toString()) : null;
      records.push({
        id: a.id,
        type: a.type,
        subType: a.subType,
        orgId: a.orgId,
        date: isoDay(a.date),
        hours: Number(a.durationHours.toString()),
        days: a.days === null ? null : Number(a.days.toString()),
        status: a.status,
        voidedAt: a.voidedAt ? a.voidedAt.toISOString() : null,
        attendeeIds: a.attended ? [member.id] : [],
        selfReportedBy: a.selfReportedById,
        ...(credited !== null ? { hoursByMember: { [member.id]: credited } } : {}),
      });
    }
    // The same validation the CLI applies to a records file.
    const checked = parseRecords(records);
    if (!checked.ok || quotas.length === 0) {
      out.push({ ...base, invalid: !checked.ok });
      continue;
    }
    const evaluation = evaluateCampaign({
      campaign: { ...definition, quotas },
      organizations: [],
      members: [memberInput],
      records: checked.value,
      asOf,
      windows: "current",
    });
    const mine = evaluation.results.filter(
      (r) => r.subjectKind === "member" && r.subjectId === member.id && !r.partId,
    );
    base.quotas = quotas.flatMap((q) => {
      const result = mine.find((r) => r.quotaId === q.id);
      return result ? [toProgress(q, result)] : [];
    });
    out.push(base);
  }
  return out;
}

function toProgress(quota: QuotaInput, r: QuotaResult): MyQuotaProgress {
  const partOf = (partId: string) => quota.composite?.parts.find((p) => p.id === partId);
  const view = (
    result: QuotaResult,
    name: string,
    nameEn: string | undefined,
    metric: Metric | undefined,
  ): MyQuotaProgress => ({
    quotaId: result.quotaId,
    partId: result.partId ?? null,
    name,
    nameEn: nameEn ?? null,
    metric: metric ?? null,
    unit: result.unit,
    achieved: result.achieved,
    target: result.targetValue,
    targetMax: result.targetMax,
    status: result.status,
    expectedByNow: result.expectedByNow,
    gap: result.gap,
    window: result.window,
    final: result.final,
    recordIds: result.recordIds,
    parts: [],
  });
  const top = view(r, quota.name, quota.nameEn, quota.metric);
  top.parts = (r.parts ?? []).map((p) => {
    const part = p.partId ? partOf(p.partId) : undefined;
    return view(p, part?.name ?? p.partId ?? "", part?.nameEn, part?.metric);
  });
  return top;
}
