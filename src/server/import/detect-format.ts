import { RosterFileError } from "./types";

export type RosterFileFormat = "csv" | "xlsx";

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": XLSX is a zip archive
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .et, or a password-protected .xlsx
const PDF = [0x25, 0x50, 0x44, 0x46]; // "%PDF"
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

/**
 * Decides the format from the bytes, never from the file name: a renamed file is read as what
 * it is, and anything that is neither a workbook nor text is refused with a message that says
 * what to do.
 */
export function detectRosterFormat(bytes: Uint8Array): RosterFileFormat {
  if (bytes.length === 0) throw new RosterFileError("文件是空的");
  if (startsWith(bytes, ZIP_LOCAL_FILE)) return "xlsx";
  if (startsWith(bytes, ZIP_EMPTY))
    throw new RosterFileError("文件是一个空的压缩包，不是 Excel 工作簿");
  if (startsWith(bytes, OLE2)) {
    throw new RosterFileError(
      "这是旧版 Excel（.xls）或设置了打开密码的文件，无法读取。请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV（UTF-8）后再导入",
    );
  }
  if (startsWith(bytes, PDF))
    throw new RosterFileError("这是 PDF 文件。请上传 Excel（.xlsx）或 CSV 文件");
  if (startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM)) return "csv";
  // Text never contains NUL bytes (outside UTF-16, handled above); images, archives and
  // executables almost always do within their first few kilobytes.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0))
    throw new RosterFileError(
      "文件既不是 CSV 也不是 Excel（.xlsx）格式。请下载模板，填写后保存为 .xlsx 或 CSV",
    );
  return "csv";
}
