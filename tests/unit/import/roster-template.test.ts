import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parseRosterFile } from "@/server/import/parse-roster";
import { ROSTER_COLUMNS } from "@/server/import/roster-columns";
import { buildRosterTemplateCsv, buildRosterTemplateXlsx } from "@/server/import/roster-template";

describe("roster templates", () => {
  it("CSV: UTF-8 with a BOM and the Chinese header row", () => {
    const bytes = buildRosterTemplateCsv("zh-CN");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      ROSTER_COLUMNS.map((c) => c.header).join(",") + "\r\n",
    );
  });

  it("CSV: a filled-in template imports", async () => {
    const template = new TextDecoder().decode(buildRosterTemplateCsv("en"));
    const bytes = new TextEncoder().encode(
      "\uFEFF" + template + "T001,张三,MALE,B01,FULL,TEACHER,NONE,,,,,,,\r\n",
    );
    const result = await parseRosterFile({ fileName: "t.csv", bytes });
    expect(result.ok && result.rows.map((r) => r.data.number)).toEqual(["T001"]);
  });

  it("XLSX: header row, drop-down lists, an instructions sheet; a filled-in copy imports", async () => {
    const bytes = await buildRosterTemplateXlsx("zh-CN");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const [data, help] = workbook.worksheets;
    expect(data!.getRow(1).values).toEqual([undefined, ...ROSTER_COLUMNS.map((c) => c.header)]);
    expect(data!.getCell("C2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"男,女"'],
    });
    expect(help!.name).toBe("填写说明");

    data!.getRow(2).values = ["T001", "张三", "男", "B01", "正式党员", "教师"];
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await parseRosterFile({ fileName: "t.xlsx", bytes: filled });
    expect(result.ok && result.rows.map((r) => [r.rowNumber, r.data.number])).toEqual([
      [2, "T001"],
    ]);
  });
});
