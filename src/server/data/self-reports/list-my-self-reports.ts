import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { selfReportSelect, toView, type MySelfReport } from "./self-report-view";

export type { MySelfReport };

/** The newest self-reports shown on the member's pages; older ones are in the audit trail and reviews. */
export const MY_SELF_REPORTS_LIMIT = 200;

/**
 * The actor's own self-reports, newest first, with status, the reviewer's return reason, void
 * reason and evidence (withdrawn files flagged). Empty for an account without a member.
 */
export async function listMySelfReports(
  actor: Actor,
  options: { limit?: number } = {},
): Promise<MySelfReport[]> {
  const memberId = actor.memberId;
  if (!memberId) return [];
  const rows = await withTenant(actor.tenantId, (tx) =>
    tx.activity.findMany({
      where: { tenantId: actor.tenantId, selfReportedById: memberId },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      take: Math.min(options.limit ?? MY_SELF_REPORTS_LIMIT, MY_SELF_REPORTS_LIMIT),
      select: selfReportSelect,
    }),
  );
  return rows.map(toView);
}
