import ExcelJS from "exceljs";
import { exportValue, type ExportColumn, type ExportTable } from "./table";

export const XLSX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const NUMBER_FORMATS: Record<NonNullable<ExportColumn["kind"]>, string | undefined> = {
  text: "@",
  integer: "0",
  decimal: undefined,
  percent: "0.0",
};

/** Excel refuses sheet names over 31 characters or with []:*?/\ ; duplicates get a number. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Display width of a text: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

export type XlsxOptions = {
  creator?: string;
  /** Lines of a last sheet describing the export (campaign, date, filters), as label/value pairs. */
  about?: { sheetName: string; lines: [string, string][] };
};

/**
 * A workbook with one worksheet per table: the header row in bold and frozen, the rows below it
 * with numbers as numbers and text as text (never as formulas, and neutralized like the CSV so
 * both files hold the same cells).
 */
export async function toXlsx(
  tables: ExportTable[],
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "";
  workbook.created = new Date(0);
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheetName, taken), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column, i) => {
      const widest = Math.max(
        displayWidth(column.header),
        ...table.rows.slice(0, 500).map((row) => {
          const v = row[i];
          return v === null || v === undefined ? 0 : displayWidth(String(v));
        }),
      );
      const numFmt = NUMBER_FORMATS[column.kind ?? "text"];
      return {
        header: column.header,
        width: column.width ?? Math.min(60, Math.max(8, widest + 2)),
        style: numFmt ? { numFmt } : {},
      };
    });
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows)
      sheet.addRow(table.columns.map((_, i) => exportValue(row[i] ?? null)));
  }
  if (options.about) {
    const sheet = workbook.addWorksheet(sheetName(options.about.sheetName, taken));
    sheet.columns = [{ width: 16 }, { width: 60 }];
    for (const [label, value] of options.about.lines)
      sheet.addRow([exportValue(label), exportValue(value)]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Reads every worksheet back as rows of values (header row first), for checks and tests. */
export async function readXlsxRows(
  bytes: Uint8Array,
): Promise<Map<string, (string | number | null)[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out = new Map<string, (string | number | null)[][]>();
  workbook.eachSheet((sheet) => {
    const rows: (string | number | null)[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: (string | number | null)[] = [];
      for (let c = 1; c <= width; c++) {
        const v = row.getCell(c).value;
        cells.push(
          v === null || v === undefined
            ? null
            : typeof v === "number" || typeof v === "string"
              ? v
              : String(v),
        );
      }
      rows.push(cells);
    });
    out.set(sheet.name, rows);
  });
  return out;
}
