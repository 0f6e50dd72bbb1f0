import type { UpdateOrganizationInput } from "@/lib/schemas/organization";
import type { Actor } from "../../authz/actor";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findOrgInScopeOrThrow } from "./get-organization";

/** Edits an organization's own fields. The version check refuses a stale form. */
export async function updateOrganization(actor: Actor, input: UpdateOrganizationInput) {
  return withTenant(actor.tenantId, async (tx) => {
    const before = await findOrgInScopeOrThrow(tx, actor, input.id, "org.manage");
    if (before.code !== input.code) {
      const duplicate = await tx.organization.findFirst({
        where: { tenantId: actor.tenantId, code: input.code },
        select: { id: true },
      });
      if (duplicate)
        throw new AppError("VALIDATION", "组织编码已被使用", { code: ["组织编码已被使用"] });
    }
    const fields = {
      name: input.name,
      nameEn: input.nameEn,
      code: input.code,
      kind: input.kind,
      sortOrder: input.sortOrder,
    };
    const { count } = await tx.organization.updateMany({
      where: { tenantId: actor.tenantId, id: input.id, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    const diff = changedFields(before, fields);
    await recordAuditEvent(tx, actor, {
      action: "org.update",
      entityType: "Organization",
      entityId: input.id,
      ...diff,
    });
  });
}
