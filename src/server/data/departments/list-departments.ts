import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";

/** The tenant's functional departments (组织部, 宣传部 ...): readable by every signed-in role. */
export async function listDepartments(actor: Actor) {
  requirePermission(actor, "org.read");
  return withTenant(actor.tenantId, (tx) =>
    tx.department.findMany({
      where: { tenantId: actor.tenantId },
      orderBy: [{ isActive: "desc" }, { sortOrder: "asc" }, { code: "asc" }],
    }),
  );
}
