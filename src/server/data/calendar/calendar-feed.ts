import type { Actor } from "../../authz/actor";
import { can, orgScopeWhere } from "../../authz/scope";
import { loadActor } from "../../auth/load-actor";
import { getDb } from "../../db";
import { withTenant } from "../../tenant-tx";
import { dayOf } from "../tasks/task-status";
import { departmentTaskWhere, taskCampaignWhere } from "../tasks/task-rules";
import { staffDepartmentIds } from "../departments/department-staff";
import { coveredOrgWhere, planDeadline } from "../implementation-plans/plan-rules";
import { hashCalendarToken } from "./calendar-tokens";

export type Deadline = {
  uid: string;
  kind: "task" | "milestone" | "matter" | "plan";
  title: string;
  day: string;
  link: string;
};

/**
 * Open deadlines in the actor's scope: the organization department (task.manage) sees every
 * open task and item of the campaigns it reads; others see tasks assigned to, items owned by,
 * and project milestones of organizations within their task.read scope. The plan deadline of a
 * campaign (end of its mobilization phase) is listed while an organization in scope has no plan.
 */
export async function listOpenDeadlines(actor: Actor): Promise<Deadline[]> {
  const [scoped, department] = await Promise.all([
    scopeDeadlines(actor),
    departmentDeadlines(actor),
  ]);
  const byUid = new Map([...scoped, ...department].map((d) => [d.uid, d]));
  return [...byUid.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * The open items and tasks of the departments the actor works for (DepartmentStaff), whether or
 * not the actor holds any role over the tree.
 */
async function departmentDeadlines(actor: Actor): Promise<Deadline[]> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const departments = await staffDepartmentIds(tx, actor);
    if (departments.length === 0) return [];
    const [tasks, matters] = await Promise.all([
      tx.campaignTask.findMany({
        where: {
          tenantId,
          signedOffAt: null,
          campaign: { status: "ACTIVE" },
          OR: departmentTaskWhere(departments),
        },
        select: { id: true, title: true, dueDate: true },
      }),
      tx.practicalMatter.findMany({
        where: {
          tenantId,
          closedAt: null,
          ownerDepartmentId: { in: departments },
          list: { campaign: { status: "ACTIVE" } },
        },
        select: { id: true, title: true, dueDate: true },
      }),
    ]);
    return [
      ...tasks.map((t) => ({
        uid: `task-${t.id}`,
        kind: "task" as const,
        title: `任务：${t.title}`,
        day: dayOf(t.dueDate),
        link: `/tasks/${t.id}`,
      })),
      ...matters.map((m) => ({
        uid: `matter-${m.id}`,
        kind: "matter" as const,
        title: `实事：${m.title}`,
        day: dayOf(m.dueDate),
        link: `/practical-matters/items/${m.id}`,
      })),
    ];
  });
}

async function scopeDeadlines(actor: Actor): Promise<Deadline[]> {
  if (!can(actor, "task.read")) return [];
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const manages = can(actor, "task.manage");
    const inScope = orgScopeWhere(actor, "task.read");
    const scopeOrgIds = manages
      ? null
      : (await tx.organization.findMany({ where: inScope, select: { id: true }, take: 5000 })).map(
          (o) => o.id,
        );
    const campaign = taskCampaignWhere(actor);
    const [tasks, matters, milestones] = await Promise.all([
      tx.campaignTask.findMany({
        where: {
          tenantId,
          signedOffAt: null,
          campaign,
          ...(scopeOrgIds
            ? { orgs: { some: { orgId: { in: scopeOrgIds }, removedAt: null } } }
            : {}),
        },
        select: { id: true, title: true, dueDate: true },
      }),
      tx.practicalMatter.findMany({
        where: {
          tenantId,
          closedAt: null,
          list: { campaign },
          ...(scopeOrgIds ? { ownerOrgId: { in: scopeOrgIds } } : {}),
        },
        select: { id: true, title: true, dueDate: true },
      }),
      tx.projectMilestone.findMany({
        where: {
          tenantId,
          doneAt: null,
          project: { campaign, ...(scopeOrgIds ? { orgId: { in: scopeOrgIds } } : {}) },
        },
        select: {
          id: true,
          title: true,
          dueDate: true,
          projectId: true,
          project: { select: { title: true } },
        },
      }),
    ]);
    const planDeadlines: Deadline[] = [];
    const campaigns = await tx.campaign.findMany({
      where: { AND: [campaign, { status: "ACTIVE" }] },
      select: { id: true, name: true, definition: true, rootOrg: { select: { path: true } } },
    });
    for (const c of campaigns) {
      const due = planDeadline(c.definition);
      if (!due) continue;
      const missing = await tx.organization.count({
        where: {
          AND: [
            inScope,
            coveredOrgWhere(tenantId, c.rootOrg.path),
            {
              NOT: {
                id: {
                  in: (
                    await tx.implementationPlan.findMany({
                      where: { tenantId, campaignId: c.id },
                      select: { orgId: true },
                    })
                  ).map((p) => p.orgId),
                },
              },
            },
          ],
        },
      });
      if (missing > 0)
        planDeadlines.push({
          uid: `plan-${c.id}`,
          kind: "plan",
          title: `实施方案截止：${c.name}`,
          day: due,
          link: `/implementation-plans?campaign=${c.id}`,
        });
    }
    return [
      ...planDeadlines,
      ...tasks.map((t) => ({
        uid: `task-${t.id}`,
        kind: "task" as const,
        title: `任务：${t.title}`,
        day: dayOf(t.dueDate),
        link: `/tasks/${t.id}`,
      })),
      ...matters.map((m) => ({
        uid: `matter-${m.id}`,
        kind: "matter" as const,
        title: `实事：${m.title}`,
        day: dayOf(m.dueDate),
        link: `/practical-matters/items/${m.id}`,
      })),
      ...milestones.map((m) => ({
        uid: `milestone-${m.id}`,
        kind: "milestone" as const,
        title: `书记项目节点：${m.project.title} · ${m.title}`,
        day: dayOf(m.dueDate),
        link: `/secretary-projects/${m.projectId}`,
      })),
    ].sort((a, b) => a.day.localeCompare(b.day));
  });
}

/** RFC 5545 text escaping and 75-octet line folding (by characters, conservatively). */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}
function fold(line: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 60) parts.push(line.slice(i, i + 60));
  return parts.join("\r\n ");
}

/** An iCalendar document of all-day events, one per deadline. */
export function toIcs(
  deadlines: readonly Deadline[],
  options: { name: string; baseUrl: string; now: Date },
): string {
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//party-campaigns//deadlines//ZH",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    "X-WR-TIMEZONE:Asia/Shanghai",
  ];
  for (const d of deadlines) {
    const start = d.day.replace(/-/g, "");
    const end = new Date(Date.parse(d.day + "T00:00:00Z") + 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, "");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${d.uid}@party-campaigns`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${escapeText(d.title)}`,
      `URL:${options.baseUrl}${d.link}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/**
 * The feed of a token, or null for an unknown or revoked token (and for a disabled user). The
 * token resolves to its tenant and user through app_calendar_token_owner (no session, no tenant
 * set); everything after that runs under the user's tenant and scope, as a page would.
 */
export async function calendarFeedForToken(
  token: string,
  baseUrl: string,
  now = new Date(),
): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const db = await getDb();
  const rows = await db.$queryRaw<
    { tenantId: string; userId: string }[]
  >`SELECT "tenantId"::text AS "tenantId", "userId"::text AS "userId" FROM app_calendar_token_owner(${hashCalendarToken(token)})`;
  const owner = rows[0];
  if (!owner) return null;
  const sessionVersion = await withTenant(
    owner.tenantId,
    async (tx) =>
      (
        await tx.user.findFirst({
          where: { tenantId: owner.tenantId, id: owner.userId },
          select: { sessionVersion: true },
        })
      )?.sessionVersion,
  );
  if (sessionVersion === undefined) return null;
  const actor = await loadActor(owner.tenantId, owner.userId, sessionVersion);
  if (!actor) return null;
  return toIcs(await listOpenDeadlines(actor), {
    name: `${actor.tenantName} · ${actor.displayName}`,
    baseUrl,
    now,
  });
}
