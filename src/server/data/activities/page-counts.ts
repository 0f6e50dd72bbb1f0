import type { TenantTx } from "../../tenant-tx";

/**
 * Present attendees and evidence files (not withdrawn) of the records on one page of a list,
 * counted for those records only: a relation `_count` in a list's select makes Prisma aggregate
 * the whole attendance and evidence tables before joining (seconds on a university with a year of
 * records).
 */
export async function countsForPage(
  tx: TenantTx,
  tenantId: string,
  ids: string[],
): Promise<{ presentOf: Map<string, number>; evidenceOf: Map<string | null, number> }> {
  const [present, evidence] = ids.length
    ? await Promise.all([
        tx.activityAttendance.groupBy({
          by: ["activityId"],
          where: { tenantId, activityId: { in: ids }, present: true },
          _count: { _all: true },
        }),
        tx.evidence.groupBy({
          by: ["activityId"],
          where: { tenantId, activityId: { in: ids }, withdrawnAt: null },
          _count: { _all: true },
        }),
      ])
    : [[], []];
  return {
    presentOf: new Map(present.map((r) => [r.activityId, r._count._all])),
    evidenceOf: new Map(evidence.map((r) => [r.activityId, r._count._all])),
  };
}
