import type { UpdateMemberInput } from "@/lib/schemas/member";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { conflict, forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findMemberInScopeOrThrow } from "./find-member";
import {
  fieldError,
  isUniqueViolation,
  memberWriteData,
  NUMBER_TAKEN,
  snapshotOf,
} from "./member-rules";

/**
 * Edits a member's own fields (the organization changes only through a transfer). A stale form
 * (version mismatch) is refused with CONFLICT; saving without changes writes nothing.
 */
export async function updateMember(
  actor: Actor,
  input: UpdateMemberInput,
): Promise<{ id: string; changed: boolean }> {
  try {
    return await withTenant(actor.tenantId, async (tx) => {
      const current = await findMemberInScopeOrThrow(tx, actor, input.id);
      if (!can(actor, "member.manage", current.org.path)) throw forbidden();
      if (current.version !== input.version) throw conflict();
      if (current.number !== input.number) {
        const taken = await tx.member.findFirst({
          where: { tenantId: actor.tenantId, number: input.number },
          select: { id: true },
        });
        if (taken) throw fieldError("number", NUMBER_TAKEN);
      }
      const before = snapshotOf(current);
      const after = snapshotOf(input);
      const diff = changedFields(before, after);
      if (Object.keys(diff.after).length === 0) return { id: current.id, changed: false };

      const { count } = await tx.member.updateMany({
        where: { tenantId: actor.tenantId, id: current.id, version: input.version },
        data: { ...memberWriteData(after), version: { increment: 1 } },
      });
      if (count === 0) throw conflict();
      await recordAuditEvent(tx, actor, {
        action: "member.update",
        entityType: "Member",
        entityId: current.id,
        ...diff,
      });
      return { id: current.id, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("number", NUMBER_TAKEN);
    throw error;
  }
}
