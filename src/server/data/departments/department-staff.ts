import type {
  LinkDepartmentStaffInput,
  UnlinkDepartmentStaffInput,
} from "@/lib/schemas/department-staff";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { can, requirePermission } from "../../authz/scope";
import { AppError, notFound } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The active departments the actor works for (DepartmentStaff links not removed, department
 * active). Read inside the caller's transaction, so a link removed a moment ago no longer counts.
 */
export async function staffDepartmentIds(tx: TenantTx, actor: Actor): Promise<string[]> {
  const links = await tx.departmentStaff.findMany({
    where: {
      tenantId: actor.tenantId,
      userId: actor.userId,
      removedAt: null,
      department: { isActive: true },
    },
    select: { departmentId: true },
  });
  return [...new Set(links.map((l) => l.departmentId))];
}

/** The same, in a transaction of its own (pages, navigation). */
export async function myDepartmentIds(actor: Actor): Promise<string[]> {
  return withTenant(actor.tenantId, (tx) => staffDepartmentIds(tx, actor));
}

/** The staff of every department, for the departments page (readable with org.read). */
export async function listDepartmentStaff(actor: Actor) {
  requirePermission(actor, "org.read");
  return withTenant(actor.tenantId, async (tx) => {
    const links = await tx.departmentStaff.findMany({
      where: { tenantId: actor.tenantId, removedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        departmentId: true,
        user: { select: { username: true, displayName: true, disabledAt: true } },
      },
    });
    const byDepartment = new Map<
      string,
      { linkId: string; username: string; displayName: string; disabled: boolean }[]
    >();
    for (const l of links) {
      const list = byDepartment.get(l.departmentId) ?? [];
      list.push({
        linkId: l.id,
        username: l.user.username,
        displayName: l.user.displayName,
        disabled: l.user.disabledAt !== null,
      });
      byDepartment.set(l.departmentId, list);
    }
    return byDepartment;
  });
}

/** Links a user (by username) to a department: the organization department only. */
export async function linkDepartmentStaff(
  actor: Actor,
  input: LinkDepartmentStaffInput,
): Promise<{ id: string }> {
  requirePermission(actor, "department.manage");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    if (!UUID.test(input.departmentId)) throw notFound("部门");
    const department = await tx.department.findFirst({
      where: { tenantId, id: input.departmentId },
      select: { id: true, name: true, isActive: true },
    });
    if (!department) throw notFound("部门");
    if (!department.isActive)
      throw new AppError("VALIDATION", "部门已停用", { username: ["部门已停用，不能添加人员"] });
    const user = await tx.user.findFirst({
      where: { tenantId, username: input.username },
      select: { id: true, disabledAt: true },
    });
    if (!user || user.disabledAt) {
      const message = "没有这个用户名的有效账号";
      throw new AppError("VALIDATION", message, { username: [message] });
    }
    const existing = await tx.departmentStaff.findFirst({
      where: { tenantId, departmentId: department.id, userId: user.id, removedAt: null },
      select: { id: true },
    });
    if (existing) {
      const message = "该用户已是本部门工作人员";
      throw new AppError("VALIDATION", message, { username: [message] });
    }
    const link = await tx.departmentStaff.create({
      data: { tenantId, departmentId: department.id, userId: user.id, createdById: actor.userId },
    });
    await recordAuditEvent(tx, actor, {
      action: "department.staff.link",
      entityType: "DepartmentStaff",
      entityId: link.id,
      after: { departmentId: department.id, department: department.name, userId: user.id },
    });
    return { id: link.id };
  });
}

/** Removes a link (closes it; the row stays for the audit trail). */
export async function unlinkDepartmentStaff(
  actor: Actor,
  input: UnlinkDepartmentStaffInput,
): Promise<{ id: string }> {
  requirePermission(actor, "department.manage");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    if (!UUID.test(input.linkId)) throw notFound("记录");
    const link = await tx.departmentStaff.findFirst({
      where: { tenantId, id: input.linkId, removedAt: null },
      select: { id: true, departmentId: true, userId: true },
    });
    if (!link) throw notFound("记录");
    const { count } = await tx.departmentStaff.updateMany({
      where: { tenantId, id: link.id, removedAt: null },
      data: { removedAt: new Date(), removedById: actor.userId },
    });
    if (count !== 1) throw notFound("记录");
    await recordAuditEvent(tx, actor, {
      action: "department.staff.unlink",
      entityType: "DepartmentStaff",
      entityId: link.id,
      before: { departmentId: link.departmentId, userId: link.userId },
    });
    return { id: link.id };
  });
}

/** Whether the actor may manage department staff (for showing the forms). */
export function managesDepartments(actor: Actor): boolean {
  return can(actor, "department.manage");
}
