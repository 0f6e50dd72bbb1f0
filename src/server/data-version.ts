/**
 * A per-tenant generation number, raised after every committed transaction that recorded an audit
 * event. Every change leaves an audit event in its own transaction, so "no audit event committed
 * since" means "nothing changed since": caches of derived figures (the dashboard's evaluations) key
 * on it. It is per process; with several app instances a cache also keys on the database's
 * latest audit time and expires after a minute (src/server/data/dashboard/evaluation-cache.ts).
 */
const writers = new WeakSet<object>();
const generations = new Map<string, number>();

/** Called by recordAuditEvent(s): this transaction changes its tenant's data. */
export function noteTenantWrite(tx: object): void {
  writers.add(tx);
}

/** Called by withTenant after the transaction committed. */
export function afterTenantCommit(tenantId: string, tx: object): void {
  if (writers.has(tx)) generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
}

export function tenantGeneration(tenantId: string): number {
  return generations.get(tenantId) ?? 0;
}
