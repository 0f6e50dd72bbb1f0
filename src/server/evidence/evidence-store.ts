import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * Where evidence bytes live. Files are addressed by the SHA-256 of their content, so the same
 * photo uploaded twice is stored once and a stored file can never be swapped under a record.
 * The local-disk store is the default; an S3-compatible store implements the same interface.
 */
export interface EvidenceStore {
  /** Stores the bytes (idempotent) and returns their content hash. */
  put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }>;
  /** A stream of the stored bytes, or null when nothing is stored under that hash. */
  open(sha256: string): Promise<Readable | null>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export class LocalDiskEvidenceStore implements EvidenceStore {
  constructor(private readonly root: string) {}

  private locate(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error("not a sha256");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.locate(sha256);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under a valid hash.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, target);
    }
    return { sha256, sizeBytes: bytes.byteLength };
  }

  async open(sha256: string): Promise<Readable | null> {
    if (!SHA256.test(sha256)) return null;
    const file = this.locate(sha256);
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    return exists ? createReadStream(file) : null;
  }
}

let store: EvidenceStore | undefined;

/** The configured store: local disk under EVIDENCE_DIR (outside the web root). */
export function getEvidenceStore(): EvidenceStore {
  store ??= new LocalDiskEvidenceStore(
    path.resolve(/*turbopackIgnore: true*/ process.env.EVIDENCE_DIR ?? ".data/evidence"),
  );
  return store;
}
