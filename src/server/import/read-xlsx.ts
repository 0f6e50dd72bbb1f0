import ExcelJS from "exceljs";
import { checkZipContent } from "./zip-guard";
import { RosterFileError, type CellProblem, type SheetRow } from "./types";

export type XlsxSheet = {
  name: string;
  rows: SheetRow[];
  problems: CellProblem[];
  /** True when the sheet has more non-empty rows than `maxRows`; `rows` then stops there. */
  truncated: boolean;
};

/** "YYYY-MM-DD" of a date cell. Excel dates are local calendar days; exceljs hands them over as UTC midnight. */
function dayOf(date: Date): string {
  const rounded = Math.round(date.getTime() / 86_400_000) * 86_400_000;
  return new Date(rounded).toISOString().slice(0, 10);
}

type CellText = { text: string } | { problem: string };

/** A cell's value as text: formulas use their cached result; values that cannot be read are reported. */
export function cellText(value: ExcelJS.CellValue | undefined): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { problem: "日期无效" } : { text: dayOf(value) };
  }
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("error" in value) return { problem: `单元格为错误值 ${value.error}` };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      return {
        problem:
          "公式没有保存计算结果。请在 Excel 或 WPS 中打开并保存一次，或把公式“选择性粘贴”为数值后再导入",
      };
    }
    if (typeof result === "object" && "error" in (result as object)) {
      return { problem: `公式的结果为错误值 ${(result as { error: string }).error}` };
    }
    return cellText(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" ? { text } : cellText(text as ExcelJS.CellValue);
  }
  return { problem: "无法读取该单元格的内容" };
}

/**
 * The visible worksheets of an XLSX workbook as rows of text, numbered as Excel shows them.
 * Vertically merged cells repeat the top cell's value on every row they span (rosters often
 * merge the organization column); horizontally merged cells count once, in their first column.
 */
export async function readXlsxSheets(bytes: Uint8Array, maxRows: number): Promise<XlsxSheet[]> {
  await checkZipContent(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<
        typeof workbook.xlsx.load
      >[0],
    );
  } catch {
    throw new RosterFileError(
      "无法读取该 Excel 文件：文件可能已损坏，或不是 .xlsx 格式。请重新保存为 .xlsx 或 CSV 后再导入",
    );
  }
  const sheets: XlsxSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.state && worksheet.state !== "visible") continue;
    const rows: SheetRow[] = [];
    const problems: CellProblem[] = [];
    let truncated = false;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (truncated) return;
      if (rows.length >= maxRows) {
        truncated = true;
        return;
      }
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        let value: ExcelJS.CellValue | undefined = cell.value;
        if (cell.isMerged && cell.master !== cell) {
          value = cell.master.col === cell.col ? cell.master.value : null;
        }
        const read = cellText(value);
        if ("problem" in read) {
          problems.push({ rowNumber, columnIndex: columnNumber - 1, reason: read.problem });
          cells[columnNumber - 1] = "";
        } else {
          cells[columnNumber - 1] = read.text;
        }
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= "";
      if (cells.some((c) => c.trim() !== "") || problems.some((p) => p.rowNumber === rowNumber)) {
        rows.push({ rowNumber, cells });
      }
    });
    sheets.push({ name: worksheet.name, rows, problems, truncated });
  }
  return sheets;
}
