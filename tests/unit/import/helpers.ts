import ExcelJS from "exceljs";

export const HEADER_ZH =
  "党员编号,姓名,性别,所在组织编码,党员状态,人员类别,干部级别,职务,发展阶段,入党日期,转正日期,出生日期,手机";

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

/** Concatenates ASCII strings and hand-made byte arrays (GBK text) into one file. */
export function bytesOf(...parts: (string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === "string" ? utf8(part) : part));
  return new Uint8Array(out);
}

/** GBK bytes of a few words, hard-coded (TextEncoder only writes UTF-8). */
export const GBK = {
  张三: [0xd5, 0xc5, 0xc8, 0xfd],
  李四: [0xc0, 0xee, 0xcb, 0xc4],
  男: [0xc4, 0xd0],
  女: [0xc5, 0xae],
  正式党员: [0xd5, 0xfd, 0xca, 0xbd, 0xb5, 0xb3, 0xd4, 0xb1],
  预备党员: [0xd4, 0xa4, 0xb1, 0xb8, 0xb5, 0xb3, 0xd4, 0xb1],
  教师: [0xbd, 0xcc, 0xca, 0xa6],
  学生: [0xd1, 0xa7, 0xc9, 0xfa],
  党员编号: [0xb5, 0xb3, 0xd4, 0xb1, 0xb1, 0xe0, 0xba, 0xc5],
  姓名: [0xd0, 0xd5, 0xc3, 0xfb],
  性别: [0xd0, 0xd4, 0xb1, 0xf0],
  所在组织编码: [0xcb, 0xf9, 0xd4, 0xda, 0xd7, 0xe9, 0xd6, 0xaf, 0xb1, 0xe0, 0xc2, 0xeb],
  党员状态: [0xb5, 0xb3, 0xd4, 0xb1, 0xd7, 0xb4, 0xcc, 0xac],
  人员类别: [0xc8, 0xcb, 0xd4, 0xb1, 0xc0, 0xe0, 0xb1, 0xf0],
} as const;

/** Builds an XLSX file in memory; `build` fills the first sheet. */
export async function xlsxOf(
  build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名册");
  build(sheet, workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
