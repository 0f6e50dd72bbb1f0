import { describe, expect, it } from "vitest";
import { checkZipContent } from "@/server/import/zip-guard";
import { bombSheet, buildZip, deflateText, workbookSkeleton } from "../../fuzz/zip-builder";
import { xlsxOf } from "./helpers";

describe("checkZipContent", () => {
  it("passes a real workbook", async () => {
    const bytes = await xlsxOf((sheet) => sheet.addRow(["党员编号", "姓名"]));
    await expect(checkZipContent(bytes)).resolves.toBeUndefined();
  });

  it("refuses an archive whose entry inflates to more than its directory declares", async () => {
    // 20 MB of XML declared as 4 KB: the size check alone would let it through to the parser.
    const sheet = await bombSheet(20);
    const bytes = buildZip([...(await workbookSkeleton()), { ...sheet, declaredSize: 4096 }]);
    await expect(checkZipContent(bytes)).rejects.toThrow(/声明的大小不符/);
  });

  it("refuses an archive whose entry inflates to less than declared", async () => {
    const entry = await deflateText("<x/>");
    const bytes = buildZip([{ name: "a.xml", ...entry, declaredSize: entry.size + 10 }]);
    await expect(checkZipContent(bytes)).rejects.toThrow(/声明的大小不符/);
  });

  it("refuses an honest bomb by its declared size, before inflating anything", async () => {
    const bytes = buildZip([...(await workbookSkeleton()), await bombSheet(120)]);
    await expect(checkZipContent(bytes)).rejects.toThrow(/解压后过大/);
  });

  it("reports corrupt deflate data as a damaged file", async () => {
    const entry = await deflateText("<x>hello</x>");
    const garbage = new Uint8Array(entry.deflated.length).fill(0xff);
    const bytes = buildZip([{ name: "a.xml", ...entry, deflated: garbage }]);
    await expect(checkZipContent(bytes)).rejects.toThrow(/损坏|不符/);
  });
});
