import { exportValue, type ExportCell, type ExportTable } from "./table";

/** The byte order mark: without it Excel and WPS on Chinese Windows read UTF-8 as GBK and show garbage. */
export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** One cell, always quoted (quotes doubled), text neutralized against formula injection. */
export function csvCell(value: ExportCell): string {
  const v = exportValue(value);
  const text = v === null ? "" : String(v);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The table as CSV text: BOM, the header row, one line per row, CRLF line ends (RFC 4180). */
export function toCsv(table: Pick<ExportTable, "columns" | "rows">): string {
  const lines = [
    table.columns.map((c) => csvCell(c.header)),
    ...table.rows.map((row) => table.columns.map((_, i) => csvCell(row[i] ?? null))),
  ];
  return CSV_BOM + lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}

/** toCsv as UTF-8 bytes, for a Response body. */
export function toCsvBytes(table: Pick<ExportTable, "columns" | "rows">): Uint8Array {
  return new TextEncoder().encode(toCsv(table));
}
