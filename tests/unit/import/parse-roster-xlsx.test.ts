import { describe, expect, it } from "vitest";
import { parseRosterFile } from "@/server/import/parse-roster";
import { HEADER_ZH, xlsxOf } from "./helpers";

const HEADER = HEADER_ZH.split(",");
const parse = (bytes: Uint8Array) => parseRosterFile({ fileName: "名册.xlsx", bytes });

describe("parseRosterFile: XLSX", () => {
  it("reads typed cells: numbers as text, date cells as YYYY-MM-DD, rich text", async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow([
        2021001,
        { richText: [{ text: "张" }, { text: "三", font: { bold: true } }] },
        "男",
        "B01",
        "正式党员",
        "教师",
        "无",
        "书记,支委",
        "",
        new Date(Date.UTC(2010, 6, 1)),
        new Date(Date.UTC(2011, 6, 1)),
        new Date(Date.UTC(1985, 2, 2)),
        13800138000,
      ]);
    });
    const result = await parse(bytes);
    expect(result.ok && result.format).toBe("xlsx");
    expect(result.ok && result.rows[0]).toEqual({
      rowNumber: 2,
      data: {
        number: "2021001",
        name: "张三",
        gender: "MALE",
        orgCode: "B01",
        status: "FULL",
        category: "TEACHER",
        cadreLevel: "NONE",
        positions: ["SECRETARY", "COMMITTEE_MEMBER"],
        developmentStage: "FULL",
        joinedAt: "2010-07-01",
        fullMemberAt: "2011-07-01",
        birthDate: "1985-03-02",
        phone: "13800138000",
      },
    });
  });

  it("uses a formula's cached result", async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(["党员编号", "姓名", "性别", "所在组织编码", "党员状态", "人员类别"]);
      sheet.addRow([
        "T001",
        "张三",
        "男",
        { formula: 'CONCAT("B","01")', result: "B01" },
        "正式党员",
        "教师",
      ]);
    });
    const result = await parse(bytes);
    expect(result.ok && result.rows[0]!.data.orgCode).toBe("B01");
  });

  it("reports a formula without a saved result, and an error value, at their cells", async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(["党员编号", "姓名", "性别", "所在组织编码", "党员状态", "人员类别"]);
      sheet.addRow([
        "T001",
        "张三",
        "男",
        { formula: 'CONCAT("B","01")' } as never,
        "正式党员",
        "教师",
      ]);
      sheet.addRow([
        "T002",
        { formula: "VLOOKUP(A3,X!A:B,2,0)", result: { error: "#N/A" } } as never,
        "男",
        "B01",
        "正式党员",
        "教师",
      ]);
    });
    const result = await parse(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { row: 2, column: "所在组织编码", reason: expect.stringContaining("公式没有保存计算结果") },
      { row: 3, column: "姓名", reason: "公式的结果为错误值 #N/A" },
    ]);
  });

  it("repeats a vertically merged cell on every row it spans, and skips empty rows", async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(["党员编号", "姓名", "性别", "所在组织编码", "党员状态", "人员类别"]);
      sheet.addRow(["T001", "张三", "男", "B01", "正式党员", "教师"]);
      sheet.addRow(["T002", "李四", "女", null, "预备党员", "教师"]);
      sheet.addRow([]);
      sheet.addRow(["T003", "王五", "男", null, "正式党员", "教师"]);
      sheet.mergeCells("D2:D3");
      sheet.getCell("A6").value = "T004";
      sheet.getCell("B6").value = "赵六";
      sheet.getCell("C6").value = "女";
      sheet.getCell("D6").value = "B02";
      sheet.getCell("E6").value = "正式党员";
      sheet.getCell("F6").value = "学生";
    });
    const result = await parse(bytes);
    expect(result.ok).toBe(false);
    // Row 3 got B01 from the merge; row 5 has no organization; row 4 was empty and is skipped.
    expect(!result.ok && result.issues).toEqual([
      { row: 5, column: "所在组织编码", reason: "请填写所在组织编码" },
    ]);
  });

  it("does not copy a horizontally merged title into data columns, and finds the header below it", async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(["计算机学院党员名册"]);
      sheet.mergeCells("A1:F1");
      sheet.addRow(["党员编号", "姓名", "性别", "所在组织编码", "党员状态", "人员类别"]);
      sheet.addRow(["T001", "张三", "男", "B01", "正式党员", "教师"]);
    });
    const result = await parse(bytes);
    expect(result.ok && result.rows.map((r) => [r.rowNumber, r.data.number])).toEqual([
      [3, "T001"],
    ]);
  });

  it("uses the first visible sheet that has a header", async () => {
    const bytes = await xlsxOf((sheet, workbook) => {
      sheet.addRow(["说明：请在第二个工作表填写"]);
      const data = workbook.addWorksheet("数据");
      data.addRow(["党员编号", "姓名", "性别", "所在组织编码", "党员状态", "人员类别"]);
      data.addRow(["T001", "张三", "男", "B01", "正式党员", "教师"]);
    });
    const result = await parse(bytes);
    expect(result.ok && result.rows).toHaveLength(1);
  });

  it("refuses a zip that is not a workbook", async () => {
    // A zip with a single stored file "a.txt" (no workbook inside).
    const bytes = new Uint8Array([
      0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x3a, 0xb6, 0x35, 1, 0, 0, 0,
      1, 0, 0, 0, 5, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x41, 0x50, 0x4b, 0x01, 0x02, 0x14, 0,
      0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x3a, 0xb6, 0x35, 1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x05,
      0x06, 0, 0, 0, 0, 1, 0, 1, 0, 0x33, 0, 0, 0, 0x24, 0, 0, 0, 0, 0,
    ]);
    const result = await parse(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]!.reason).toMatch(/工作表|无法读取/);
  });
});
