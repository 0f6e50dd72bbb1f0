import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { itemCounts, pledgeSummarySelect } from "./pledge-view";

/** The actor's own pledges as a member (all of them, whichever branch they were made to), newest first. */
export async function listMyPledges(actor: Actor) {
  const memberId = actor.memberId;
  if (!memberId) return [];
  const rows = await withTenant(actor.tenantId, (tx) =>
    tx.pledge.findMany({
      where: { tenantId: actor.tenantId, memberId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: pledgeSummarySelect,
    }),
  );
  return rows.map(({ org, ...rest }) => ({
    ...rest,
    org: { id: org.id, name: org.name, nameEn: org.nameEn },
    counts: itemCounts(rest.items),
  }));
}

export type MyPledge = Awaited<ReturnType<typeof listMyPledges>>[number];
