import type { Actor } from "./actor";
import { isWithinSubtree } from "./scope";
import type { TenantTx } from "../tenant-tx";

/**
 * The organizations (open or closed) in the subtrees of `roots`, for filtering Activity by
 * `orgId IN (…)` (an index scan) instead of joining every record to its organization to test
 * the path: null when the roots hold every root organization of the university, i.e. every
 * organization (then the tenant filter alone is the same filter, and the list reads the
 * university's records straight along an index).
 */
export async function orgIdsWithin(
  tx: TenantTx,
  actor: Actor,
  roots: readonly string[],
): Promise<string[] | null> {
  if (roots.length === 0) return [];
  if (await coversWholeTenant(tx, actor, roots)) return null;
  const orgs = await tx.organization.findMany({
    where: {
      tenantId: actor.tenantId,
      OR: roots.flatMap((root) => [{ path: root }, { path: { startsWith: root + "/" } }]),
    },
    select: { id: true },
  });
  return orgs.map((o) => o.id);
}

/**
 * Whether the subtrees of `roots` hold every organization of the actor's university: every root
 * organization (no parent) lies within one of them. Organizations are only ever created below
 * an existing one and moved within the tree, so every organization descends from a root.
 */
export async function coversWholeTenant(
  tx: TenantTx,
  actor: Actor,
  roots: readonly string[],
): Promise<boolean> {
  if (roots.length === 0) return false;
  const tenantRoots = await tx.organization.findMany({
    where: { tenantId: actor.tenantId, parentId: null },
    select: { path: true },
  });
  return (
    tenantRoots.length > 0 &&
    tenantRoots.every((r) => roots.some((root) => isWithinSubtree(r.path, root)))
  );
}
