import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { findMemberInScopeOrThrow } from "./find-member";

/**
 * A member the actor may read, with the dated history of their organizations (newest first)
 * and whether the actor may edit or transfer them. NOT_FOUND outside the actor's scope.
 */
export async function getMember(actor: Actor, id: string) {
  return withTenant(actor.tenantId, async (tx) => {
    const member = await findMemberInScopeOrThrow(tx, actor, id);
    const memberships = await tx.membership.findMany({
      where: { tenantId: actor.tenantId, memberId: member.id },
      orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        validFrom: true,
        validTo: true,
        reason: true,
        org: { select: { id: true, name: true, nameEn: true, code: true } },
      },
    });
    const { org, ...fields } = member;
    const { path, ...orgFields } = org;
    return {
      member: { ...fields, org: orgFields },
      memberships,
      canManage: can(actor, "member.manage", path),
    };
  });
}

export type MemberDetail = Awaited<ReturnType<typeof getMember>>;
