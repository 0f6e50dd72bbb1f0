import { randomUUID } from "node:crypto";
import type { CreateMemberInput } from "@/lib/schemas/member";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { withTenant } from "../../tenant-tx";
import { dateOnly } from "../organizations/org-rules";
import {
  fieldError,
  isUniqueViolation,
  memberOrgProblem,
  memberWriteData,
  NUMBER_TAKEN,
  snapshotOf,
} from "./member-rules";

/**
 * Adds a member to an organization the actor manages, with the opening Membership row
 * (from `orgFrom`, today by default). The member number is unique within the tenant.
 */
export async function createMember(
  actor: Actor,
  input: CreateMemberInput,
): Promise<{ id: string }> {
  requirePermission(actor, "member.manage");
  try {
    return await withTenant(actor.tenantId, async (tx) => {
      const org = await tx.organization.findFirst({
        where: { AND: [orgScopeWhere(actor, "member.manage"), { id: input.orgId }] },
        select: { id: true, code: true, level: true, validFrom: true, validTo: true },
      });
      if (!org) throw fieldError("orgId", "所选组织不存在或不在您的管理范围内");
      const today = todayInShanghai();
      const from = input.orgFrom ?? today;
      if (from > today) throw fieldError("orgFrom", "日期不能晚于今天");
      const problem = memberOrgProblem(org, from);
      if (problem) throw fieldError(problem.field === "org" ? "orgId" : "orgFrom", problem.message);

      const taken = await tx.member.findFirst({
        where: { tenantId: actor.tenantId, number: input.number },
        select: { id: true },
      });
      if (taken) throw fieldError("number", NUMBER_TAKEN);

      const id = randomUUID();
      const fields = snapshotOf(input);
      await tx.member.create({
        data: { tenantId: actor.tenantId, id, orgId: org.id, ...memberWriteData(fields) },
      });
      await tx.membership.create({
        data: {
          tenantId: actor.tenantId,
          memberId: id,
          orgId: org.id,
          validFrom: dateOnly(from),
          reason: "新建党员",
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "member.create",
        entityType: "Member",
        entityId: id,
        after: { ...fields, orgId: org.id, orgCode: org.code, orgFrom: from },
      });
      return { id };
    });
  } catch (error) {
    // Someone saved the same number between our check and our insert.
    if (isUniqueViolation(error)) throw fieldError("number", NUMBER_TAKEN);
    throw error;
  }
}
