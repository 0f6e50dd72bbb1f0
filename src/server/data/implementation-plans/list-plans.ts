import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { taskCampaignWhere, UUID } from "../tasks/task-rules";
import { coveredOrgWhere, isFiledLate, planDeadline } from "./plan-rules";

export type PlanStanding = "FILED" | "FILED_LATE" | "MISSING" | "OVERDUE";

/**
 * The implementation plans of one campaign over the actor's subtree: every covered organization
 * with its plan, or missing (OVERDUE once the deadline has passed), or filed late. Without
 * `campaignId`, the newest readable campaign.
 */
export async function listImplementationPlans(
  actor: Actor,
  campaignId?: string,
  today: string = todayInShanghai(),
) {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const campaigns = await tx.campaign.findMany({
      where: taskCampaignWhere(actor),
      orderBy: [{ startDate: "desc" }],
      select: { id: true, name: true, definition: true, rootOrg: { select: { path: true } } },
    });
    const campaign =
      (campaignId && UUID.test(campaignId) ? campaigns.find((c) => c.id === campaignId) : null) ??
      campaigns[0];
    if (!campaign) return { campaigns: [], campaign: null, rows: [], counts: null };
    const deadline = planDeadline(campaign.definition);
    const [orgs, plans] = await Promise.all([
      tx.organization.findMany({
        where: {
          AND: [
            orgScopeWhere(actor, "task.read"),
            coveredOrgWhere(tenantId, campaign.rootOrg.path),
          ],
        },
        orderBy: [{ path: "asc" }],
        select: { id: true, name: true, nameEn: true, path: true, level: true },
        take: 2000,
      }),
      tx.implementationPlan.findMany({
        where: { tenantId, campaignId: campaign.id },
        select: {
          id: true,
          orgId: true,
          summary: true,
          evidenceIds: true,
          filedAt: true,
          revisedAt: true,
        },
      }),
    ]);
    const evidence = await tx.evidence.findMany({
      where: { tenantId, id: { in: plans.flatMap((p) => p.evidenceIds) } },
      select: { id: true, originalName: true },
    });
    const names = new Map(evidence.map((e) => [e.id, e.originalName]));
    const byOrg = new Map(plans.map((p) => [p.orgId, p]));
    const rows = orgs.map((org) => {
      const p = byOrg.get(org.id);
      const standing: PlanStanding = p
        ? isFiledLate(p.filedAt, deadline)
          ? "FILED_LATE"
          : "FILED"
        : deadline !== null && today > deadline
          ? "OVERDUE"
          : "MISSING";
      return {
        org: { id: org.id, name: org.name, nameEn: org.nameEn, level: org.level },
        plan: p
          ? {
              id: p.id,
              summary: p.summary,
              filedAt: p.filedAt,
              revisedAt: p.revisedAt,
              files: p.evidenceIds.map((id) => names.get(id) ?? id),
            }
          : null,
        standing,
        canFile: can(actor, "task.update", org.path),
      };
    });
    return {
      campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
      campaign: { id: campaign.id, name: campaign.name, deadline },
      rows,
      counts: {
        orgs: rows.length,
        missing: rows.filter((r) => r.standing === "MISSING" || r.standing === "OVERDUE").length,
        late: rows.filter((r) => r.standing === "FILED_LATE").length,
      },
    };
  });
}
