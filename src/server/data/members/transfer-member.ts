import type { TransferMemberInput } from "@/lib/schemas/member";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, orgScopeWhere } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dateOnly } from "../organizations/org-rules";
import { findMemberInScopeOrThrow } from "./find-member";
import { fieldError, isoDay, memberOrgProblem } from "./member-rules";

/**
 * Moves a member to another organization from `effectiveDate`: the current Membership closes
 * on that date ([validFrom, validTo) ranges) and a new one opens, so records dated before the
 * transfer still belong to the old organization. The actor must manage both organizations.
 */
export async function transferMember(
  actor: Actor,
  input: TransferMemberInput,
): Promise<{ id: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const member = await findMemberInScopeOrThrow(tx, actor, input.memberId);
    if (!can(actor, "member.manage", member.org.path)) throw forbidden();
    if (member.version !== input.version) throw conflict();
    if (member.leftAt) throw new AppError("VALIDATION", "该党员已离开本校，不能转接");

    const target = await tx.organization.findFirst({
      where: { AND: [orgScopeWhere(actor, "member.manage"), { id: input.toOrgId }] },
      select: { id: true, name: true, code: true, level: true, validFrom: true, validTo: true },
    });
    if (!target) throw fieldError("toOrgId", "所选组织不存在或不在您的管理范围内");
    if (target.id === member.orgId) throw fieldError("toOrgId", "转入组织与当前所在组织相同");
    const problem = memberOrgProblem(target, input.effectiveDate);
    if (problem)
      throw fieldError(problem.field === "org" ? "toOrgId" : "effectiveDate", problem.message);
    if (input.effectiveDate > todayInShanghai())
      throw fieldError("effectiveDate", "生效日期不能晚于今天");

    const current = await tx.membership.findFirst({
      where: { tenantId: actor.tenantId, memberId: member.id, validTo: null },
      orderBy: { validFrom: "desc" },
      select: { id: true, validFrom: true },
    });
    const effective = dateOnly(input.effectiveDate);
    if (current && effective <= current.validFrom) {
      throw fieldError(
        "effectiveDate",
        `生效日期须晚于进入当前组织的日期（${isoDay(current.validFrom)}）`,
      );
    }

    const { count } = await tx.member.updateMany({
      where: {
        tenantId: actor.tenantId,
        id: member.id,
        version: input.version,
        orgId: member.orgId,
      },
      data: { orgId: target.id, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    if (current) {
      await tx.membership.updateMany({
        where: { tenantId: actor.tenantId, id: current.id, validTo: null },
        data: { validTo: effective },
      });
    }
    await tx.membership.create({
      data: {
        tenantId: actor.tenantId,
        memberId: member.id,
        orgId: target.id,
        validFrom: effective,
        reason: input.reason,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "member.transfer",
      entityType: "Member",
      entityId: member.id,
      before: { orgId: member.orgId, orgCode: member.org.code },
      after: {
        orgId: target.id,
        orgCode: target.code,
        effectiveDate: input.effectiveDate,
        reason: input.reason,
      },
    });
    return { id: member.id };
  });
}
