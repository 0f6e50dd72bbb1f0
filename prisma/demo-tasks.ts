/**
 * Demo rows for the task area of the main demo university: a department staff login (`dept`,
 * 宣传部), a bi-monthly practical-matters list with open items (one owned by 宣传部, one by the
 * secretary's branch), a task led by 宣传部, the secretary branch's 书记项目 with three dated
 * milestones (one done, one late, one ahead) and its implementation plan. All attached to the
 * “两在两同” campaign (seed 002); deterministic ids, dates relative to "today".
 */
import type { DemoActivityData } from "./demo-activities";
import { deterministicUuid, type DemoUniversity } from "./demo-data";

const DAY_MS = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
const clamp = (d: Date, min: Date, max: Date) => (d < min ? min : d > max ? max : d);

export interface DemoTaskData {
  users: { tenantId: string; id: string; username: string; displayName: string; memberId: null }[];
  departmentStaff: {
    tenantId: string;
    id: string;
    departmentId: string;
    userId: string;
    createdById: string;
  }[];
  lists: {
    tenantId: string;
    id: string;
    campaignId: string;
    title: string;
    periodStart: Date;
    periodEnd: Date;
    createdById: string;
  }[];
  matters: {
    tenantId: string;
    id: string;
    listId: string;
    title: string;
    ownerDepartmentId: string | null;
    ownerOrgId: string | null;
    dueDate: Date;
  }[];
  tasks: {
    tenantId: string;
    id: string;
    campaignId: string;
    title: string;
    leadDepartmentId: string;
    dueDate: Date;
    createdById: string;
  }[];
  projects: {
    tenantId: string;
    id: string;
    campaignId: string;
    orgId: string;
    title: string;
    goal: string;
    timetable: string;
    createdById: string;
  }[];
  milestones: {
    tenantId: string;
    id: string;
    projectId: string;
    title: string;
    dueDate: Date;
    status: "NOT_STARTED" | "IN_PROGRESS" | "DONE";
    doneAt: Date | null;
    progress: string | null;
    sortOrder: number;
  }[];
  plans: {
    tenantId: string;
    id: string;
    campaignId: string;
    orgId: string;
    summary: string;
    filedById: string;
  }[];
}

export function generateDemoTaskData(
  u: DemoUniversity,
  activity: DemoActivityData,
  referenceDate: Date,
): DemoTaskData | null {
  const tenantId = u.tenant.id;
  const uuid = (key: string) => deterministicUuid(`${tenantId}|demo-tasks|${key}`);
  const admin = u.users.find((x) => x.username === "admin");
  const secretary = u.users.find((x) => x.username === "secretary");
  const publicity = u.departments.find((d) => d.code === "PUB");
  const campaign =
    activity.campaigns.find((c) => c.templateCode === "liang-zai-liang-tong") ??
    activity.campaigns[0];
  const branchId = u.highlights.secretaryBranchId;
  if (!admin || !publicity || !campaign) return null;
  const today = new Date(
    Date.UTC(
      referenceDate.getUTCFullYear(),
      referenceDate.getUTCMonth(),
      referenceDate.getUTCDate(),
    ),
  );
  const within = (d: Date) => clamp(d, campaign.startDate, campaign.endDate);
  // The current two-month period: January–February, March–April, …
  const startMonth = today.getUTCMonth() - (today.getUTCMonth() % 2);
  const periodStart = new Date(Date.UTC(today.getUTCFullYear(), startMonth, 1));
  const periodEnd = new Date(Date.UTC(today.getUTCFullYear(), startMonth + 2, 0));
  const deptUserId = uuid("user|dept");
  const listId = uuid("list");
  const data: DemoTaskData = {
    users: [
      { tenantId, id: deptUserId, username: "dept", displayName: "宣传部 陈老师", memberId: null },
    ],
    departmentStaff: [
      {
        tenantId,
        id: uuid("staff|dept"),
        departmentId: publicity.id,
        userId: deptUserId,
        createdById: admin.id,
      },
    ],
    lists: [
      {
        tenantId,
        id: listId,
        campaignId: campaign.id,
        title: `${periodStart.getUTCFullYear()}年${startMonth + 1}-${startMonth + 2}月实事清单`,
        periodStart,
        periodEnd,
        createdById: admin.id,
      },
    ],
    matters: [
      {
        tenantId,
        id: uuid("matter|publicity"),
        listId,
        title: "更新校园党建宣传栏",
        ownerDepartmentId: publicity.id,
        ownerOrgId: null,
        dueDate: addDays(today, 10),
      },
      ...(branchId
        ? [
            {
              tenantId,
              id: uuid("matter|branch"),
              listId,
              title: "为新生宿舍配备学习资料",
              ownerDepartmentId: null,
              ownerOrgId: branchId,
              dueDate: addDays(today, 20),
            },
          ]
        : []),
    ],
    tasks: [
      {
        tenantId,
        id: uuid("task|publicity"),
        campaignId: campaign.id,
        title: "开展“两在两同”典型宣传",
        leadDepartmentId: publicity.id,
        dueDate: within(addDays(today, 30)),
        createdById: admin.id,
      },
    ],
    projects: [],
    milestones: [],
    plans: [],
  };
  if (branchId && secretary) {
    const projectId = uuid("project");
    data.projects.push({
      tenantId,
      id: projectId,
      campaignId: campaign.id,
      orgId: branchId,
      title: "“党员先锋岗”进实验室",
      goal: "每个教学实验室设一名党员先锋岗，结对帮扶新生开展科研训练。",
      timetable: "第一季度调研布岗，第二季度结对，第三季度总结推广。",
      createdById: secretary.id,
    });
    const steps: [string, number, "DONE" | "IN_PROGRESS" | "NOT_STARTED"][] = [
      ["调研实验室并确定先锋岗人选", -40, "DONE"],
      ["完成党员与新生结对", -5, "IN_PROGRESS"],
      ["召开经验交流会", 25, "NOT_STARTED"],
    ];
    steps.forEach(([title, offset, status], i) =>
      data.milestones.push({
        tenantId,
        id: uuid(`milestone|${i}`),
        projectId,
        title,
        dueDate: within(addDays(today, offset)),
        status,
        doneAt: status === "DONE" ? within(addDays(today, offset)) : null,
        progress: status === "NOT_STARTED" ? null : "按计划推进，见支部会议记录。",
        sortOrder: i,
      }),
    );
    data.plans.push({
      tenantId,
      id: uuid("plan"),
      campaignId: campaign.id,
      orgId: branchId,
      summary: "支部实施方案：成立工作小组，按“四个一”要求组织党员参与，每月一次主题党日。",
      filedById: secretary.id,
    });
  }
  return data;
}
