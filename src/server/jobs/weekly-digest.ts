import { loadActor } from "../auth/load-actor";
import { evaluateCampaignForActor } from "../data/campaigns/evaluate-campaign-for-actor";
import { withTenant } from "../tenant-tx";
import type { NotificationDraft } from "./claim";

export const WEEKLY_DIGEST_JOB = "weekly-digest";

/**
 * For each branch secretary: the quotas of the active campaigns, in the current windows, whose
 * results in the secretary's scope (their branch and its members) are behind or at risk of
 * falling behind pace. One notification per secretary per week (dedupeKey carries the week);
 * nothing for a secretary with nothing behind. Computed outside the claiming transaction (the
 * evaluation opens its own), then written by runClaimed.
 */
export async function buildWeeklyDigests(
  tenantId: string,
  today: string,
  week: string,
): Promise<NotificationDraft[]> {
  const { secretaries, campaigns } = await withTenant(tenantId, async (tx) => ({
    secretaries: await tx.user.findMany({
      where: {
        tenantId,
        disabledAt: null,
        roleAssignments: { some: { role: "SECRETARY", revokedAt: null } },
      },
      select: { id: true, sessionVersion: true },
    }),
    campaigns: await tx.campaign.findMany({
      where: {
        tenantId,
        status: "ACTIVE",
        startDate: { lte: new Date(today + "T00:00:00Z") },
        endDate: { gte: new Date(today + "T00:00:00Z") },
      },
      select: { id: true, name: true, definition: true },
    }),
  }));
  const drafts: NotificationDraft[] = [];
  for (const s of secretaries) {
    const actor = await loadActor(tenantId, s.id, s.sessionVersion);
    if (!actor) continue;
    const lines: string[] = [];
    for (const c of campaigns) {
      const evaluation = await evaluateCampaignForActor(actor, c.id, today, {
        windows: "current",
      }).catch(() => null);
      if (!evaluation) continue;
      const names = new Map(
        ((c.definition as { quotas?: { id: string; name?: string }[] }).quotas ?? []).map((q) => [
          q.id,
          q.name ?? q.id,
        ]),
      );
      const byQuota = new Map<string, { behind: number; atRisk: number }>();
      for (const r of evaluation.results) {
        if (r.status !== "behind" && r.status !== "atRisk") continue;
        const entry = byQuota.get(r.quotaId) ?? { behind: 0, atRisk: 0 };
        entry[r.status]++;
        byQuota.set(r.quotaId, entry);
      }
      for (const [quotaId, n] of byQuota)
        lines.push(
          `${c.name} · ${names.get(quotaId) ?? quotaId}：落后 ${n.behind}，有风险 ${n.atRisk}`,
        );
    }
    if (lines.length === 0) continue;
    drafts.push({
      userId: s.id,
      kind: "digest.weekly",
      title: `本周进度提醒：${lines.length} 项指标落后于进度`,
      body: lines.slice(0, 30).join("\n"),
      link: "/dashboard",
      dedupeKey: `digest:weekly:${week}`,
    });
  }
  return drafts;
}
