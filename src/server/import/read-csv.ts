import Papa from "papaparse";
import type { ImportIssue, SheetRow } from "./types";

/** The delimiter the header line uses most: comma (Excel "CSV"), tab ("Unicode 文本"), or semicolon. */
function guessDelimiter(text: string): string {
  const firstLine =
    text
      .slice(0, 4096)
      .split(/\r?\n/)
      .find((line) => line.trim() !== "") ?? "";
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [",", "\t", ";"]
    .map((ch) => [ch, count(ch)] as const)
    .sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ",";
}

/**
 * Splits CSV text into rows numbered as Excel numbers them: record n is row n (a quoted cell
 * spanning several lines is still one row). Empty rows are dropped here, after numbering.
 */
export function readCsvRows(text: string): { rows: SheetRow[]; issues: ImportIssue[] } {
  const result = Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
  });
  const issues: ImportIssue[] = result.errors
    .filter((e) => e.type === "Quotes")
    .map((e) => ({
      row: typeof e.row === "number" ? e.row + 1 : null,
      column: null,
      reason: "引号不配对：该行某个单元格以英文双引号开头却没有结束，请检查",
    }));
  const rows: SheetRow[] = [];
  result.data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== "")) rows.push({ rowNumber: index + 1, cells });
  });
  return { rows, issues };
}
