import { dateOnly } from "../data/campaigns/campaign-rules";
import { dayOf } from "../data/tasks/task-status";
import { coveredOrgWhere, planDeadline } from "../data/implementation-plans/plan-rules";
import type { TenantTx } from "../tenant-tx";
import type { NotificationDraft } from "./claim";
import { addDays } from "./period-keys";
import { loadRecipientIndex } from "./recipients";

export const DEADLINE_REMINDERS_JOB = "deadline-reminders";

/** "7d" while the deadline is 2 to 7 days away, "1d" when it is tomorrow; null otherwise. */
export function reminderBucket(due: string, today: string): "7d" | "1d" | null {
  if (due <= today || due > addDays(today, 7)) return null;
  return due <= addDays(today, 1) ? "1d" : "7d";
}

/**
 * Reminders 7 days and 1 day before open deadlines (tasks not signed off, matters not closed,
 * milestones not done, implementation plans not filed by the end of the mobilization phase). The window is a range, not an exact day, so a day the scheduler missed
 * is caught up on the next pass; the dedupeKey (kind, id, due day, bucket) keeps each reminder
 * single per user.
 */
export async function buildDeadlineReminders(
  tx: TenantTx,
  tenantId: string,
  today: string,
): Promise<NotificationDraft[]> {
  const from = dateOnly(addDays(today, 1));
  const to = dateOnly(addDays(today, 7));
  const recipients = await loadRecipientIndex(tx, tenantId);
  const [tasks, matters, milestones] = await Promise.all([
    tx.campaignTask.findMany({
      where: {
        tenantId,
        signedOffAt: null,
        dueDate: { gte: from, lte: to },
        campaign: { status: "ACTIVE" },
      },
      select: {
        id: true,
        title: true,
        dueDate: true,
        leadDepartmentId: true,
        campaign: { select: { rootOrg: { select: { path: true } } } },
        orgs: { where: { removedAt: null }, select: { orgId: true } },
      },
    }),
    tx.practicalMatter.findMany({
      where: {
        tenantId,
        closedAt: null,
        dueDate: { gte: from, lte: to },
        list: { campaign: { status: "ACTIVE" } },
      },
      select: {
        id: true,
        title: true,
        dueDate: true,
        ownerOrgId: true,
        ownerDepartmentId: true,
        list: { select: { campaign: { select: { rootOrg: { select: { path: true } } } } } },
      },
    }),
    tx.projectMilestone.findMany({
      where: {
        tenantId,
        doneAt: null,
        dueDate: { gte: from, lte: to },
        project: { campaign: { status: "ACTIVE" } },
      },
      select: {
        id: true,
        title: true,
        dueDate: true,
        projectId: true,
        project: { select: { orgId: true, title: true } },
      },
    }),
  ]);
  const drafts: NotificationDraft[] = [];
  const push = (
    users: string[],
    kind: string,
    id: string,
    due: string,
    title: string,
    link: string,
  ) => {
    const bucket = reminderBucket(due, today);
    if (!bucket) return;
    const when = bucket === "1d" ? "明天" : `${due}`;
    for (const userId of users)
      drafts.push({
        userId,
        kind: `reminder.${kind}`,
        title: `${when}到期：${title}`,
        body: `截止日期 ${due}`,
        link,
        dedupeKey: `reminder:${kind}:${id}:${due}:${bucket}`,
      });
  };
  for (const t of tasks) {
    const users = [
      ...new Set([
        ...recipients.secretariesOf(t.orgs.map((o) => o.orgId)),
        ...recipients.adminsOver(t.campaign.rootOrg.path),
        ...recipients.staffOf([t.leadDepartmentId]),
      ]),
    ];
    push(users, "task", t.id, dayOf(t.dueDate), `任务“${t.title}”`, `/tasks/${t.id}`);
  }
  for (const m of matters) {
    const users = m.ownerOrgId
      ? recipients.secretariesOf([m.ownerOrgId])
      : [
          ...new Set([
            ...recipients.adminsOver(m.list.campaign.rootOrg.path),
            ...recipients.staffOf([m.ownerDepartmentId]),
          ]),
        ];
    push(
      users,
      "matter",
      m.id,
      dayOf(m.dueDate),
      `实事“${m.title}”`,
      `/practical-matters/items/${m.id}`,
    );
  }
  for (const m of milestones)
    push(
      recipients.secretariesOf([m.project.orgId]),
      "milestone",
      m.id,
      dayOf(m.dueDate),
      `书记项目“${m.project.title}”节点“${m.title}”`,
      `/secretary-projects/${m.projectId}`,
    );
  // Implementation plans: the secretaries of covered organizations that have filed none.
  const campaigns = await tx.campaign.findMany({
    where: { tenantId, status: "ACTIVE" },
    select: { id: true, name: true, definition: true, rootOrg: { select: { path: true } } },
  });
  for (const c of campaigns) {
    const due = planDeadline(c.definition);
    if (!due || !reminderBucket(due, today)) continue;
    const [orgs, plans] = await Promise.all([
      tx.organization.findMany({
        where: coveredOrgWhere(tenantId, c.rootOrg.path),
        select: { id: true },
      }),
      tx.implementationPlan.findMany({
        where: { tenantId, campaignId: c.id },
        select: { orgId: true },
      }),
    ]);
    const filed = new Set(plans.map((p) => p.orgId));
    for (const org of orgs) {
      if (filed.has(org.id)) continue;
      push(
        recipients.secretariesOf([org.id]),
        "plan",
        `${c.id}:${org.id}`,
        due,
        `活动“${c.name}”的实施方案`,
        `/implementation-plans?campaign=${c.id}`,
      );
    }
  }
  return drafts;
}
