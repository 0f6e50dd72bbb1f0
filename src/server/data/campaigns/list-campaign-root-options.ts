import type { OrgLevel } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { compareZh } from "@/lib/collator";

export type CampaignRootOption = {
  id: string;
  name: string;
  nameEn: string | null;
  level: OrgLevel;
  depth: number;
};

/**
 * Open organizations a campaign may cover (campaign.manage), in tree order with the depth
 * relative to the actor's scope roots, for the "covered organization" pickers. Party groups are
 * left out: a campaign covers at least a branch.
 */
export async function listCampaignRootOptions(actor: Actor): Promise<CampaignRootOption[]> {
  const orgs = await withTenant(actor.tenantId, (tx) =>
    tx.organization.findMany({
      where: {
        AND: [
          orgScopeWhere(actor, "campaign.manage"),
          { validTo: null },
          { level: { not: "GROUP" } },
        ],
      },
      select: { id: true, parentId: true, name: true, nameEn: true, level: true, sortOrder: true },
    }),
  );
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, typeof orgs>();
  for (const org of orgs) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(org);
    else children.set(parent, [org]);
  }
  const ordered: CampaignRootOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || compareZh(a.name, b.name),
    );
    for (const org of list) {
      ordered.push({ id: org.id, name: org.name, nameEn: org.nameEn, level: org.level, depth });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
