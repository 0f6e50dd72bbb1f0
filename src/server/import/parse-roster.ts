import { ImportMemberRow, type ImportMemberColumn } from "@/lib/schemas/member";
import { decodeCsvBytes } from "./decode-text";
import { detectRosterFormat, type RosterFileFormat } from "./detect-format";
import { readCsvRows } from "./read-csv";
import { readXlsxSheets } from "./read-xlsx";
import { matchRosterHeader, ROSTER_COLUMNS, type RosterColumn } from "./roster-columns";
import { RosterFileError, type CellProblem, type ImportIssue, type SheetRow } from "./types";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** The header must be within the first rows that hold anything (a title row above it is fine). */
const HEADER_SEARCH_ROWS = 10;

export type ParsedRosterRow = { rowNumber: number; data: ImportMemberRow };

/** The header text each recognised column has in this file, to name columns in messages. */
export type RosterHeaders = Partial<Record<ImportMemberColumn, string>>;

export type RosterParseResult =
  | {
      ok: true;
      format: RosterFileFormat;
      rows: ParsedRosterRow[];
      headers: RosterHeaders;
      /** Header texts that matched no known column; their cells were not read. */
      ignoredColumns: string[];
    }
  | { ok: false; issues: ImportIssue[]; ignoredColumns: string[] };

const fileIssue = (reason: string): ImportIssue => ({ row: null, column: null, reason });

/**
 * Reads a roster file (CSV or XLSX, by content) into validated rows, or reports every problem
 * found: row number as Excel shows it, the column's header text, and the reason. Writes nothing.
 */
export async function parseRosterFile(file: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<RosterParseResult> {
  try {
    if (file.bytes.length > MAX_IMPORT_BYTES) {
      throw new RosterFileError(`文件大小超过 5 MB，请拆分为多个文件分批导入`);
    }
    const format = detectRosterFormat(file.bytes);
    if (format === "csv") {
      const { text } = decodeCsvBytes(file.bytes);
      const { rows, issues } = readCsvRows(text);
      const result = parseRosterRows(rows, [], format);
      return issues.length ? withExtraIssues(result, issues) : result;
    }
    // One spare row for the header and a few for a title above it.
    const sheets = await readXlsxSheets(file.bytes, MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS);
    const sheet = sheets.find((s) => findHeader(s.rows) !== null) ?? sheets[0];
    if (!sheet) throw new RosterFileError("工作簿中没有可见的工作表");
    if (sheet.truncated) throw tooManyRows();
    return parseRosterRows(sheet.rows, sheet.problems, format);
  } catch (error) {
    if (error instanceof RosterFileError)
      return { ok: false, issues: [fileIssue(error.message)], ignoredColumns: [] };
    throw error;
  }
}

const tooManyRows = () =>
  new RosterFileError(`数据行超过 ${MAX_IMPORT_ROWS} 行，请拆分为多个文件分批导入`);

function withExtraIssues(result: RosterParseResult, extra: ImportIssue[]): RosterParseResult {
  const issues = [...extra, ...(result.ok ? [] : result.issues)];
  return { ok: false, issues: sortIssues(issues), ignoredColumns: result.ignoredColumns };
}

/** The first row (among the first few) that names at least three known columns. */
function findHeader(rows: SheetRow[]): SheetRow | null {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const known = new Set(row.cells.map((c) => matchRosterHeader(c)?.key).filter(Boolean));
    if (known.size >= 3) return row;
  }
  return null;
}

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.order - b.order)
    .map((x) => x.issue);
}

/**
 * The format-independent part: header detection, column mapping, row validation and duplicate
 * numbers. `rows` are the non-empty rows of the sheet; `problems` the cells that could not be read.
 */
export function parseRosterRows(
  rows: SheetRow[],
  problems: CellProblem[],
  format: RosterFileFormat = "csv",
): RosterParseResult {
  const header = findHeader(rows);
  if (!header) {
    const expected = ROSTER_COLUMNS.filter((c) => c.required)
      .map((c) => c.header)
      .join("、");
    return {
      ok: false,
      issues: [
        fileIssue(`没有找到表头行。第一行应为列名，至少包含：${expected}。可下载导入模板对照填写`),
      ],
      ignoredColumns: [],
    };
  }

  const issues: ImportIssue[] = [];
  const ignoredColumns: string[] = [];
  const columnIndex = new Map<ImportMemberColumn, number>();
  const headers: RosterHeaders = {};
  header.cells.forEach((text, index) => {
    const label = text.trim();
    if (!label) return;
    const column = matchRosterHeader(label);
    if (!column) {
      ignoredColumns.push(label);
      return;
    }
    if (columnIndex.has(column.key)) {
      issues.push({
        row: header.rowNumber,
        column: label,
        reason: `与“${headers[column.key]}”是同一列，请删除其中一列`,
      });
      return;
    }
    columnIndex.set(column.key, index);
    headers[column.key] = label;
  });
  for (const column of ROSTER_COLUMNS) {
    if (column.required && !columnIndex.has(column.key)) {
      issues.push({
        row: header.rowNumber,
        column: column.header,
        reason: `缺少必填列“${column.header}”`,
      });
    }
  }
  if (issues.length) return { ok: false, issues, ignoredColumns };

  const dataRows = rows.filter(
    (row) =>
      row.rowNumber > header.rowNumber &&
      [...columnIndex.values()].some((i) => (row.cells[i] ?? "").trim() !== ""),
  );
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return { ok: false, issues: [fileIssue(tooManyRows().message)], ignoredColumns };
  }

  const keyAt = new Map([...columnIndex].map(([key, index]) => [index, key]));
  const order = new Map(ROSTER_COLUMNS.map((c, i) => [c.key, i]));
  // Unreadable cells (formulas without a result, error values) in columns we read.
  const unreadable = new Set<string>();
  for (const problem of problems) {
    const key = keyAt.get(problem.columnIndex);
    if (problem.rowNumber <= header.rowNumber || !key) continue;
    unreadable.add(`${problem.rowNumber}:${key}`);
    issues.push({ row: problem.rowNumber, column: headers[key]!, reason: problem.reason });
  }

  const parsed: ParsedRosterRow[] = [];
  const firstRowOfNumber = new Map<string, number>();
  for (const row of dataRows) {
    const record: Partial<Record<ImportMemberColumn, string>> = {};
    for (const [key, index] of columnIndex) record[key] = row.cells[index] ?? "";
    const result = ImportMemberRow.safeParse(record);
    if (!result.success) {
      const seen = new Set<string>();
      const rowIssues = result.error.issues
        .map((issue) => ({
          key: issue.path[0] as ImportMemberColumn | undefined,
          reason: issue.message,
        }))
        .filter(({ key, reason }) => {
          // One message per cell is enough; an unreadable cell is already reported as such.
          const id = `${key}:${reason}`;
          if (seen.has(id) || (key && unreadable.has(`${row.rowNumber}:${key}`))) return false;
          seen.add(id);
          return true;
        })
        .sort((a, b) => (order.get(a.key!) ?? 99) - (order.get(b.key!) ?? 99));
      for (const { key, reason } of rowIssues) {
        issues.push({
          row: row.rowNumber,
          column: key ? (headers[key] ?? columnLabel(key)) : null,
          reason,
        });
      }
      continue;
    }
    const number = result.data.number;
    const first = firstRowOfNumber.get(number);
    if (first !== undefined) {
      issues.push({
        row: row.rowNumber,
        column: headers.number!,
        reason: `党员编号“${number}”与第 ${first} 行重复`,
      });
      continue;
    }
    firstRowOfNumber.set(number, row.rowNumber);
    parsed.push({ rowNumber: row.rowNumber, data: result.data });
  }

  if (issues.length) return { ok: false, issues: sortIssues(issues), ignoredColumns };
  if (parsed.length === 0)
    return { ok: false, issues: [fileIssue("文件中没有数据行（表头下面是空的）")], ignoredColumns };
  return { ok: true, format, rows: parsed, headers, ignoredColumns };
}

function columnLabel(key: ImportMemberColumn): string {
  return ROSTER_COLUMNS.find((c: RosterColumn) => c.key === key)?.header ?? key;
}
