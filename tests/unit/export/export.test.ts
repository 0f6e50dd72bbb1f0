import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, toCsv, toCsvBytes } from "@/lib/export/csv";
import { attachmentDisposition, safeFileName } from "@/lib/export/disposition";
import { neutralizeFormula, type ExportTable } from "@/lib/export/table";
import { readXlsxRows, toXlsx } from "@/lib/export/xlsx";

const table: ExportTable = {
  sheetName: "逐级汇总",
  columns: [
    { header: "组织" },
    { header: "考核对象", kind: "integer" },
    { header: "达标率(%)", kind: "percent" },
    { header: "原因" },
  ],
  rows: [
    ["计算机科学与技术学院党委", 12, 83.3, "完成 6/10 次，落后进度 2 次"],
    ['含"引号",逗号', 0, null, "第一行\n第二行"],
    ['=HYPERLINK("http://evil","点我")', 3, 0, "+SUM(A1:A2)"],
    ["-2+3", 1, 100, "@cmd"],
    ["\tTAB", 2, 50, "\rCR"],
  ],
};

describe("CSV writer", () => {
  const text = toCsv(table);

  it("starts with the UTF-8 byte order mark and ends every line with CRLF", () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const bytes = toCsvBytes(table);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith("\r\n")).toBe(true);
    // Every line break outside quoted cells is CRLF: the embedded "\n" stays inside its quotes.
    const outside = text.replace(/"(?:[^"]|"")*"/g, "");
    expect(outside.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(outside.split("\r\n").length - 1).toBe(table.rows.length + 1);
  });

  it("quotes every cell and doubles quotes inside them", () => {
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe('"组织","考核对象","达标率(%)","原因"');
    expect(lines[1]).toBe('"计算机科学与技术学院党委","12","83.3","完成 6/10 次，落后进度 2 次"');
    expect(text).toContain('"含""引号"",逗号","0","","第一行\n第二行"');
  });

  it("prefixes text starting with = + - @ tab or CR with a single quote, and leaves numbers alone", () => {
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(text).toContain(`"'+SUM(A1:A2)"`);
    expect(text).toContain(`"'-2+3"`);
    expect(text).toContain(`"'@cmd"`);
    expect(text).toContain(`"'\tTAB"`);
    expect(text).toContain(`"'\rCR"`);
    expect(csvCell(-3)).toBe('"-3"');
    expect(neutralizeFormula("党支部 = 好")).toBe("党支部 = 好");
    expect(neutralizeFormula("")).toBe("");
  });
});

describe("XLSX writer", () => {
  it("opens with exceljs and holds the same rows as the CSV, numbers as numbers", async () => {
    const bytes = await toXlsx([table], {
      creator: "测试",
      about: {
        sheetName: "说明",
        lines: [
          ["活动", "三创六进"],
          ["公式", "=1+1"],
        ],
      },
    });
    expect(bytes.byteLength).toBeGreaterThan(1000);
    const sheets = await readXlsxRows(bytes);
    expect([...sheets.keys()]).toEqual(["逐级汇总", "说明"]);
    const rows = sheets.get("逐级汇总")!;
    expect(rows[0]).toEqual(["组织", "考核对象", "达标率(%)", "原因"]);
    expect(rows[1]).toEqual(["计算机科学与技术学院党委", 12, 83.3, "完成 6/10 次，落后进度 2 次"]);
    expect(rows[3]![0]).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(rows[3]![3]).toBe("'+SUM(A1:A2)");
    expect(rows[2]![2]).toBeNull();
    expect(sheets.get("说明")![1]).toEqual(["公式", "'=1+1"]);

    // The same cells as the CSV, parsed back (XML turns a carriage return into a line feed).
    const lf = (s: string) => s.replace(/\r/g, "\n");
    const csvRows = parseCsv(toCsv(table)).map((r) => r.map(lf));
    expect(rows.map((r) => r.map((c) => lf(c === null ? "" : String(c))))).toEqual(csvRows);
  });

  it("cleans and shortens sheet names Excel would refuse", async () => {
    const bytes = await toXlsx([
      { ...table, sheetName: "a/b:c*d?e[f]g\\h 一个非常非常非常非常非常非常非常非常长的名字" },
      { ...table, sheetName: "a/b:c*d?e[f]g\\h 一个非常非常非常非常非常非常非常非常长的名字" },
    ]);
    const names = [...(await readXlsxRows(bytes)).keys()];
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names).size).toBe(2);
  });
});

describe("Content-Disposition", () => {
  it("carries an ASCII fallback and the UTF-8 name", () => {
    const header = attachmentDisposition(
      "dashboard-rollup-2026-11-21.csv",
      "数据看板-逐级汇总-“三创六进”(2026).csv",
    );
    expect(header).toMatch(
      /^attachment; filename="dashboard-rollup-2026-11-21\.csv"; filename\*=UTF-8''/,
    );
    const encoded = header.split("UTF-8''")[1]!;
    expect(encoded).not.toMatch(/[()'*!\s"]/);
    expect(decodeURIComponent(encoded)).toBe("数据看板-逐级汇总-“三创六进”(2026).csv");
    expect(attachmentDisposition('a"b;c\u4e2d.csv', "x")).toContain('filename="a_b_c_.csv"');
    expect(safeFileName('a/b:c*?"<>|d')).toBe("a_b_c______d");
  });
});

/** RFC 4180 reader for the checks above (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}
