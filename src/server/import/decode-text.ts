import { RosterFileError } from "./types";

export type CsvEncoding = "utf-8" | "gbk" | "utf-16le" | "utf-16be";

/**
 * Decodes a CSV file's bytes. UTF-8 with or without a BOM is tried first, strictly, so that a
 * file saved by Chinese Excel/WPS as "CSV (逗号分隔)" — which is GBK — falls back to GBK instead
 * of turning into replacement characters. UTF-16 ("Unicode 文本") is recognised by its BOM.
 */
export function decodeCsvBytes(bytes: Uint8Array): {
  text: string;
  encoding: CsvEncoding;
  bom: boolean;
} {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: strictDecode("utf-16le", bytes), encoding: "utf-16le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: strictDecode("utf-16be", bytes), encoding: "utf-16be", bom: true };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
      bom,
    };
  } catch {
    if (bom) throw unreadable();
  }
  const text = strictDecode("gbk", bytes);
  // ICU maps a stray 0xFF byte (never part of GBK text) to U+F8F5 instead of failing.
  if (text.includes("\uF8F5")) throw unreadable();
  return { text, encoding: "gbk", bom: false };
}

function strictDecode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw unreadable();
  }
}

const unreadable = () =>
  new RosterFileError(
    "无法识别文件的文字编码（既不是 UTF-8 也不是 GBK）。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后再导入",
  );
