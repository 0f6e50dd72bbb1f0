import type { Actor } from "../../authz/actor";
import { memberScopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a member the actor may read (their scope, or their own record), with the current
 * organization, or throws NOT_FOUND — the same answer for "does not exist", "another tenant's"
 * and "outside your subtree". A malformed id is "not found" too, not a database error.
 */
export async function findMemberInScopeOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound("党员");
  const member = await tx.member.findFirst({
    where: { AND: [memberScopeWhere(actor), { id }] },
    include: {
      org: { select: { id: true, name: true, nameEn: true, code: true, level: true, path: true } },
    },
  });
  if (!member) throw notFound("党员");
  return member;
}
