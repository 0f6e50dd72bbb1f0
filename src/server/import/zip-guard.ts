import { createInflateRaw } from "node:zlib";
import { RosterFileError } from "./types";

/** Limits on what a workbook may expand to, so a small "zip bomb" cannot exhaust the server. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 2000;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * Reads the zip central directory and refuses archives whose declared content is too large or
 * too many files, before anything is decompressed. (Declared sizes can lie; this stops the
 * common case, and the 5 MB upload limit bounds the rest.)
 */
export function checkZipExpansion(bytes: Uint8Array): {
  entries: number;
  uncompressedBytes: number;
  directory: ZipDirectoryEntry[];
} {
  const broken = () =>
    new RosterFileError("Excel 文件已损坏或不完整，无法读取。请重新保存后再导入");
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const entries = u16(bytes, eocd + 10);
  const directoryOffset = u32(bytes, eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) {
    throw new RosterFileError("Excel 文件过大，无法导入。请拆分为多个文件");
  }
  if (entries > MAX_XLSX_ENTRIES) throw new RosterFileError("Excel 文件包含的内容过多，无法导入");
  let at = directoryOffset;
  let total = 0;
  const directory: ZipDirectoryEntry[] = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw broken();
    const size = u32(bytes, at + 24);
    if (size === 0xffffffff)
      throw new RosterFileError("Excel 文件过大，无法导入。请拆分为多个文件");
    directory.push({
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size,
      localHeaderOffset: u32(bytes, at + 42),
    });
    total += size;
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new RosterFileError(
      "Excel 文件解压后过大（超过 100 MB），无法导入。请删除无关的工作表、图片或格式后再试",
    );
  }
  return { entries, uncompressedBytes: total, directory };
}

export type ZipDirectoryEntry = {
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const BOMB_MESSAGE =
  "Excel 文件的实际内容与其声明的大小不符（可能是恶意构造的压缩包），无法导入。请重新保存为 .xlsx 或 CSV 后再试";

/** Inflates one deflated entry, counting bytes and discarding them; stops past `limit`. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on("end", () => resolve(total));
    inflate.on("error", reject);
    inflate.end(data);
  });
}

/**
 * checkZipExpansion, then the real thing: every entry is inflated as a stream (nothing kept) and
 * must come out exactly as large as the central directory says, so an archive that understates
 * its content is refused before a parser inflates it into memory. Memory stays at a few chunks;
 * time is one extra pass over at most MAX_XLSX_UNCOMPRESSED_BYTES.
 */
export async function checkZipContent(bytes: Uint8Array): Promise<void> {
  const { directory } = checkZipExpansion(bytes);
  const broken = () =>
    new RosterFileError("Excel 文件已损坏或不完整，无法读取。请重新保存后再导入");
  for (const entry of directory) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw broken();
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw broken();
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new RosterFileError(BOMB_MESSAGE);
      continue;
    }
    if (entry.method !== 8) throw broken();
    let actual: number;
    try {
      actual = await inflatedSize(data, entry.size);
    } catch {
      throw broken();
    }
    if (actual !== entry.size) throw new RosterFileError(BOMB_MESSAGE);
  }
}
