export {
  exportValue,
  neutralizeFormula,
  type ExportCell,
  type ExportColumn,
  type ExportTable,
} from "./table";
export { CSV_BOM, CSV_CONTENT_TYPE, csvCell, toCsv, toCsvBytes } from "./csv";
export { XLSX_CONTENT_TYPE, readXlsxRows, toXlsx, type XlsxOptions } from "./xlsx";
export { attachmentDisposition, safeFileName } from "./disposition";
