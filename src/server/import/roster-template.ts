import ExcelJS from "exceljs";
import type { Locale } from "@/i18n/config";
import { ROSTER_COLUMNS } from "./roster-columns";

/** Rows of the template that carry drop-down lists and column formats. */
const TEMPLATE_ROWS = 5000;

function headerTexts(locale: Locale): string[] {
  return ROSTER_COLUMNS.map((c) => (locale === "zh-CN" ? c.header : c.key));
}

/**
 * The CSV template: the header row only, UTF-8 with a BOM — without the BOM, Excel and WPS on
 * Chinese Windows open UTF-8 as GBK and show garbage.
 */
export function buildRosterTemplateCsv(locale: Locale): Uint8Array {
  const text = "\uFEFF" + headerTexts(locale).join(",") + "\r\n";
  return new TextEncoder().encode(text);
}

/**
 * The XLSX template: a data sheet with the header row, text-formatted number and phone columns
 * (so leading zeros survive), date-formatted date columns and drop-down lists for the choices;
 * and an instructions sheet. No example row on the data sheet: a forgotten example would be
 * imported as a member.
 */
export async function buildRosterTemplateXlsx(locale: Locale): Promise<Uint8Array> {
  const zh = locale === "zh-CN";
  const workbook = new ExcelJS.Workbook();
  workbook.creator = zh ? "党建活动管理平台" : "Party-Building Campaign Platform";
  const sheet = workbook.addWorksheet(zh ? "党员名册" : "Roster", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = ROSTER_COLUMNS.map((column, i) => ({
    header: headerTexts(locale)[i],
    key: column.key,
    width:
      column.kind === "date"
        ? 14
        : column.key === "positions"
          ? 24
          : column.key === "orgCode"
            ? 16
            : 12,
    style:
      column.kind === "date"
        ? { numFmt: "yyyy-mm-dd" }
        : column.kind === "text"
          ? { numFmt: "@" }
          : {},
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  ROSTER_COLUMNS.forEach((column, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: column.required ? "FFFDE2E2" : "FFF5F5F4" },
    };
    cell.note = column.hint[locale];
  });
  // exceljs supports range keys here but does not declare `dataValidations` in its types.
  const validations = (
    sheet as unknown as {
      dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  ROSTER_COLUMNS.forEach((column, i) => {
    if (!column.choices) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: "list",
      allowBlank: !column.required,
      formulae: [`"${column.choices[locale].join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      error: zh
        ? `请从列表中选择：${column.choices[locale].join("、")}`
        : `Choose one of: ${column.choices[locale].join(", ")}`,
    });
  });

  const help = workbook.addWorksheet(zh ? "填写说明" : "Instructions");
  help.columns = [
    { header: zh ? "列名" : "Column", key: "column", width: 16 },
    { header: zh ? "是否必填" : "Required", key: "required", width: 10 },
    { header: zh ? "填写说明" : "How to fill it in", key: "hint", width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [i, column] of ROSTER_COLUMNS.entries()) {
    help.addRow({
      column: headerTexts(locale)[i],
      required: column.required ? (zh ? "必填" : "Yes") : zh ? "选填" : "No",
      hint: column.hint[locale],
    });
  }
  help.addRow({});
  const notes = zh
    ? [
        "第一行是列名，请勿修改；从第二行起每行一名党员。列的顺序可以调整，不需要的选填列可以删除。",
        "再次导入同一文件不会重复创建：按党员编号匹配，内容相同的跳过，有变化的更新，新的编号新建。",
        "某个选填列整列删除时，已有党员的该项保持不变；列存在但单元格为空时，该项会被清空。",
        "文件中只要有一处错误，就不会导入任何数据；请按错误报告修改后重新上传。",
        "文件不超过 5 MB、20000 行。也可另存为 CSV（UTF-8 或 GBK 编码均可）。",
      ]
    : [
        "Row 1 holds the column names; do not change them. One member per row from row 2. Columns may be reordered; optional columns you do not need may be deleted.",
        "Importing the same file again creates nothing twice: rows are matched on the member number; identical ones are skipped, changed ones updated, new numbers created.",
        "When an optional column is missing, existing members keep that field; an empty cell in a present column clears it.",
        "If the file has any error, nothing is imported; fix the rows named in the error report and upload again.",
        "At most 5 MB and 20,000 rows. CSV (UTF-8 or GBK) works too.",
      ];
  for (const note of notes)
    help.addRow({ column: note }).getCell(1).alignment = { wrapText: false };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
