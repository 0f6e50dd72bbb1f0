import { randomUUID } from "node:crypto";
import type { CreateOrganizationInput } from "@/lib/schemas/organization";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findOrgInScopeOrThrow } from "./get-organization";
import { canNestUnder, dateOnly } from "./org-rules";

export async function createOrganization(actor: Actor, input: CreateOrganizationInput) {
  return withTenant(actor.tenantId, async (tx) => {
    const parent = await findOrgInScopeOrThrow(tx, actor, input.parentId, "org.manage");
    if (parent.validTo)
      throw new AppError("VALIDATION", "上级组织已撤销", { parentId: ["上级组织已撤销"] });
    if (!canNestUnder(input.level, parent.level)) {
      throw new AppError("VALIDATION", "该层级不能设在所选上级之下", {
        level: ["该层级不能设在所选上级之下"],
      });
    }
    const duplicate = await tx.organization.findFirst({
      where: { tenantId: actor.tenantId, code: input.code },
      select: { id: true },
    });
    if (duplicate)
      throw new AppError("VALIDATION", "组织编码已被使用", { code: ["组织编码已被使用"] });

    const id = randomUUID();
    const path = `${parent.path}/${id}`;
    const validFrom = dateOnly(input.validFrom);
    const org = await tx.organization.create({
      data: {
        tenantId: actor.tenantId,
        id,
        parentId: parent.id,
        path,
        depth: parent.depth + 1,
        name: input.name,
        nameEn: input.nameEn,
        code: input.code,
        level: input.level,
        kind: input.kind,
        sortOrder: input.sortOrder,
        validFrom,
      },
    });
    await tx.orgPlacement.create({
      data: { tenantId: actor.tenantId, orgId: id, parentId: parent.id, path, validFrom },
    });
    await recordAuditEvent(tx, actor, {
      action: "org.create",
      entityType: "Organization",
      entityId: id,
      after: org,
    });
    return org;
  });
}
