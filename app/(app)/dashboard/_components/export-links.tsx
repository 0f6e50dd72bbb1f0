import type { DashboardQuery } from "@/server/data/dashboard/dashboard-query";
import { exportHref } from "./href";

/** "导出 CSV · XLSX" for one dashboard table, with the page's filters. */
export function ExportLinks({
  query,
  table,
  label,
  csv,
  xlsx,
}: {
  query: DashboardQuery;
  table: string;
  label: string;
  csv: string;
  xlsx: string;
}) {
  const cls =
    "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50";
  return (
    <span className="flex flex-wrap items-center gap-2 print:hidden">
      <a
        href={exportHref(query, table, "csv")}
        download
        aria-label={`${csv}：${label}`}
        className={cls}
      >
        {csv}
      </a>
      <a
        href={exportHref(query, table, "xlsx")}
        download
        aria-label={`${xlsx}：${label}`}
        className={cls}
      >
        {xlsx}
      </a>
    </span>
  );
}
