import type { QuotaInput, QuotaResult, ResultStatus } from "@/rules";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import { loadDashboardBase } from "./dashboard-base";
import type { DashboardQuery } from "./dashboard-query";
import { quotaInfos, toSubjectRow, visiblePath } from "./dashboard-view";

export type DashboardRecordRow = {
  id: string;
  date: string;
  type: string;
  subType: string | null;
  orgName: string;
  topic: string;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
  voided: boolean;
  selfReported: boolean;
};

export type DashboardRecords = Awaited<ReturnType<typeof getDashboardRecords>>;

const MAX_ROWS = 500;

/** The activity filters of a quota: its own, or each part's for a composite. */
function filtersOf(
  quota: QuotaInput,
): { types: ReadonlySet<string>; subTypes: ReadonlySet<string> | null }[] {
  const list = quota.composite
    ? quota.composite.parts.map((p) => p.activity)
    : quota.activity
      ? [quota.activity]
      : [];
  return list.map((a) => ({
    types: new Set(a.types),
    subTypes: a.subTypes ? new Set(a.subTypes) : null,
  }));
}

/**
 * The records behind one subject's result for one quota in its current window: those the
 * engine counted (result.recordIds, in date order), and the records of the same kinds in the
 * window that it did not count because they are not approved or were voided — so a reader sees
 * why a figure is lower than they expected. NOT_FOUND for a subject outside the actor's scope.
 */
export async function getDashboardRecords(
  actor: Actor,
  query: DashboardQuery,
  params: { quotaId: string; subjectKind: "organization" | "member"; subjectId: string },
) {
  const base = await loadDashboardBase(actor, query.campaignId, query.asOf);
  const quota = base.definition.quotas.find((q) => q.id === params.quotaId);
  if (!quota) throw notFound("指标");
  const result: QuotaResult | undefined = base.evaluation.results.find(
    (r) =>
      !r.partId &&
      r.quotaId === params.quotaId &&
      r.subjectKind === params.subjectKind &&
      r.subjectId === params.subjectId,
  );
  const place =
    params.subjectKind === "organization"
      ? base.orgs.get(params.subjectId)?.path
      : base.members.get(params.subjectId)?.orgPath;
  if (!result || !place || !visiblePath(base, place)) throw notFound("考核对象");

  const counted = [
    ...new Set([...result.recordIds, ...(result.parts ?? []).flatMap((p) => p.recordIds)]),
  ];
  const countedSet = new Set(counted);

  // Records the engine left out: same kinds, in the window, held or attended by the subject.
  const filters = filtersOf(quota);
  const includeSubtree = quota.options?.includeSubtree ?? false;
  const orgPaths = new Map([...base.orgs.values()].map((o) => [o.id, o.path]));
  const holds = (orgId: string) => {
    if (orgId === params.subjectId) return true;
    const path = orgPaths.get(orgId);
    return includeSubtree && !!path && isWithinSubtree(path, place);
  };
  const uncounted = base.parsed.records
    .filter((r) => {
      if (countedSet.has(r.id)) return false;
      if (r.status === "APPROVED" && !r.voidedAt) return false;
      const day = r.date.slice(0, 10);
      if (day < result.window.start || day > result.window.end) return false;
      if (
        !filters.some(
          (f) =>
            f.types.has(r.type) &&
            (!f.subTypes || (r.subType != null && f.subTypes.has(r.subType))),
        )
      )
        return false;
      return params.subjectKind === "organization"
        ? holds(r.orgId)
        : r.attendeeIds.includes(params.subjectId) || r.selfReportedBy === params.subjectId;
    })
    .map((r) => r.id);

  const wanted = [...counted.slice(-MAX_ROWS), ...uncounted.slice(-MAX_ROWS)];
  const rows = wanted.length
    ? await withTenant(actor.tenantId, (tx) =>
        tx.activity.findMany({
          where: { tenantId: actor.tenantId, id: { in: wanted } },
          select: {
            id: true,
            date: true,
            type: true,
            subType: true,
            topic: true,
            status: true,
            voidedAt: true,
            selfReportedById: true,
            org: { select: { name: true } },
          },
        }),
      )
    : [];
  const info = new Map<string, DashboardRecordRow>(
    rows.map((a) => [
      a.id,
      {
        id: a.id,
        date: isoDay(a.date),
        type: a.type,
        subType: a.subType,
        orgName: a.org.name,
        topic: a.topic,
        status: a.status,
        voided: a.voidedAt !== null,
        selfReported: a.selfReportedById !== null,
      },
    ]),
  );
  const pick = (ids: string[]) => ids.flatMap((id) => (info.has(id) ? [info.get(id)!] : []));
  const byDate = (a: DashboardRecordRow, b: DashboardRecordRow) =>
    a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

  const quotaInfo = quotaInfos(base).find((q) => q.id === quota.id)!;
  return {
    campaign: base.campaign,
    quota: quotaInfo,
    quotaDefinition: quota,
    subject: toSubjectRow(base, result),
    result: { status: result.status as ResultStatus, parts: result.parts ?? null },
    counted: pick(counted.slice(-MAX_ROWS)).sort(byDate),
    countedTotal: counted.length,
    uncounted: pick(uncounted.slice(-MAX_ROWS)).sort(byDate),
    uncountedTotal: uncounted.length,
  };
}
