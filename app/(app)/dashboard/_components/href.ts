import {
  dashboardSearchString,
  type DashboardQuery,
} from "@/server/data/dashboard/dashboard-query";

/**
 * URLs of the dashboard pages and exports, every filter carried along so that a link from any
 * figure opens the figures behind it with the same campaign, date, subtrees and filters.
 */
type Extra = Record<string, string | number | undefined | null>;

export const dashboardHref = (q: Partial<DashboardQuery>, extra: Extra = {}) =>
  `/dashboard${dashboardSearchString(q, extra)}`;
export const drillHref = (
  q: Partial<DashboardQuery>,
  extra: { node?: string; quota?: string; status?: string; page?: number } = {},
) => `/dashboard/drill${dashboardSearchString(q, extra)}`;
export const recordsHref = (
  q: Partial<DashboardQuery>,
  quotaId: string,
  subjectKind: string,
  subjectId: string,
) =>
  `/dashboard/records${dashboardSearchString(q, { quota: quotaId, subject: `${subjectKind}:${subjectId}` })}`;
export const summaryHref = (q: Partial<DashboardQuery>) =>
  `/dashboard/summary${dashboardSearchString(q)}`;
export const exportHref = (q: Partial<DashboardQuery>, table: string, format: "csv" | "xlsx") =>
  `/api/dashboard/export${dashboardSearchString(q, { table, format })}`;
/** The campaign's own page of one quota (every subject of the campaign, all windows on demand). */
export function quotaPageHref(
  campaignId: string,
  quotaId: string,
  asOf: string,
  status?: string,
): string {
  const p = new URLSearchParams({ asOf });
  if (status) p.set("status", status);
  return `/campaigns/${campaignId}/quotas/${encodeURIComponent(quotaId)}?${p}`;
}
/** The record's page (built by the activities area). */
export const activityHref = (id: string) => `/activities/${id}`;
