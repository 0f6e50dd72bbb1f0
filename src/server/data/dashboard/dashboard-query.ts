import { z } from "zod";
import {
  MEMBER_CATEGORIES,
  ORG_KINDS,
  RESULT_STATUSES,
  type MemberCategory,
  type OrgKind,
  type ResultStatus,
} from "@/rules";

/** The dashboard's filters, as they travel in the URL of the pages and of the export route. */
export type DashboardQuery = {
  campaignId: string;
  /** YYYY-MM-DD; the current windows as of this date. */
  asOf: string;
  /** Subtrees to show (several at once); empty: the actor's whole scope in the campaign. */
  orgIds: string[];
  orgKind: OrgKind | null;
  memberCategory: MemberCategory | null;
};

const calendarDate = z.iso.date().refine((s) => !Number.isNaN(Date.parse(s)));
const many = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(64)).max(50));

/** Search parameters of every dashboard URL; anything malformed falls back to its default. */
export const DashboardSearch = z.object({
  campaignId: z.string().max(64).optional().catch(undefined),
  asOf: calendarDate.optional().catch(undefined),
  orgIds: many.optional().catch(undefined),
  orgKind: z.enum(ORG_KINDS).optional().catch(undefined),
  memberCategory: z.enum(MEMBER_CATEGORIES).optional().catch(undefined),
});
export type DashboardSearch = z.infer<typeof DashboardSearch>;

/** Drill-down parameters on top of the filters. */
export const DrillSearch = z.object({
  node: z.string().max(64).optional().catch(undefined),
  quota: z.string().max(200).optional().catch(undefined),
  status: z.enum(RESULT_STATUSES).optional().catch(undefined),
  subject: z
    .string()
    .regex(/^(organization|member):[^:]{1,64}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DrillSearch = z.infer<typeof DrillSearch>;

/** Reads URLSearchParams or Next's searchParams object into the search shapes above. */
export function searchRecord(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

/** The filters with the defaults filled in (campaignId must be known by then). */
export function toDashboardQuery(
  search: DashboardSearch,
  campaignId: string,
  today: string,
): DashboardQuery {
  return {
    campaignId,
    asOf: search.asOf ?? today,
    orgIds: search.orgIds ?? [],
    orgKind: search.orgKind ?? null,
    memberCategory: search.memberCategory ?? null,
  };
}

/** The URL search string of a query (and extra drill parameters), in a stable order. */
export function dashboardSearchString(
  query: Partial<DashboardQuery>,
  extra: Record<string, string | number | undefined | null> = {},
): string {
  const p = new URLSearchParams();
  if (query.campaignId) p.set("campaignId", query.campaignId);
  if (query.asOf) p.set("asOf", query.asOf);
  for (const id of query.orgIds ?? []) p.append("orgIds", id);
  if (query.orgKind) p.set("orgKind", query.orgKind);
  if (query.memberCategory) p.set("memberCategory", query.memberCategory);
  for (const [k, v] of Object.entries(extra))
    if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export type { ResultStatus };
