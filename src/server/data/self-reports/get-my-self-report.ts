import type { Actor } from "../../authz/actor";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID } from "./self-report-rules";
import { selfReportSelect, toView, type MySelfReport } from "./self-report-view";

/** One of the actor's own self-reports; NOT_FOUND for anyone else's, whatever the role. */
export async function getMySelfReport(actor: Actor, id: string): Promise<MySelfReport> {
  const memberId = actor.memberId;
  if (!memberId || !UUID.test(id)) throw notFound("自报记录");
  const row = await withTenant(actor.tenantId, (tx) =>
    tx.activity.findFirst({
      where: { tenantId: actor.tenantId, id, selfReportedById: memberId },
      select: selfReportSelect,
    }),
  );
  if (!row) throw notFound("自报记录");
  return toView(row);
}
