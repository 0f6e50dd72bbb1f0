/**
 * A table to export: a header row and data rows of plain values. The CSV and XLSX writers of
 * this folder take the same shape, so both files of one table hold the same rows.
 */
export type ExportCell = string | number | null;

export type ExportColumn = {
  header: string;
  /** "text" (default), "integer", "decimal" (two places at most) or "percent" (a number of percent, e.g. 83.3). */
  kind?: "text" | "integer" | "decimal" | "percent";
  /** XLSX column width in characters; a guess from the header and values when left out. */
  width?: number;
};

export type ExportTable = {
  /** Worksheet name (XLSX); cut to 31 characters and cleaned of []:*?/\ . */
  sheetName: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
};

/** Characters that make a spreadsheet read a text cell as a formula (OWASP: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula, prefixed with a single quote so that it
 * is shown as text ("=HYPERLINK(…)" → "'=HYPERLINK(…)"). Numbers are written as numbers and never
 * need it; only text is neutralized.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The cell as it is written to a file: text neutralized, numbers and empty cells unchanged. */
export function exportValue(value: ExportCell): string | number | null {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return neutralizeFormula(value);
}
