import { randomUUID } from "node:crypto";
import type { AddMatterInput } from "@/lib/schemas/practical-matter";
import type { Actor } from "../../authz/actor";
import { can, isWithinSubtree } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { forbidden } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { dateOnly, isoDay } from "../campaigns/campaign-rules";
import { fieldError } from "../tasks/task-rules";
import { findListOrThrow } from "./matter-rules";

/** Adds an item to a list: an owner (department or organization) and a deadline (办结时限). */
export async function addMatter(
  actor: Actor,
  input: AddMatterInput,
): Promise<{ id: string; listId: string }> {
  return withTenant(actor.tenantId, async (tx) => {
    const list = await findListOrThrow(tx, actor, input.listId);
    const rootPath = list.campaign.rootOrg.path;
    if (!can(actor, "task.manage", rootPath)) throw forbidden();
    const tenantId = actor.tenantId;
    if (input.dueDate < isoDay(list.periodStart))
      throw fieldError("dueDate", `办结时限不能早于本期开始日期（${isoDay(list.periodStart)}）`);
    if (input.ownerDepartmentId) {
      const dept = await tx.department.findFirst({
        where: { tenantId, id: input.ownerDepartmentId },
        select: { id: true },
      });
      if (!dept) throw fieldError("ownerDepartmentId", "责任部门不存在");
    }
    if (input.ownerOrgId) {
      const org = await tx.organization.findFirst({
        where: { tenantId, id: input.ownerOrgId, validTo: null },
        select: { path: true },
      });
      if (!org || !isWithinSubtree(org.path, rootPath))
        throw fieldError("ownerOrgId", "责任组织不存在或不在活动范围内");
    }
    const id = randomUUID();
    await tx.practicalMatter.create({
      data: {
        tenantId,
        id,
        listId: list.id,
        title: input.title,
        ownerDepartmentId: input.ownerDepartmentId,
        ownerOrgId: input.ownerOrgId,
        dueDate: dateOnly(input.dueDate),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "practicalMatters.add",
      entityType: "PracticalMatter",
      entityId: id,
      after: input,
    });
    return { id, listId: list.id };
  });
}
