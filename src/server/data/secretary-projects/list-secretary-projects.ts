import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { taskCampaignWhere, UUID } from "../tasks/task-rules";
import { findProjectOrThrow, isMilestoneLate, managesProject } from "./project-rules";

export type ProjectStanding = "NONE" | "LATE" | "ON_TRACK" | "DONE";

/**
 * The secretary-project overview of one campaign over the actor's subtree: every active branch
 * the campaign covers, with its project or none, and whether it is late (a milestone past its
 * date and not done). Without `campaignId`, the newest readable campaign.
 */
export async function listSecretaryProjects(
  actor: Actor,
  campaignId?: string,
  today: string = todayInShanghai(),
) {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const campaigns = await tx.campaign.findMany({
      where: taskCampaignWhere(actor),
      orderBy: [{ startDate: "desc" }],
      select: { id: true, name: true, rootOrg: { select: { path: true } } },
    });
    const campaign =
      (campaignId && UUID.test(campaignId) ? campaigns.find((c) => c.id === campaignId) : null) ??
      campaigns[0];
    if (!campaign) return { campaigns: [], campaign: null, rows: [], counts: null };
    const root = campaign.rootOrg.path;
    const [branches, projects] = await Promise.all([
      tx.organization.findMany({
        where: {
          AND: [
            orgScopeWhere(actor, "task.read"),
            {
              tenantId,
              level: "BRANCH",
              validTo: null,
              OR: [{ path: root }, { path: { startsWith: root + "/" } }],
            },
          ],
        },
        orderBy: [{ path: "asc" }],
        select: { id: true, name: true, nameEn: true, path: true },
        take: 2000,
      }),
      tx.secretaryProject.findMany({
        where: { tenantId, campaignId: campaign.id },
        select: {
          id: true,
          orgId: true,
          title: true,
          milestones: { select: { dueDate: true, status: true } },
        },
      }),
    ]);
    const byOrg = new Map(projects.map((p) => [p.orgId, p]));
    const rows = branches.map((org) => {
      const p = byOrg.get(org.id);
      const late = p ? p.milestones.filter((m) => isMilestoneLate(m, today)).length : 0;
      const done = p ? p.milestones.filter((m) => m.status === "DONE").length : 0;
      const standing: ProjectStanding = !p
        ? "NONE"
        : late > 0
          ? "LATE"
          : p.milestones.length > 0 && done === p.milestones.length
            ? "DONE"
            : "ON_TRACK";
      return {
        org: { id: org.id, name: org.name, nameEn: org.nameEn },
        project: p
          ? { id: p.id, title: p.title, milestones: p.milestones.length, done, late }
          : null,
        standing,
        canCreate: !p && managesProject(actor, org.path),
      };
    });
    return {
      campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
      campaign: { id: campaign.id, name: campaign.name },
      rows,
      counts: {
        branches: rows.length,
        none: rows.filter((r) => r.standing === "NONE").length,
        late: rows.filter((r) => r.standing === "LATE").length,
      },
    };
  });
}

/** One project with its milestones, their evidence and what the actor may do. */
export async function getSecretaryProject(
  actor: Actor,
  id: string,
  today: string = todayInShanghai(),
) {
  return withTenant(actor.tenantId, async (tx) => {
    const p = await findProjectOrThrow(tx, actor, id);
    const evidence = await tx.evidence.findMany({
      where: { tenantId: actor.tenantId, id: { in: p.milestones.flatMap((m) => m.evidenceIds) } },
      select: { id: true, originalName: true },
    });
    const names = new Map(evidence.map((e) => [e.id, e.originalName]));
    return {
      id: p.id,
      title: p.title,
      goal: p.goal,
      timetable: p.timetable,
      org: { id: p.org.id, name: p.org.name, nameEn: p.org.nameEn },
      campaign: {
        id: p.campaign.id,
        name: p.campaign.name,
        startDate: p.campaign.startDate,
        endDate: p.campaign.endDate,
      },
      canManage: managesProject(actor, p.org.path),
      milestones: p.milestones.map((m) => ({
        id: m.id,
        version: m.version,
        title: m.title,
        dueDate: m.dueDate,
        status: m.status,
        progress: m.progress,
        progressAt: m.progressAt,
        late: isMilestoneLate(m, today),
        evidence: m.evidenceIds.map((eid) => ({ id: eid, name: names.get(eid) ?? eid })),
      })),
    };
  });
}
