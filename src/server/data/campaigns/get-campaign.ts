import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { findCampaignOrThrow, readsWholeCampaign, storedDefinition } from "./campaign-rules";

export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;

/**
 * A campaign the actor may read (NOT_FOUND otherwise): its fields, its definition (phases,
 * quotas), its current leadership group, what its covered subtree holds, and whether the actor
 * may change it.
 */
export async function getCampaign(actor: Actor, id: string) {
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, id);
    const root = campaign.rootOrg;
    const subtree = { OR: [{ path: root.path }, { path: { startsWith: root.path + "/" } }] };
    const [leaders, levels, memberCount] = await Promise.all([
      tx.campaignLeader.findMany({
        where: { tenantId: actor.tenantId, campaignId: campaign.id, removedAt: null },
        orderBy: [{ role: "asc" }, { sortOrder: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          role: true,
          createdAt: true,
          member: {
            select: {
              id: true,
              number: true,
              name: true,
              org: { select: { name: true, nameEn: true } },
            },
          },
        },
      }),
      tx.organization.groupBy({
        by: ["level"],
        where: { tenantId: actor.tenantId, validTo: null, ...subtree },
        _count: { _all: true },
      }),
      tx.member.count({ where: { tenantId: actor.tenantId, leftAt: null, org: subtree } }),
    ]);
    const { definition, rootOrg, ...fields } = campaign;
    return {
      campaign: fields,
      definition: storedDefinition(definition),
      rootOrg: {
        id: rootOrg.id,
        name: rootOrg.name,
        nameEn: rootOrg.nameEn,
        level: rootOrg.level,
        closed: rootOrg.validTo !== null,
      },
      leaders,
      covered: {
        byLevel: Object.fromEntries(levels.map((l) => [l.level, l._count._all])) as Partial<
          Record<string, number>
        >,
        members: memberCount,
      },
      canManage: can(actor, "campaign.manage", rootOrg.path),
      /** False for actors who see only part of the subtree: their evaluation leaves the rest out. */
      seesWholeCampaign: readsWholeCampaign(actor, rootOrg.path),
    };
  });
}
