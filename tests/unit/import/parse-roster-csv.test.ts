import { describe, expect, it } from "vitest";
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseRosterFile,
  type RosterParseResult,
} from "@/server/import/parse-roster";
import { bytesOf, GBK, HEADER_ZH, utf8, withBom } from "./helpers";

const file = (bytes: Uint8Array, fileName = "名册.csv") => parseRosterFile({ fileName, bytes });

function expectOk(result: RosterParseResult) {
  if (!result.ok) throw new Error("expected a valid file, got: " + JSON.stringify(result.issues));
  return result;
}
function expectIssues(result: RosterParseResult) {
  if (result.ok) throw new Error("expected issues, got a valid file");
  return result.issues;
}

const FULL_ROW =
  "T001,张三,男,B01,正式党员,教师,中层干部,书记、支委,正式党员,2010-07-01,2011-07-01,1985-03-02,13800138000";

describe("parseRosterFile: CSV", () => {
  it("reads a UTF-8 file with Chinese headers and maps labels to enum values", async () => {
    const result = expectOk(await file(utf8(`${HEADER_ZH}\n${FULL_ROW}\n`)));
    expect(result.format).toBe("csv");
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        data: {
          number: "T001",
          name: "张三",
          gender: "MALE",
          orgCode: "B01",
          status: "FULL",
          category: "TEACHER",
          cadreLevel: "MIDDLE_CADRE",
          positions: ["SECRETARY", "COMMITTEE_MEMBER"],
          developmentStage: "FULL",
          joinedAt: "2010-07-01",
          fullMemberAt: "2011-07-01",
          birthDate: "1985-03-02",
          phone: "13800138000",
        },
      },
    ]);
    expect(result.headers.orgCode).toBe("所在组织编码");
  });

  it("reads a UTF-8 file with a BOM (header not polluted by U+FEFF)", async () => {
    const result = expectOk(await file(withBom(utf8(`${HEADER_ZH}\r\n${FULL_ROW}\r\n`))));
    expect(result.rows).toHaveLength(1);
    expect(result.headers.number).toBe("党员编号");
  });

  it("reads a GBK file saved by Chinese Excel", async () => {
    const bytes = bytesOf(
      GBK.党员编号,
      ",",
      GBK.姓名,
      ",",
      GBK.性别,
      ",",
      GBK.所在组织编码,
      ",",
      GBK.党员状态,
      ",",
      GBK.人员类别,
      "\r\n",
      "T001,",
      GBK.张三,
      ",",
      GBK.男,
      ",B01,",
      GBK.正式党员,
      ",",
      GBK.教师,
      "\r\n",
      "S002,",
      GBK.李四,
      ",",
      GBK.女,
      ",B02,",
      GBK.预备党员,
      ",",
      GBK.学生,
      "\r\n",
    );
    const result = expectOk(await file(bytes));
    expect(
      result.rows.map((r) => [
        r.rowNumber,
        r.data.number,
        r.data.name,
        r.data.gender,
        r.data.status,
        r.data.category,
      ]),
    ).toEqual([
      [2, "T001", "张三", "MALE", "FULL", "TEACHER"],
      [3, "S002", "李四", "FEMALE", "PROBATIONARY", "STUDENT"],
    ]);
    // Columns absent from the file stay undefined: an update keeps what the record holds.
    expect(result.rows[0]!.data.phone).toBeUndefined();
    expect(result.rows[0]!.data.positions).toBeUndefined();
  });

  it("accepts the English header keys, in any order, and English enum codes", async () => {
    const csv =
      "name,number,status,category,gender,orgCode,positions\n张三,T001,FULL,STAFF,FEMALE,B01,COUNSELOR;PROFESSOR\n";
    const result = expectOk(await file(utf8(csv)));
    expect(result.rows[0]!.data).toMatchObject({
      number: "T001",
      gender: "FEMALE",
      category: "STAFF",
      positions: ["COUNSELOR", "PROFESSOR"],
    });
  });

  it("accepts header decorations and label variants", async () => {
    const csv =
      "党员编号*,姓名 *,性别,所在组织编码（必填）,党员状态,人员类别,干部级别,职务\nT001,张三,男性,B01,预备,离休,处级,辅导员，教授\n";
    const result = expectOk(await file(utf8(csv)));
    expect(result.rows[0]!.data).toMatchObject({
      gender: "MALE",
      status: "PROBATIONARY",
      category: "RETIRED",
      cadreLevel: "MIDDLE_CADRE",
      positions: ["COUNSELOR", "PROFESSOR"],
      developmentStage: "PROBATIONARY",
    });
  });

  it("normalises the date spellings spreadsheets produce", async () => {
    const csv = `${HEADER_ZH}\nT001,张三,男,B01,正式党员,教师,,,,2010/7/1,2011年7月1日,19850302,\n`;
    const row = expectOk(await file(utf8(csv))).rows[0]!.data;
    expect([row.joinedAt, row.fullMemberAt, row.birthDate]).toEqual([
      "2010-07-01",
      "2011-07-01",
      "1985-03-02",
    ]);
    // Present but empty cells clear the field.
    expect(row.phone).toBeNull();
    expect(row.positions).toEqual([]);
    expect(row.cadreLevel).toBe("NONE");
  });

  it("skips empty rows but keeps Excel's row numbers, and counts a multi-line cell as one row", async () => {
    const csv = `${HEADER_ZH}\n\n,,,,,,,,,,,,\n"T001",张三,男,B01,正式党员,教师,,"书记\n支委",,,,,\nT002,李四,X,B01,正式党员,教师,,,,,,,\n`;
    const issues = expectIssues(await file(utf8(csv)));
    expect(issues).toEqual([{ row: 5, column: "性别", reason: "无法识别“X”，性别应为：男、女" }]);
  });

  it("reports every bad cell with row number, the column's header text and the reason", async () => {
    const csv = [
      "党员编号,姓名,性别,所在组织编码,党员状态,人员类别,干部级别,职务,入党日期,转正日期,手机号码",
      "T001,张三,男,B01,正式党员,教师,,,2010-07-01,2011-07-01,13800138000",
      ",李四,女,B01,正式,学生,,,,,",
      "T003,王五,男,B01,预备党员,工人,副处,司机,2020-02-30,2021-01-01,abc",
      "T001,赵六,女,B01,正式党员,教师,,,2012-01-01,2011-01-01,",
    ].join("\n");
    const issues = expectIssues(await file(utf8(csv)));
    expect(issues).toEqual([
      { row: 3, column: "党员编号", reason: "请填写党员编号" },
      {
        row: 4,
        column: "人员类别",
        reason: "无法识别“工人”，人员类别应为：教师、职工、学生、离退休",
      },
      {
        row: 4,
        column: "干部级别",
        reason: "无法识别“副处”，干部级别应为：校级领导、中层干部、无",
      },
      { row: 4, column: "职务", reason: expect.stringContaining("无法识别职务“司机”") },
      { row: 4, column: "入党日期", reason: "不是有效的日期（收到“2020-02-30”）" },
      { row: 4, column: "手机号码", reason: expect.stringContaining("电话号码") },
      { row: 5, column: "转正日期", reason: "转正日期不能早于入党日期" },
    ]);
  });

  it("reports a number used twice in the file, naming the first row", async () => {
    const csv = `${HEADER_ZH}\nT001,张三,男,B01,正式党员,教师\nT001,李四,女,B01,正式党员,教师\n`;
    expect(expectIssues(await file(utf8(csv)))).toEqual([
      { row: 3, column: "党员编号", reason: "党员编号“T001”与第 2 行重复" },
    ]);
  });

  it("reports cross-field contradictions on the field to fix", async () => {
    const csv = `${HEADER_ZH}\nT001,张三,男,B01,预备党员,学生,,,正式党员,2024-01-01,2025-01-01,,\n`;
    expect(expectIssues(await file(utf8(csv)))).toEqual([
      // In the file's column order.
      { row: 2, column: "发展阶段", reason: "发展阶段与党员状态不一致" },
      { row: 2, column: "转正日期", reason: "预备党员不应填写转正日期" },
    ]);
  });

  it("reports missing required columns and a duplicated column at the header row", async () => {
    const csv = "党员编号,姓名,姓名,所在组织编码,备注\nT001,张三,张三,B01,x\n";
    const issues = expectIssues(await file(utf8(csv)));
    expect(issues).toEqual([
      { row: 1, column: "姓名", reason: "与“姓名”是同一列，请删除其中一列" },
      { row: 1, column: "性别", reason: "缺少必填列“性别”" },
      { row: 1, column: "党员状态", reason: "缺少必填列“党员状态”" },
      { row: 1, column: "人员类别", reason: "缺少必填列“人员类别”" },
    ]);
  });

  it("lists unknown columns as ignored", async () => {
    const csv =
      "备注,党员编号,姓名,性别,所在组织编码,党员状态,人员类别\n随便,T001,张三,男,B01,正式党员,教师\n";
    const result = expectOk(await file(utf8(csv)));
    expect(result.ignoredColumns).toEqual(["备注"]);
  });

  it("finds the header below a title row and numbers rows from the top of the sheet", async () => {
    const csv = `XX学院党员名册,,,,,\n${HEADER_ZH}\nT001,张三,男,B01,正式党员,教师\nT002,李四,女,B01,正式党员,XX\n`;
    expect(expectIssues(await file(utf8(csv)))).toEqual([
      { row: 4, column: "人员类别", reason: expect.stringContaining("无法识别“XX”") },
    ]);
  });

  it("says so when there is no header row", async () => {
    const issues = expectIssues(await file(utf8("a,b,c\n1,2,3\n")));
    expect(issues).toEqual([
      { row: null, column: null, reason: expect.stringContaining("没有找到表头行") },
    ]);
  });

  it("says so when there are no data rows", async () => {
    expect(expectIssues(await file(withBom(utf8(`${HEADER_ZH}\r\n`))))).toEqual([
      { row: null, column: null, reason: "文件中没有数据行（表头下面是空的）" },
    ]);
  });

  it("refuses files over 5 MB before reading them", async () => {
    const issues = expectIssues(await file(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41)));
    expect(issues[0]!.reason).toMatch(/5 MB/);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} data rows`, async () => {
    const lines = [HEADER_ZH];
    for (let i = 0; i <= MAX_IMPORT_ROWS; i++) lines.push(`N${i},张三,男,B01,正式党员,教师`);
    const issues = expectIssues(await file(utf8(lines.join("\n"))));
    expect(issues).toEqual([
      { row: null, column: null, reason: expect.stringContaining(`${MAX_IMPORT_ROWS}`) },
    ]);
  });

  it("refuses a binary file that is neither CSV nor XLSX", async () => {
    const issues = expectIssues(
      await file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "roster.csv"),
    );
    expect(issues[0]!.reason).toMatch(/既不是 CSV 也不是 Excel/);
  });

  it("reports an unterminated quote with its row", async () => {
    const csv = `${HEADER_ZH}\nT001,"张三,男,B01,正式党员,教师\n`;
    const issues = expectIssues(await file(utf8(csv)));
    expect(issues.some((i) => i.row === 2 && /引号/.test(i.reason))).toBe(true);
  });
});
