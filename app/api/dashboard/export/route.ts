import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/i18n/config";
import { toCsvBytes, CSV_CONTENT_TYPE } from "@/lib/export/csv";
import { attachmentDisposition, safeFileName } from "@/lib/export/disposition";
import { toXlsx, XLSX_CONTENT_TYPE } from "@/lib/export/xlsx";
import { todayInShanghai } from "@/lib/format";
import { getActor } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import {
  DashboardSearch,
  searchRecord,
  toDashboardQuery,
} from "@/server/data/dashboard/dashboard-query";
import {
  buildDashboardTable,
  DASHBOARD_TABLES,
  exportAbout,
  type DashboardTableName,
} from "@/server/data/dashboard/dashboard-tables";
import { orgName } from "@/server/data/dashboard/dashboard-text";
import { dashboardText } from "@/server/data/dashboard/dashboard-translators";
import { getCampaignDashboard } from "@/server/data/dashboard/get-campaign-dashboard";

export const dynamic = "force-dynamic";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

/**
 * GET ?table=rollup|heatmap|atRisk|trend&format=csv|xlsx&campaignId=…&asOf=…&orgIds=…&orgKind=…&memberCategory=…
 * One dashboard table as a file, with the page's filters and the page's authorization
 * (dashboard.read over the actor's subtree; another tenant's or an unknown campaign is 404).
 * CSV: UTF-8 with a BOM, CRLF, every cell quoted, formulas neutralized. XLSX: one sheet for the
 * table and one describing the export.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("登录已失效，请重新登录", { status: 401, headers: TEXT });
  const params = new URL(request.url).searchParams;
  const table = params.get("table") as DashboardTableName | null;
  if (!table || !DASHBOARD_TABLES.includes(table))
    return new Response("table 参数应为 rollup、heatmap、atRisk 或 trend", {
      status: 400,
      headers: TEXT,
    });
  const format =
    params.get("format") === "csv" ? "csv" : params.get("format") === "xlsx" ? "xlsx" : null;
  if (!format) return new Response("format 参数应为 csv 或 xlsx", { status: 400, headers: TEXT });
  const search = DashboardSearch.parse(searchRecord(params));
  if (!search.campaignId)
    return new Response("缺少 campaignId 参数", { status: 400, headers: TEXT });
  const query = toDashboardQuery(search, search.campaignId, todayInShanghai());

  try {
    const dashboard = await getCampaignDashboard(actor, query, { trend: table === "trend" });
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const text = await dashboardText(locale);
    const data = buildDashboardTable(dashboard, table, text);
    const name = safeFileName(
      `${text.t("export.filePrefix")}-${text.t(`tables.${table}`)}-${orgName(dashboard.campaign, locale)}-${query.asOf}.${format}`,
    );
    const ascii = `dashboard-${table}-${query.asOf}.${format}`;
    const headers = {
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": attachmentDisposition(ascii, name),
    };
    if (format === "csv") {
      return new Response(toCsvBytes(data) as BodyInit, {
        headers: { ...headers, "Content-Type": CSV_CONTENT_TYPE },
      });
    }
    const bytes = await toXlsx([data], {
      creator: text.t("export.creator"),
      about: { sheetName: text.t("tables.about"), lines: exportAbout(dashboard, text) },
    });
    return new Response(bytes as BodyInit, {
      headers: { ...headers, "Content-Type": XLSX_CONTENT_TYPE },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return new Response(error.message, { status: 404, headers: TEXT });
    if (isAppError(error) && error.code === "FORBIDDEN")
      return new Response(error.message, { status: 403, headers: TEXT });
    throw error;
  }
}
