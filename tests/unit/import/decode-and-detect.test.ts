import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "@/server/import/decode-text";
import { detectRosterFormat } from "@/server/import/detect-format";
import { checkZipExpansion } from "@/server/import/zip-guard";
import { RosterFileError } from "@/server/import/types";
import { bytesOf, GBK, utf8, withBom, xlsxOf } from "./helpers";

describe("decodeCsvBytes", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decodeCsvBytes(utf8("姓名\n张三"))).toEqual({
      text: "姓名\n张三",
      encoding: "utf-8",
      bom: false,
    });
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const result = decodeCsvBytes(withBom(utf8("姓名\n张三")));
    expect(result).toEqual({ text: "姓名\n张三", encoding: "utf-8", bom: true });
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("falls back to GBK for bytes that are not UTF-8 (CSV saved by Chinese Excel/WPS)", () => {
    // "张三" in GBK is D5 C5 C8 FD: not a valid UTF-8 sequence.
    const result = decodeCsvBytes(bytesOf(GBK.姓名, ",", GBK.性别, "\r\n", GBK.张三, ",", GBK.男));
    expect(result).toEqual({ text: "姓名,性别\r\n张三,男", encoding: "gbk", bom: false });
  });

  it("reads UTF-16 LE with its BOM (Excel's Unicode text)", () => {
    const text = "姓名\t性别";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: "utf-16le", bom: true });
  });

  it("refuses a UTF-8 BOM followed by bytes that are not UTF-8", () => {
    expect(() => decodeCsvBytes(withBom(new Uint8Array(GBK.张三)))).toThrow(RosterFileError);
  });

  it("refuses bytes that are neither UTF-8 nor GBK", () => {
    expect(() => decodeCsvBytes(new Uint8Array([0x41, 0x81, 0x20, 0x42]))).toThrow(/编码/);
    expect(() => decodeCsvBytes(new Uint8Array([0x41, 0xff, 0xff, 0x42]))).toThrow(/编码/);
  });
});

describe("detectRosterFormat", () => {
  it("recognises XLSX by the zip signature, whatever the file is called", async () => {
    expect(detectRosterFormat(await xlsxOf((s) => s.addRow(["党员编号"])))).toBe("xlsx");
  });

  it("treats text as CSV", () => {
    expect(detectRosterFormat(utf8("党员编号,姓名"))).toBe("csv");
    expect(detectRosterFormat(bytesOf(GBK.党员编号))).toBe("csv");
  });

  it.each([
    ["an empty file", new Uint8Array(), /空/],
    [
      "an old .xls (OLE2) file",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /\.xls/,
    ],
    ["a PDF", utf8("%PDF-1.7\n..."), /PDF/],
    [
      "a PNG image",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /既不是 CSV 也不是 Excel/,
    ],
  ])("refuses %s with a clear message", (_label, bytes, message) => {
    expect(() => detectRosterFormat(bytes)).toThrow(message);
  });
});

describe("checkZipExpansion", () => {
  it("accepts a normal workbook", async () => {
    const bytes = await xlsxOf((s) => s.addRow(["党员编号", "姓名"]));
    const { entries, uncompressedBytes } = checkZipExpansion(bytes);
    expect(entries).toBeGreaterThan(3);
    expect(uncompressedBytes).toBeGreaterThan(0);
  });

  it("refuses a zip whose declared content exceeds the limit", async () => {
    const bytes = await xlsxOf((s) => s.addRow(["党员编号"]));
    // Rewrite the first central-directory entry's uncompressed size to 200 MB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const directory = view.getUint32(eocd + 16, true);
    view.setUint32(directory + 24, 200 * 1024 * 1024, true);
    expect(() => checkZipExpansion(bytes)).toThrow(/过大/);
  });

  it("refuses a truncated archive", async () => {
    const bytes = await xlsxOf((s) => s.addRow(["党员编号"]));
    expect(() => checkZipExpansion(bytes.subarray(0, bytes.length - 30))).toThrow(/损坏/);
  });
});
