import type { MoveOrganizationInput } from "@/lib/schemas/organization";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError, conflict } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findOrgInScopeOrThrow } from "./get-organization";
import { canNestUnder, dateOnly } from "./org-rules";

/**
 * Re-parents an organization (and its subtree) from `effectiveDate`. Current paths are
 * rewritten; each moved node's placement history gets a closed row and a new open one, so
 * questions about earlier dates still see the old tree.
 */
export async function moveOrganization(actor: Actor, input: MoveOrganizationInput) {
  return withTenant(actor.tenantId, async (tx) => {
    const org = await findOrgInScopeOrThrow(tx, actor, input.id, "org.manage");
    const newParent = await findOrgInScopeOrThrow(tx, actor, input.newParentId, "org.manage");
    const fail = (message: string) =>
      new AppError("VALIDATION", message, { newParentId: [message] });
    if (org.validTo) throw fail("已撤销的组织不能调整");
    if (newParent.validTo) throw fail("新的上级组织已撤销");
    if (newParent.id === org.parentId) throw fail("新的上级与当前上级相同");
    if (isWithinSubtree(newParent.path, org.path)) throw fail("不能移到自身或其下级组织之下");
    if (!canNestUnder(org.level, newParent.level)) throw fail("该组织的层级不能设在所选上级之下");
    const effective = dateOnly(input.effectiveDate);
    if (effective < org.validFrom)
      throw new AppError("VALIDATION", "生效日期早于组织成立日期", {
        effectiveDate: ["生效日期早于组织成立日期"],
      });

    const claimed = await tx.organization.updateMany({
      where: { tenantId: actor.tenantId, id: org.id, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (claimed.count === 0) throw conflict();

    const oldPath = org.path;
    const newPath = `${newParent.path}/${org.id}`;
    const depthShift = newParent.depth + 1 - org.depth;
    const subtree = await tx.organization.findMany({
      where: {
        tenantId: actor.tenantId,
        OR: [{ id: org.id }, { path: { startsWith: oldPath + "/" } }],
      },
      select: { id: true, parentId: true, path: true },
    });
    // One statement rewrites the whole subtree's paths, so a reader never sees half a move.
    await tx.$executeRaw`
      UPDATE "Organization"
         SET "path" = ${newPath} || substr("path", ${oldPath.length + 1}),
             "depth" = "depth" + ${depthShift},
             "parentId" = CASE WHEN "id" = ${org.id}::uuid THEN ${newParent.id}::uuid ELSE "parentId" END,
             "updatedAt" = now()
       WHERE "tenantId" = ${actor.tenantId}::uuid
         AND ("id" = ${org.id}::uuid OR "path" LIKE ${oldPath + "/%"})`;
    await tx.orgPlacement.updateMany({
      where: { tenantId: actor.tenantId, orgId: { in: subtree.map((s) => s.id) }, validTo: null },
      data: { validTo: effective },
    });
    await tx.orgPlacement.createMany({
      data: subtree.map((s) => ({
        tenantId: actor.tenantId,
        orgId: s.id,
        parentId: s.id === org.id ? newParent.id : s.parentId,
        path: newPath + s.path.slice(oldPath.length),
        validFrom: effective,
      })),
    });
    await recordAuditEvent(tx, actor, {
      action: "org.move",
      entityType: "Organization",
      entityId: org.id,
      before: { parentId: org.parentId, path: oldPath },
      after: {
        parentId: newParent.id,
        path: newPath,
        effectiveDate: input.effectiveDate,
        movedNodes: subtree.length,
      },
    });
  });
}
