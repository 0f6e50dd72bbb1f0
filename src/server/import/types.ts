/** One problem found in an import file: where the user will find it in Excel/WPS, and why. */
export type ImportIssue = {
  /** Row number as the spreadsheet shows it (the header is normally row 1); null for the whole file. */
  row: number | null;
  /** The column's header text as written in the file; null when the problem is the whole row or file. */
  column: string | null;
  reason: string;
};

/** One non-empty spreadsheet row: its number as the user sees it and its cells as text. */
export type SheetRow = { rowNumber: number; cells: string[] };

/** A cell whose value could not be read (a formula without a saved result, an error value ...). */
export type CellProblem = { rowNumber: number; columnIndex: number; reason: string };

/** A problem with the file as a whole (wrong format, too large, unreadable encoding ...). */
export class RosterFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RosterFileError";
  }
}
