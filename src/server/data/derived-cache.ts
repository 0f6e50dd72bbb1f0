import type { TenantTx } from "../tenant-tx";
import { tenantGeneration } from "../data-version";

/**
 * A small in-process cache of figures derived from a tenant's data (evaluations, rating sets),
 * valid while the tenant's data is unchanged. Every change leaves an audit event in its own
 * transaction, so the key holds the tenant's write generation in this process
 * (src/server/data-version.ts) and the time of its latest audit event in the database (changes made
 * through another app instance); an entry also expires after `ttlMs`. Values are shared between
 * requests and users: only cache what is computed before any per-reader narrowing, and never
 * mutate a value taken from it.
 */
/**
 * Off under vitest: test fixtures write straight into the database as a superuser, without the
 * audit events the key relies on, and then expect the next call to see their rows.
 */
const DISABLED = process.env.VITEST !== undefined;

export class DerivedCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  constructor(
    private readonly size = 3,
    private readonly ttlMs = 60_000,
  ) {}

  /** The key for `parts` in this tenant as the transaction sees it now (read before the data). */
  async key(tx: TenantTx, tenantId: string, ...parts: string[]): Promise<string> {
    const generation = tenantGeneration(tenantId);
    const [latest] = await tx.$queryRaw<{ at: string | null }[]>`
      SELECT max("at")::text AS "at" FROM "AuditEvent" WHERE "tenantId" = ${tenantId}::uuid`;
    return [tenantId, ...parts, String(generation), latest?.at ?? ""].join("|");
  }

  get(key: string): V | undefined {
    if (DISABLED) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    if (DISABLED) return;
    this.entries.delete(key);
    this.entries.set(key, { at: Date.now(), value });
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
