import type { DepartmentInput } from "@/lib/schemas/department";
import type { Actor } from "../../authz/actor";
import { changedFields, recordAuditEvent } from "../../audit/record-audit-event";
import { requirePermission } from "../../authz/scope";
import { AppError, conflict, notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";

/**
 * Creates a department, or edits one (version-checked). Departments are deactivated, never
 * deleted: tasks and their history keep pointing at them.
 */
export async function saveDepartment(
  actor: Actor,
  input: DepartmentInput,
): Promise<{ id: string }> {
  requirePermission(actor, "department.manage");
  return withTenant(actor.tenantId, async (tx) => {
    const clash = await tx.department.findFirst({
      where: {
        tenantId: actor.tenantId,
        code: input.code,
        ...(input.id ? { NOT: { id: input.id } } : {}),
      },
      select: { id: true },
    });
    if (clash) throw new AppError("VALIDATION", "部门编码已被使用", { code: ["部门编码已被使用"] });
    const fields = {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      isActive: input.isActive,
    };
    if (!input.id) {
      const created = await tx.department.create({ data: { tenantId: actor.tenantId, ...fields } });
      await recordAuditEvent(tx, actor, {
        action: "department.create",
        entityType: "Department",
        entityId: created.id,
        after: fields,
      });
      return { id: created.id };
    }
    const before = await tx.department.findFirst({
      where: { tenantId: actor.tenantId, id: input.id },
    });
    if (!before) throw notFound("部门");
    // Departments carry no version column; updatedAt serves as the optimistic check.
    if (before.updatedAt.getTime() !== input.version) throw conflict();
    const { count } = await tx.department.updateMany({
      where: { tenantId: actor.tenantId, id: input.id, updatedAt: before.updatedAt },
      data: fields,
    });
    if (count === 0) throw conflict();
    await recordAuditEvent(tx, actor, {
      action: "department.update",
      entityType: "Department",
      entityId: input.id,
      ...changedFields(before, fields),
    });
    return { id: input.id };
  });
}
