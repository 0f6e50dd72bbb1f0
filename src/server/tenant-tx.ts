import type { Prisma } from "@/generated/prisma/client";
import { afterTenantCommit } from "./data-version";
import { getDb } from "./db";

/** A transaction whose every statement is confined to one tenant by row-level security. */
export type TenantTx = Prisma.TransactionClient;

/**
 * Runs `fn` in one transaction with `app.tenant_id` set for that transaction only
 * (set_config(..., true)), so a pooled connection never carries a tenant into the next request.
 * Data functions still put tenantId in every where clause: RLS is the second lock, not the only one.
 */
export async function withTenant<T>(
  tenantId: string,
  fn: (tx: TenantTx) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const db = await getDb();
  let txRef: object | undefined;
  const result = await db.$transaction(
    async (tx) => {
      txRef = tx;
      // JIT compilation off for the transaction: the planner turns it on for the large scans of a
      // big tenant (an evaluation's input, a list's count) and then spends longer compiling than
      // the query runs (a second of a 3.5 s query on the large test university). Same round trip.
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('jit', 'off', true)`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 15_000, maxWait: 10_000 },
  );
  // Committed: a transaction that recorded an audit event changed the tenant's data.
  if (txRef) afterTenantCommit(tenantId, txRef);
  return result;
}

/** Resolves a school code to its tenant id without exposing any other tenant data. */
export async function findTenantIdBySlug(slug: string): Promise<string | null> {
  const db = await getDb();
  const rows = await db.$queryRaw<
    { id: string | null }[]
  >`SELECT app_tenant_id_for_slug(${slug}) AS id`;
  return rows[0]?.id ?? null;
}
