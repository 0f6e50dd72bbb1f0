import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkEvidenceFile, cleanFileName } from "@/server/evidence/check-evidence-file";
import { contentDisposition } from "@/server/evidence/content-disposition";
import { LocalDiskEvidenceStore } from "@/server/evidence/evidence-store";

const root = mkdtempSync(path.join(tmpdir(), "evidence-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The smallest valid PNG (1×1) and a PDF header.
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("evidence files", () => {
  it("accepts a PNG and a PDF by content, whatever their names", async () => {
    expect((await checkEvidenceFile(new File([PNG], "sign-in.pdf"))).mimeType).toBe("image/png");
    expect((await checkEvidenceFile(new File([PDF], "会议记录"))).mimeType).toBe("application/pdf");
  });

  it("refuses a script renamed to .jpg, an empty file and an oversized one, naming the field", async () => {
    const script = new File(["#!/bin/sh\nrm -rf /\n"], "photo.jpg", { type: "image/jpeg" });
    await expect(checkEvidenceFile(script, "files")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { files: [expect.stringContaining("不是支持的类型")] },
    });
    await expect(checkEvidenceFile(new File([], "empty.png"))).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.png");
    await expect(checkEvidenceFile(big)).rejects.toMatchObject({
      message: expect.stringContaining("10 MB"),
    });
  });

  it("cleans path traversal and bidi tricks out of names", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\x\\签到表.pdf")).toBe("签到表.pdf");
    expect(cleanFileName("invoice\u202egpj.exe")).toBe("invoicegpj.exe");
    expect(cleanFileName("")).toBe("file");
  });

  it("stores by content hash, once, and reads back the same bytes", async () => {
    const store = new LocalDiskEvidenceStore(root);
    const first = await store.put(PNG);
    const again = await store.put(PNG);
    expect(again).toEqual(first);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path.join(root, first.sha256.slice(0, 2), first.sha256))).toEqual(
      Buffer.from(PNG),
    );
    const stream = await store.open(first.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of stream!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(PNG));
    expect(await store.open("0".repeat(64))).toBeNull();
    expect(await store.open("../../etc/passwd")).toBeNull();
  });

  it("writes a Content-Disposition that keeps a Chinese name", () => {
    expect(contentDisposition("attachment", "签到表.pdf")).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8.pdf`,
    );
  });
});
