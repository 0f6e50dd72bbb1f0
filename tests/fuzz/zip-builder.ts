import { createDeflateRaw, crc32 } from "node:zlib";

/**
 * Builds zip archives by hand, so that tests can make workbooks a normal library refuses to
 * write: one whose sheet inflates to hundreds of megabytes (a "zip bomb"), and one whose central
 * directory understates what its entries inflate to.
 */
export type ZipEntry = {
  name: string;
  /** Deflated bytes and the true size and CRC of what they inflate to. */
  deflated: Uint8Array;
  size: number;
  crc: number;
  /** The uncompressed size to declare (default: the true one). */
  declaredSize?: number;
};

/** Deflates `chunks` (generated lazily, so a 300 MB payload never sits in memory). */
export async function deflateChunks(chunks: Iterable<Uint8Array>): Promise<Omit<ZipEntry, "name">> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    size += chunk.byteLength;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { deflated: new Uint8Array(Buffer.concat(out)), size, crc };
}

export const deflateText = (text: string) => deflateChunks([new TextEncoder().encode(text)]);

export function buildZip(entries: ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const declared = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(entry.deflated));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(entry.crc >>> 0, 16);
    dir.writeUInt32LE(entry.deflated.byteLength, 20);
    dir.writeUInt32LE(declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + entry.deflated.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a one-sheet workbook other than the sheet itself. */
export async function workbookSkeleton(): Promise<ZipEntry[]> {
  const files: Record<string, string> = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  };
  const out: ZipEntry[] = [];
  for (const [name, text] of Object.entries(files))
    out.push({ name, ...(await deflateText(text)) });
  return out;
}

/** A sheet whose cell A1 holds `megabytes` MB of the letter A, generated in 1 MB chunks. */
export async function bombSheet(megabytes: number): Promise<ZipEntry> {
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(1024 * 1024).fill(0x41);
  function* chunks() {
    yield encoder.encode(
      `${XML}<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
    );
    for (let i = 0; i < megabytes; i++) yield chunk;
    yield encoder.encode("</t></is></c></row></sheetData></worksheet>");
  }
  return { name: "xl/worksheets/sheet1.xml", ...(await deflateChunks(chunks())) };
}
