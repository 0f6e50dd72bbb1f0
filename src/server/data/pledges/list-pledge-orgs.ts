import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { loadViewer } from "./pledge-rules";

export type PledgeOrgOption = {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
  depth: number;
  /** The actor's own branch (as a member). */
  own: boolean;
  /** The actor holds pledge.evaluate over it. */
  evaluates: boolean;
};

/**
 * The organizations whose pledge wall the actor may open: their own branch, and every current
 * organization where they hold pledge.evaluate — in tree order.
 */
export async function listPledgeOrgs(actor: Actor): Promise<PledgeOrgOption[]> {
  return withTenant(actor.tenantId, async (tx) => {
    const viewer = await loadViewer(tx, actor);
    const scoped = await tx.organization.findMany({
      where: { AND: [orgScopeWhere(actor, "pledge.evaluate"), { validTo: null }] },
      orderBy: [{ path: "asc" }],
      take: 2000,
      select: { id: true, name: true, nameEn: true, level: true, depth: true },
    });
    const options: PledgeOrgOption[] = scoped.map((o) => ({
      ...o,
      own: o.id === viewer.branchId,
      evaluates: true,
    }));
    if (viewer.branchId && !options.some((o) => o.id === viewer.branchId)) {
      const own = await tx.organization.findFirst({
        where: { tenantId: actor.tenantId, id: viewer.branchId },
        select: { id: true, name: true, nameEn: true, level: true, depth: true },
      });
      if (own) options.unshift({ ...own, own: true, evaluates: false });
    }
    return options;
  });
}
