import type { CloseOrganizationInput } from "@/lib/schemas/organization";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findOrgInScopeOrThrow } from "./get-organization";
import { dateOnly } from "./org-rules";

/**
 * Closes an organization on `effectiveDate` (dissolution, or a merge into `mergedIntoId`).
 * The row stays, so records it held keep pointing at it. On a merge its current members move
 * to the receiving organization from that date and a lineage row links the two.
 */
export async function closeOrganization(actor: Actor, input: CloseOrganizationInput) {
  return withTenant(actor.tenantId, async (tx) => {
    const org = await findOrgInScopeOrThrow(tx, actor, input.id, "org.manage");
    if (org.validTo) throw new AppError("VALIDATION", "该组织已撤销");
    if (org.level === "SCHOOL") throw new AppError("VALIDATION", "校党委不能撤销");
    const effective = dateOnly(input.effectiveDate);
    if (effective < org.validFrom) {
      throw new AppError("VALIDATION", "撤销日期早于成立日期", {
        effectiveDate: ["撤销日期早于成立日期"],
      });
    }
    const openChildren = await tx.organization.count({
      where: { tenantId: actor.tenantId, parentId: org.id, validTo: null },
    });
    if (openChildren > 0) {
      throw new AppError("VALIDATION", `还有 ${openChildren} 个下级组织，请先调整或撤销`);
    }
    const members = await tx.member.findMany({
      where: { tenantId: actor.tenantId, orgId: org.id, leftAt: null },
      select: { id: true },
    });
    let target: { id: string } | null = null;
    if (input.mergedIntoId) {
      const into = await findOrgInScopeOrThrow(tx, actor, input.mergedIntoId, "org.manage");
      if (into.id === org.id || into.validTo) {
        throw new AppError("VALIDATION", "请选择另一个现有组织", {
          mergedIntoId: ["请选择另一个现有组织"],
        });
      }
      if (into.level !== org.level) {
        throw new AppError("VALIDATION", "只能并入同一层级的组织", {
          mergedIntoId: ["只能并入同一层级的组织"],
        });
      }
      target = into;
    } else if (members.length > 0) {
      throw new AppError("VALIDATION", `还有 ${members.length} 名党员，请先转出或选择并入的组织`, {
        mergedIntoId: ["请选择并入的组织"],
      });
    }

    const claimed = await tx.organization.updateMany({
      where: { tenantId: actor.tenantId, id: org.id, version: input.version, validTo: null },
      data: { validTo: effective, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw conflict();
    await tx.orgPlacement.updateMany({
      where: { tenantId: actor.tenantId, orgId: org.id, validTo: null },
      data: { validTo: effective },
    });
    if (target) {
      const memberIds = members.map((m) => m.id);
      await tx.membership.updateMany({
        where: {
          tenantId: actor.tenantId,
          memberId: { in: memberIds },
          orgId: org.id,
          validTo: null,
        },
        data: { validTo: effective },
      });
      await tx.membership.createMany({
        data: memberIds.map((memberId) => ({
          tenantId: actor.tenantId,
          memberId,
          orgId: target.id,
          validFrom: effective,
          reason: "组织合并",
        })),
      });
      await tx.member.updateMany({
        where: { tenantId: actor.tenantId, id: { in: memberIds } },
        data: { orgId: target.id, version: { increment: 1 } },
      });
      await tx.orgLineage.create({
        data: {
          tenantId: actor.tenantId,
          fromOrgId: org.id,
          toOrgId: target.id,
          kind: "MERGE",
          date: effective,
          note: input.note,
        },
      });
    }
    await recordAuditEvent(tx, actor, {
      action: target ? "org.merge" : "org.close",
      entityType: "Organization",
      entityId: org.id,
      before: { validTo: null },
      after: {
        validTo: input.effectiveDate,
        mergedIntoId: target?.id ?? null,
        movedMembers: target ? members.length : 0,
        note: input.note,
      },
    });
  });
}
