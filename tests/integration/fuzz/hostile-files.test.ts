/**
 * Hostile files: malformed and oversized roster imports (CSV and XLSX), campaign-definition
 * imports, and evidence uploads that lie about what they are. Each must come back as a result
 * with a clear message (never a throw), write nothing when refused, and never exhaust memory:
 * the 100 MB file and the zip bombs are refused by size checks before anything is parsed.
 */
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importMembersAction } from "@/server/actions/members/import-members-action";
import { importCampaignDefinitionAction } from "@/server/actions/campaigns/import-campaign-definition-action";
import { addActivityEvidenceAction } from "@/server/actions/activities/add-activity-evidence-action";
import { GET as evidenceGet } from "../../../app/api/evidence/[id]/route";
import { form, signInAs } from "../../setup/action-context";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { ACTION_CASES, createFuzzTenants, createLazyCaseRows } from "../../fuzz/action-harness";
import { changedTables, closeChecksums, tenantChecksums } from "../../fuzz/tenant-checksums";
import { bombSheet, buildZip, workbookSkeleton } from "../../fuzz/zip-builder";
import { bytesOf, GBK, utf8, withBom, xlsxOf } from "../../unit/import/helpers";
import { PNG } from "../activities/helpers";

process.env.EVIDENCE_DIR ??= mkdtempSync(path.join(tmpdir(), "hostile-evidence-"));

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

let a: TenantFixture;
let admin: pg.Client;

beforeAll(async () => {
  [a] = await createFuzzTenants();
  admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
}, 120_000);

afterAll(async () => {
  await admin.end();
  await closeChecksums();
});

type Outcome = { ok: boolean; message?: string; data?: Record<string, unknown> };

/** Runs an action; a redirect counts as success. Throws only if the action threw otherwise. */
async function call(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return (await run()) as Outcome;
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") return { ok: true };
    throw error;
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Runs `fn`, sampling this process's resident memory every few ms; the highest rise in MB. */
async function rssRise(fn: () => Promise<void>): Promise<{ start: number; rise: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  try {
    await fn();
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  return { start: mb(start), rise: mb(peak - start) };
}

/** Sends a file; expects no throw, and returns the outcome with what changed in the database. */
async function sendAndDiff(run: () => Promise<unknown>) {
  const before = await tenantChecksums();
  const outcome = await call(run);
  const after = await tenantChecksums();
  return { outcome, changed: changedTables(before, after, a.tenantId) };
}

// ---------------------------------------------------------------------------------------------
// Roster import
// ---------------------------------------------------------------------------------------------

const HEADER = "党员编号,姓名,性别,所在组织编码,党员状态,人员类别";
const orgCode = () => `${a.slug}-b11`.toUpperCase();
const roster = (bytes: Uint8Array | string, name = "roster.csv", type = "text/csv") =>
  new File([(typeof bytes === "string" ? utf8(bytes) : bytes) as Uint8Array<ArrayBuffer>], name, {
    type,
  });
const importRoster = (file: File) => () => importMembersAction(undefined, form({ file }));

/** Refused: the import's error report (or a refusal) with a message, nothing written. */
async function expectRosterRefused(file: File, reason: RegExp) {
  const { outcome, changed } = await sendAndDiff(importRoster(file));
  expect(changed).toEqual([]);
  const issues = (outcome.data?.issues ?? []) as { reason: string }[];
  const text = outcome.ok ? issues.map((i) => i.reason).join(" | ") : (outcome.message ?? "");
  if (outcome.ok) expect(outcome.data?.status).toBe("rejected");
  expect(text).toMatch(reason);
}

async function storedMember(number: string) {
  const { rows } = await admin.query<{ name: string; number: string }>(
    `SELECT name, number FROM "Member" WHERE "tenantId" = $1 AND number = $2`,
    [a.tenantId, number],
  );
  return rows[0];
}

describe("roster import with hostile files", () => {
  beforeAll(async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
  });

  it("reads GBK (Chinese Excel's CSV) and UTF-8 with a BOM alike", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const gbk = bytesOf(
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
      "GBK-1,",
      GBK.张三,
      ",",
      GBK.男,
      `,${orgCode()},`,
      GBK.正式党员,
      ",",
      GBK.教师,
      "\r\n",
    );
    const r1 = await sendAndDiff(importRoster(roster(gbk)));
    expect(r1.outcome).toMatchObject({ ok: true, data: { status: "imported" } });
    expect(await storedMember("GBK-1")).toEqual({ name: "张三", number: "GBK-1" });

    const bom = withBom(utf8(`${HEADER}\nBOM-1,李四,女,${orgCode()},预备党员,学生\n`));
    const r2 = await sendAndDiff(importRoster(roster(bom)));
    expect(r2.outcome).toMatchObject({ ok: true, data: { status: "imported" } });
    expect(await storedMember("BOM-1")).toEqual({ name: "李四", number: "BOM-1" });
  });

  it("stores formula-like and markup text as text, and refuses control and bidi characters", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const formula = `${HEADER}\nF-1,"=HYPERLINK(""http://evil.example"",""x"")",男,${orgCode()},正式党员,教师\nF-2,<script>alert(1)</script>,男,${orgCode()},正式党员,教师\n`;
    const r = await sendAndDiff(importRoster(roster(formula)));
    expect(r.outcome).toMatchObject({ ok: true, data: { status: "imported" } });
    expect((await storedMember("F-1"))?.name).toBe('=HYPERLINK("http://evil.example","x")');
    expect((await storedMember("F-2"))?.name).toBe("<script>alert(1)</script>");

    await expectRosterRefused(
      roster(`${HEADER}\nC-1,\u202e名字,男,${orgCode()},正式党员,教师\n`),
      /文字方向控制字符/,
    );
    await expectRosterRefused(
      roster(`${HEADER}\nC-2,名\u0007字,男,${orgCode()},正式党员,教师\n`),
      /控制字符/,
    );
  });

  it("refuses malformed CSV with a row/column report and writes nothing", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    await expectRosterRefused(
      roster(`${HEADER}\nQ-1,"未闭合的引号,男,${orgCode()},正式党员,教师\n`),
      /.+/,
    );
    await expectRosterRefused(roster(`${HEADER}\n`), /.+/);
    await expectRosterRefused(roster("完全不是名册\n1,2,3\n"), /.+/);
    await expectRosterRefused(
      roster(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])),
      /不是 CSV|格式/,
    );
    await expectRosterRefused(roster(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41])), /编码/);
    await expectRosterRefused(
      roster(`${HEADER}\nR-1,'; DROP TABLE "Member"; --,男,${orgCode()},正式党员,教师,多余,列\n`),
      /.+/,
    ).catch(async () => {
      // Extra cells may be ignored: then the row is imported with the SQL text stored as text.
      expect((await storedMember("R-1"))?.name).toBe(`'; DROP TABLE "Member"; --`);
    });
    const members = await admin.query(`SELECT count(*)::int AS n FROM "Member"`);
    expect(members.rows[0].n).toBeGreaterThan(0);
  });

  it("reads merged cells and cached formula results, and reports formulas without one", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const merged = await xlsxOf((sheet) => {
      sheet.addRow(HEADER.split(","));
      sheet.addRow(["M-1", "王五", "男", orgCode(), "正式党员", "教师"]);
      sheet.addRow(["M-2", "赵六", "女", "", "正式党员", "教师"]);
      sheet.mergeCells("D2:D3");
      sheet.addRow([
        "M-3",
        { formula: 'CONCAT("钱","七")', result: "钱七" },
        "男",
        orgCode(),
        "正式党员",
        "教师",
      ]);
    });
    const r = await sendAndDiff(
      importRoster(
        roster(
          merged,
          "roster.xlsx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
      ),
    );
    expect(r.outcome).toMatchObject({ ok: true, data: { status: "imported" } });
    expect((await storedMember("M-2"))?.name).toBe("赵六");
    expect((await storedMember("M-3"))?.name).toBe("钱七");

    const noResult = await xlsxOf((sheet) => {
      sheet.addRow(HEADER.split(","));
      sheet.addRow(["M-4", { formula: 'CONCAT("孙","八")' }, "男", orgCode(), "正式党员", "教师"]);
    });
    await expectRosterRefused(roster(noResult, "roster.xlsx"), /公式没有保存计算结果/);
  });

  it("refuses a 100 MB file by its size, before reading it", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const big = new File([new Uint8Array(100 * 1024 * 1024)], "名册.csv", { type: "text/csv" });
    const { start, rise } = await rssRise(() => expectRosterRefused(big, /超过 5 MB/));
    console.log(`100 MB roster file: RSS ${start} MB at the call, rose by ${rise} MB during it`);
    expect(rise).toBeLessThan(50);
  });

  it("refuses XLSX zip bombs before parsing: declared too large, or understating their content", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const skeleton = await workbookSkeleton();
    const sheet = await bombSheet(300); // 300 MB of XML in about 300 KB
    const honest = buildZip([...skeleton, sheet]);
    expect(honest.byteLength).toBeLessThan(5 * 1024 * 1024);
    const lying = buildZip([...skeleton, { ...sheet, declaredSize: 4096 }]);
    const first = await rssRise(() =>
      expectRosterRefused(roster(honest, "bomb.xlsx"), /解压后过大/),
    );
    const second = await rssRise(() =>
      expectRosterRefused(roster(lying, "bomb.xlsx"), /声明的大小不符/),
    );
    console.log(
      `zip bombs (${(honest.byteLength / 1024).toFixed(0)} KB → 300 MB): RSS rose by ${first.rise} MB (declared too large) and ${second.rise} MB (understated), from ${first.start} MB`,
    );
    // Parsing 300 MB of XML would take gigabytes; the guard streams it in small chunks.
    expect(first.rise).toBeLessThan(100);
    expect(second.rise).toBeLessThan(100);
  });

  it("takes a path-traversal file name as a plain name", async () => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const file = roster(`${HEADER}\nP-1,路径,男,${orgCode()},正式党员,教师\n`, "../../etc/passwd");
    const r = await sendAndDiff(importRoster(file));
    expect(r.outcome).toMatchObject({ ok: true, data: { status: "imported" } });
  });
});

// ---------------------------------------------------------------------------------------------
// Campaign-definition import
// ---------------------------------------------------------------------------------------------

describe("campaign-definition import with hostile JSON", () => {
  const importCase = ACTION_CASES.find((c) => c.name === "importCampaignDefinitionAction")!;
  const send = (fields: Record<string, string | Blob>) => () =>
    importCampaignDefinitionAction(undefined, form({ ...importCase.own(a), ...fields }));

  it.each([
    ["malformed JSON", { json: '{"campaign": {' }],
    ["not an object", { json: "[1,2,3]" }],
    [
      "prototype pollution",
      { json: '{"__proto__":{"polluted":true},"campaign":{"constructor":{"prototype":{"x":1}}}}' },
    ],
    ["deep nesting", { json: `${"[".repeat(100_000)}${"]".repeat(100_000)}` }],
    ["NUL in a quota name", { json: "<own JSON with NUL>" }],
    [
      "a 100 MB file",
      { file: new File([new Uint8Array(100 * 1024 * 1024).fill(0x20)], "campaign.json") },
    ],
    ["an 8 MB JSON text", { json: `{"x":"${"a".repeat(8 * 1024 * 1024)}"}` }],
  ])("%s: refused with a message, nothing written", async (_name, fields) => {
    await signInAs({ tenantId: a.tenantId, userId: a.users.admin! });
    const resolved = { ...(fields as Record<string, string | Blob>) };
    if (resolved.json === "<own JSON with NUL>")
      resolved.json = String(importCase.own(a).json).replace("集中学习", "集中\\u0000学习");
    const { outcome, changed } = await sendAndDiff(send(resolved));
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBeTruthy();
    expect(changed).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Evidence uploads
// ---------------------------------------------------------------------------------------------

describe("evidence uploads that lie about what they are", () => {
  const evidenceCase = ACTION_CASES.find((c) => c.name === "addActivityEvidenceAction")!;
  async function upload(files: File[]) {
    await createLazyCaseRows([a, a]);
    const fields = evidenceCase.own(a);
    const { rows } = await admin.query<{ version: number }>(
      `SELECT version FROM "Activity" WHERE id = $1`,
      [fields.id],
    );
    await signInAs({ tenantId: a.tenantId, userId: a.users.secretary! });
    const fd = form({ id: fields.id, version: rows[0]!.version });
    for (const file of files) fd.append("files", file);
    return sendAndDiff(() => addActivityEvidenceAction(undefined, fd));
  }

  it.each([
    [
      "an .exe renamed .pdf, sent as application/pdf",
      new File(
        [
          new Uint8Array([
            0x4d,
            0x5a,
            0x90,
            0,
            3,
            0,
            0,
            0,
            4,
            0,
            0,
            0,
            0xff,
            0xff,
            0,
            0,
            ...new Array(64).fill(0),
          ]),
        ],
        "会议纪要.pdf",
        { type: "application/pdf" },
      ),
    ],
    [
      "HTML sent as image/png",
      new File(["<html><script>alert(document.cookie)</script></html>"], "photo.png", {
        type: "image/png",
      }),
    ],
    [
      "SVG with script sent as image/png",
      new File(
        ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
        "photo.png",
        { type: "image/png" },
      ),
    ],
    ["an empty file", new File([], "empty.jpg", { type: "image/jpeg" })],
    [
      "an 11 MB file",
      new File([new Uint8Array(11 * 1024 * 1024)], "big.jpg", { type: "image/jpeg" }),
    ],
  ])("%s: refused with a message, nothing written", async (_name, file) => {
    const { outcome, changed } = await upload([file]);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/.+/);
    expect(changed).toEqual([]);
  });

  it("stores a real photo named ../../etc/passwd or with a bidi override under its content hash, and serves it safely", async () => {
    const { outcome } = await upload([
      new File([PNG], "../../etc/passwd", { type: "application/octet-stream" }),
      new File([PNG], "\u202egnp.exe", { type: "image/png" }),
    ]);
    expect(outcome.ok).toBe(true);
    const sha = createHash("sha256").update(PNG).digest("hex");
    const { rows } = await admin.query<{
      id: string;
      originalName: string;
      sha256: string;
      mimeType: string;
    }>(
      `SELECT id, "originalName", sha256, "mimeType" FROM "Evidence" WHERE "tenantId" = $1 AND "originalName" IN ('passwd', 'gnp.exe')`,
      [a.tenantId],
    );
    expect(rows.map((r) => r.originalName).sort()).toEqual(["gnp.exe", "passwd"]);
    for (const row of rows) {
      expect(row.sha256).toBe(sha);
      expect(row.mimeType).toBe("image/png");
      const response = await evidenceGet(new Request(`http://127.0.0.1/api/evidence/${row.id}`), {
        params: Promise.resolve({ id: row.id }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toMatch(/sandbox/);
      expect(response.headers.get("content-disposition")).not.toMatch(/[/\\]|\u202e/);
      await response.arrayBuffer();
    }
  });
});
