import type { ExportCell, ExportTable } from "@/lib/export/table";
import {
  achievedText,
  orgName,
  percent,
  quotaName,
  reasonText,
  statusText,
  targetText,
  type DashboardText,
} from "./dashboard-text";
import type { Cell } from "./dashboard-view";
import type { CampaignDashboard } from "./get-campaign-dashboard";

export const DASHBOARD_TABLES = ["rollup", "heatmap", "atRisk", "trend"] as const;
export type DashboardTableName = (typeof DASHBOARD_TABLES)[number];

const levelText = (text: DashboardText, level: string) =>
  text.common.has(`orgLevel.${level}`) ? text.common(`orgLevel.${level}`) : level;

const cellCounts = (c: Cell): ExportCell[] => [
  c.subjects,
  c.met,
  c.onTrack,
  c.atRisk,
  c.behind,
  c.notApplicable,
  percent(c.share),
];

/**
 * One dashboard table as rows for the CSV and XLSX writers: the same rows the page shows (the
 * at-risk list in full, not one page of it).
 */
export function buildDashboardTable(
  d: CampaignDashboard,
  table: DashboardTableName,
  text: DashboardText,
): ExportTable {
  const { t, locale } = text;
  const counts = [
    { header: t("col.subjects"), kind: "integer" as const },
    { header: t("col.met"), kind: "integer" as const },
    { header: t("col.onTrack"), kind: "integer" as const },
    { header: t("col.atRisk"), kind: "integer" as const },
    { header: t("col.behind"), kind: "integer" as const },
    { header: t("col.notApplicable"), kind: "integer" as const },
    { header: t("col.metShare"), kind: "percent" as const },
  ];
  switch (table) {
    case "rollup": {
      const byId = new Map(d.rollup.map((n) => [n.id, n]));
      return {
        sheetName: t("tables.rollup"),
        columns: [
          { header: t("col.org") },
          { header: t("col.level") },
          { header: t("col.parent") },
          { header: t("col.depth"), kind: "integer" },
          ...counts,
        ],
        rows: d.rollup.map((n) => {
          const parent = n.depth > 0 && n.parentId ? byId.get(n.parentId) : undefined;
          return [
            orgName(n, locale),
            levelText(text, n.level),
            parent ? orgName(parent, locale) : "",
            n.depth,
            ...cellCounts(n.overall),
          ];
        }),
      };
    }
    case "heatmap":
      return {
        sheetName: t("tables.heatmap"),
        columns: [
          { header: t("col.org") },
          { header: t("col.level") },
          { header: t("col.overallShare"), kind: "percent" },
          ...d.visibleQuotas.map((q) => ({
            header: t("col.quotaShare", { quota: quotaName(q, locale) }),
            kind: "percent" as const,
          })),
        ],
        rows: d.heatmap.map((row) => [
          orgName(row, locale),
          levelText(text, row.level),
          percent(row.overall.share),
          ...d.visibleQuotas.map((q) => percent(row.cells[q.id]?.share ?? null)),
        ]),
      };
    case "atRisk": {
      const quotas = new Map(d.quotas.map((q) => [q.id, q]));
      return {
        sheetName: t("tables.atRisk"),
        columns: [
          { header: t("col.subject") },
          { header: t("col.subjectKind") },
          { header: t("col.code") },
          { header: t("col.org") },
          { header: t("col.quota") },
          { header: t("col.window") },
          { header: t("col.achieved") },
          { header: t("col.target") },
          { header: t("col.expected"), kind: "decimal" },
          { header: t("col.gap"), kind: "decimal" },
          { header: t("col.status") },
          { header: t("col.reason") },
        ],
        rows: d.atRisk.map((r) => {
          const q = quotas.get(r.quotaId);
          return [
            r.subjectName,
            t(`subjectKind.${r.subjectKind}`),
            r.subjectCode,
            r.orgName,
            q ? quotaName(q, locale) : r.quotaId,
            `${r.window.start} – ${r.window.end}`,
            achievedText(text, r),
            targetText(text, r),
            r.parts ? null : Math.round(r.expectedByNow * 100) / 100,
            r.gap,
            statusText(text, r.status),
            reasonText(text, r),
          ];
        }),
      };
    }
    case "trend":
      return {
        sheetName: t("tables.trend"),
        columns: [
          { header: t("col.date") },
          { header: t("col.subjects"), kind: "integer" },
          { header: t("col.met"), kind: "integer" },
          { header: t("col.onTrack"), kind: "integer" },
          { header: t("col.atRisk"), kind: "integer" },
          { header: t("col.behind"), kind: "integer" },
          { header: t("col.metShare"), kind: "percent" },
          { header: t("col.metOrOnTrackShare"), kind: "percent" },
        ],
        rows: d.trend.map((p) => [
          p.date,
          p.subjects,
          p.met,
          p.onTrack,
          p.atRisk,
          p.behind,
          percent(p.metShare),
          percent(p.metOrOnTrackShare),
        ]),
      };
  }
}

/** Label/value lines describing an export: campaign, date, organizations and filters. */
export function exportAbout(d: CampaignDashboard, text: DashboardText): [string, string][] {
  const { t, locale } = text;
  return [
    [t("about.campaign"), orgName(d.campaign, locale)],
    [t("about.asOf"), d.query.asOf],
    [t("about.orgs"), d.focus.map((o) => orgName(o, locale)).join("、")],
    [
      t("about.orgKind"),
      d.query.orgKind ? text.common(`orgKind.${d.query.orgKind}`) : t("filters.all"),
    ],
    [
      t("about.memberCategory"),
      d.query.memberCategory
        ? text.common(`memberCategory.${d.query.memberCategory}`)
        : t("filters.all"),
    ],
    [t("about.note"), t("about.noteText")],
  ];
}
