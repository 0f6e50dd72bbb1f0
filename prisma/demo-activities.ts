/**
 * Demo campaigns and a year of activity records for a generated demo university (pure: no I/O,
 * no clock, no Math.random — the same university and reference date give the same rows).
 *
 * `generateDemoActivities(university, { referenceDate })` returns rows shaped like the Prisma
 * `createMany` inputs of Campaign, CampaignLeader, Activity, ActivityAttendance and
 * ActivityCampaign:
 *   - one campaign per seed template, each instantiated with src/rules (the same code path as
 *     "new campaign from template" in the UI), with dates placed around the reference date so
 *     that every campaign is under way: 三创六进 from the September before last (about a year in),
 *     三级联创 and 两在两同 from about ten months ago, 创先争优 still in its mobilization period;
 *   - a leadership group for each (组长, 副组长, 成员, 办公室主任);
 *   - about fifteen months of records: 三会一课 (branch general meetings, committee meetings, party
 *     lectures), concentrated study sessions, theme party days, volunteer service and voluntary
 *     labour with attendance and hours, members' self-reports (pledges, lectures given, pairings,
 *     training hours …), leaders' and cadres' duties, and school-level lists and reports;
 *   - each record linked to every campaign whose quotas count its type and whose dates contain it.
 * Branches follow a pace profile (ahead, on track, slow, far behind), so the evaluation shows some
 * branches ahead and some behind. Records of the last two weeks are partly still SUBMITTED, and
 * one self-report has been RETURNED to its author.
 */
import {
  checkCampaignDefinition,
  findCampaignTemplate,
  instantiateCampaignTemplate,
  type CampaignDefinition,
} from "../src/rules/index";
import {
  deterministicUuid,
  mulberry32,
  type DemoMember,
  type DemoOrganization,
  type DemoUniversity,
} from "./demo-data";

// ---------------------------------------------------------------------------
// Row types (string unions equal to the Prisma enums)
// ---------------------------------------------------------------------------

export interface DemoCampaign {
  tenantId: string;
  id: string;
  name: string;
  nameEn: string | null;
  description: string;
  templateCode: string;
  startDate: Date;
  endDate: Date;
  rootOrgId: string;
  status: "ACTIVE";
  definition: CampaignDefinition;
  createdById: string | null;
}

export interface DemoCampaignLeader {
  tenantId: string;
  id: string;
  campaignId: string;
  memberId: string;
  role: "LEADER" | "DEPUTY" | "MEMBER" | "OFFICE_DIRECTOR";
  sortOrder: number;
}

export interface DemoActivity {
  tenantId: string;
  id: string;
  orgId: string;
  type: string;
  subType: string | null;
  date: Date;
  durationHours: number;
  days: number | null;
  place: string | null;
  topic: string;
  content: string | null;
  hostMemberId: string | null;
  selfReportedById: string | null;
  status: "SUBMITTED" | "APPROVED" | "RETURNED";
  submittedAt: Date;
  reviewedById: string | null;
  reviewedAt: Date | null;
  returnReason: string | null;
  recordedById: string;
}

export interface DemoAttendance {
  tenantId: string;
  activityId: string;
  memberId: string;
  present: boolean;
  absenceReason: string | null;
  hours: number | null;
}

export interface DemoActivityCampaign {
  tenantId: string;
  activityId: string;
  campaignId: string;
}

export interface DemoActivityData {
  campaigns: DemoCampaign[];
  leaders: DemoCampaignLeader[];
  activities: DemoActivity[];
  attendances: DemoAttendance[];
  links: DemoActivityCampaign[];
}

export interface DemoActivityOptions {
  /** "Today". Default 2026-09-01 (UTC), like the university generator. */
  referenceDate?: Date;
}

// ---------------------------------------------------------------------------
// Dates (UTC midnight, matching @db.Date columns)
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const fromIso = (s: string) => new Date(`${s}T00:00:00.000Z`);
/** First day of the month `k` months before `d`'s month. */
const monthsBack = (d: Date, k: number) => utc(d.getUTCFullYear(), d.getUTCMonth() + 1 - k, 1);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Month starts from `from` (its month) to `to` (inclusive). */
function monthsBetween(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (
    let d = utc(from.getUTCFullYear(), from.getUTCMonth() + 1, 1);
    d <= to;
    d = utc(d.getUTCFullYear(), d.getUTCMonth() + 2, 1)
  )
    out.push(d);
  return out;
}

// ---------------------------------------------------------------------------
// Topics: what the records are about
// ---------------------------------------------------------------------------

// prettier-ignore
const TOPICS: Record<string, readonly string[]> = {
  BRANCH_GENERAL_MEETING: ["支部党员大会：讨论发展对象", "支部党员大会：审议支部年度工作计划", "支部党员大会：预备党员转正表决", "支部党员大会：民主评议党员"],
  COMMITTEE_MEETING: ["支委会：研究本月支部工作", "支委会：讨论入党积极分子培养", "支委会：部署主题党日活动", "支委会：研究党费收缴情况"],
  PARTY_LECTURE: ["书记讲党课：坚定理想信念", "党课：从党史中汲取奋进力量", "党课：弘扬伟大建党精神", "党课：学思想、强党性、重实践、建新功"],
  CONCENTRATED_STUDY: ["集中学习党的二十大报告", "集中学习《习近平谈治国理政》第四卷", "党纪学习教育专题学习", "集中学习《中国共产党章程》", "集中学习全国教育大会精神", "集中学习新修订的《中国共产党纪律处分条例》"],
  CENTRAL_GROUP_STUDY: ["校党委理论学习中心组专题学习", "中心组学习：教育强国建设", "中心组学习：全面从严治党"],
  THEME_PARTY_DAY: ["主题党日：重温入党誓词", "主题党日：参观红色教育基地", "主题党日+志愿服务：社区义诊", "主题党日：观看红色电影", "主题党日+结对共建：走进社区"],
  VOLUNTEER_SERVICE: ["社区志愿服务", "图书馆志愿服务", "迎新志愿服务", "校园环境整治志愿服务", "关爱留守儿童志愿服务"],
  VOLUNTARY_LABOUR: ["校园义务劳动", "实验楼清洁义务劳动", "植树义务劳动"],
  LECTURE_GIVEN: ["为学生党员讲授团课", "为入党积极分子讲授党课", "为新生班级讲授团课"],
  PAIRING: ["结对帮扶新生宿舍", "结对帮扶困难学生"],
  PLEDGE: ["党员公开承诺：亮诺践诺"],
  TRAINING: ["干部在线学习培训", "党校专题培训班", "干部教育培训专题班"],
  CLASS_VISIT: ["校领导听课"],
  GRASSROOTS_CONTACT: ["深入联系学院、走访师生"],
  STUDENT_TALK: ["与学生面对面交流座谈"],
  RESEARCH_TOPIC: ["确定年度调研课题"],
  RESEARCH_REPORT: ["提交调研报告"],
  ACADEMIC_REPORT: ["面向师生的公开学术报告"],
  UNDERGRAD_COURSE: ["为本科生讲授专业课"],
  ONLINE_COMMENTARY: ["撰写网络评论文章"],
  DORM_PATROL: ["学生宿舍安全巡查"],
  SOCIAL_PRACTICE: ["暑期“三下乡”社会实践", "寒假社会调研实践"],
  PRACTICE_BASE: ["建立固定社会实践基地"],
  PROJECT_TEAM: ["加入科研攻坚项目团队"],
  COURSE_IDEOLOGY_PROJECT: ["承担“课程思政”示范项目"],
  IMPLEMENTATION_PLAN: ["制定活动实施方案"],
  SECRETARY_PROJECT: ["申报支部“书记项目”（含时间表、路线图）"],
  PRACTICAL_MATTERS_LIST: ["双月“我为师生办实事”清单"],
  WORK_REPORT: ["校党委听取专题工作汇报"],
  EXPERIENCE_EXCHANGE: ["创先争优经验交流会"],
};

const PLACES = ["支部活动室", "学院会议室", "图书馆报告厅", "党员之家", "线上会议"];
const ABSENCE_REASONS = ["因公出差", "病假", "教学任务冲突", "外出学习"];

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

/** Pace profiles: how much of a normal year's activity a branch records. */
const PACES = [
  [1.25, 0.25], // ahead
  [1.0, 0.4], // on track
  [0.7, 0.2], // slow
  [0.35, 0.15], // far behind
] as const;

export function generateDemoActivities(
  u: DemoUniversity,
  options: DemoActivityOptions = {},
): DemoActivityData {
  const today = options.referenceDate
    ? utc(
        options.referenceDate.getUTCFullYear(),
        options.referenceDate.getUTCMonth() + 1,
        options.referenceDate.getUTCDate(),
      )
    : utc(2026, 9, 1);
  const tenantId = u.tenant.id;
  const uuid = (key: string) => deterministicUuid(`${tenantId}|demo-activities|${key}`);
  const random = mulberry32(parseInt(uuid("rng").slice(0, 8), 16));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const admin = u.users.find((x) => x.username === "admin");
  const recorder = admin?.id ?? uuid("recorder");
  const reviewer = admin?.id ?? null;
  const root = u.organizations.find((o) => o.id === u.highlights.rootOrgId)!;
  const orgById = new Map(u.organizations.map((o) => [o.id, o]));
  const since = new Map(u.memberships.map((m) => [m.memberId, m.validFrom]));

  // --- campaigns -----------------------------------------------------------------
  const academicYear =
    today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const septemberBefore = utc(academicYear - 1, 9, 1);
  const plans: { code: string; name: string; start: Date }[] = [
    {
      code: "san-chuang-liu-jin",
      name: "“三创六进”行动计划",
      // The seed's plan starts in September; the one before last, unless that is too long ago.
      start:
        today.getTime() - septemberBefore.getTime() <= 460 * DAY_MS
          ? septemberBefore
          : utc(academicYear, 9, 1),
    },
    { code: "san-ji-lian-chuang", name: "党建“三级联创”", start: monthsBack(today, 11) },
    { code: "liang-zai-liang-tong", name: "“两在两同”建新功行动", start: monthsBack(today, 10) },
    { code: "chuang-xian-zheng-you", name: "创先争优活动", start: monthsBack(today, 6) },
  ];
  const campaigns: DemoCampaign[] = plans.map((plan) => {
    const template = findCampaignTemplate(plan.code)!;
    const id = uuid(`campaign|${plan.code}`);
    const { campaign } = instantiateCampaignTemplate(template, { id, startDate: iso(plan.start) });
    const definition = { ...campaign, name: plan.name };
    const errors = checkCampaignDefinition(definition);
    if (errors.length)
      throw new Error(`demo campaign ${plan.code}: ${errors[0]!.path}: ${errors[0]!.message}`);
    return {
      tenantId,
      id,
      name: plan.name,
      nameEn: template.nameEn,
      description: `依据模板《${template.name}》创建（种子文件 ${template.seeds.join("、")}）；演示数据`,
      templateCode: template.code,
      startDate: fromIso(definition.startDate),
      endDate: fromIso(definition.endDate),
      rootOrgId: root.id,
      status: "ACTIVE",
      definition,
      createdById: admin?.id ?? null,
    };
  });

  // --- leadership groups ------------------------------------------------------------
  const schoolLeaders = u.members.filter((m) => m.cadreLevel === "SCHOOL_LEADER");
  const middleCadres = u.members.filter((m) => m.cadreLevel === "MIDDLE_CADRE");
  const orgDeptBranch = u.organizations.find((o) => o.name.includes("组织宣传统战"));
  const officeDirector =
    u.members.find((m) => m.orgId === orgDeptBranch?.id && m.cadreLevel !== "NONE") ??
    middleCadres[0];
  const leaders: DemoCampaignLeader[] = [];
  campaigns.forEach((c, ci) => {
    const seats: [DemoCampaignLeader["role"], DemoMember | undefined][] = [
      ["LEADER", schoolLeaders[ci % Math.max(1, schoolLeaders.length)]],
      ["DEPUTY", schoolLeaders[(ci + 1) % Math.max(1, schoolLeaders.length)]],
      ["MEMBER", middleCadres[ci * 2]],
      ["MEMBER", middleCadres[ci * 2 + 1]],
      ["OFFICE_DIRECTOR", officeDirector],
    ];
    const seated = new Set<string>();
    seats.forEach(([role, member], k) => {
      if (!member || seated.has(member.id)) return;
      seated.add(member.id);
      leaders.push({
        tenantId,
        id: uuid(`leader|${c.id}|${member.id}`),
        campaignId: c.id,
        memberId: member.id,
        role,
        sortOrder: k + 1,
      });
    });
  });

  // --- who belongs where ----------------------------------------------------------------
  const branches = u.organizations.filter((o) => o.level === "BRANCH");
  const colleges = u.organizations.filter((o) => o.level === "COLLEGE");
  /** The branch a member's organization belongs to (the organization itself, or a group's parent). */
  const branchOf = (orgId: string): DemoOrganization | undefined => {
    const org = orgById.get(orgId);
    if (!org) return undefined;
    if (org.level === "GROUP") return org.parentId ? orgById.get(org.parentId) : undefined;
    return org;
  };
  const membersOfBranch = new Map<string, DemoMember[]>();
  for (const m of u.members) {
    const branch = branchOf(m.orgId);
    if (!branch) continue;
    membersOfBranch.set(branch.id, [...(membersOfBranch.get(branch.id) ?? []), m]);
  }
  const pace = new Map<string, number>();
  for (const b of branches) {
    const roll = int(0, 99);
    const [rate, spread] = PACES[roll < 25 ? 0 : roll < 60 ? 1 : roll < 80 ? 2 : 3]!;
    pace.set(b.id, Math.max(0.1, rate + (random() - 0.5) * spread));
  }
  const collegePace = new Map(colleges.map((c) => [c.id, 0.5 + random() * 0.8]));
  const memberPace = (m: DemoMember) => pace.get(branchOf(m.orgId)?.id ?? "") ?? 0.8;
  const activeOn = (m: DemoMember, day: Date) =>
    (since.get(m.id) ?? m.joinedAt).getTime() <= day.getTime();

  // --- records ------------------------------------------------------------------------------
  // Recurring records cover the last year; one-off records (plans, projects) go back to the
  // start of the earliest campaign, so a campaign's mobilization deadline has its plans.
  const earliest = plans.reduce((min, p) => (p.start < min ? p.start : min), today);
  const yearAgo = addDays(today, -364);
  const from = earliest > yearAgo ? earliest : yearAgo;
  // Attendance rows of 三会一课, study sessions and theme days for the branches the demo logins
  // look at (the leader's college, the secretary's branch); elsewhere those records carry none,
  // which keeps the seed small. Service and labour record attendance and hours everywhere.
  const leaderCollege = u.highlights.leaderCollegeId
    ? orgById.get(u.highlights.leaderCollegeId)
    : undefined;
  const showcase = (branch: DemoOrganization) =>
    branch.id === u.highlights.secretaryBranchId ||
    (leaderCollege !== undefined && branch.path.startsWith(`${leaderCollege.path}/`));
  const activities: DemoActivity[] = [];
  const attendances: DemoAttendance[] = [];
  let n = 0;
  let returned = false;

  /** A date in [a, b] (clipped to today), or null when the range lies after today. */
  const dayIn = (a: Date, b: Date): Date | null => {
    const end = b > today ? today : b;
    if (end < a) return null;
    return addDays(a, int(0, Math.round((end.getTime() - a.getTime()) / DAY_MS)));
  };
  const monthDay = (month: Date, firstDay = 1, lastDay?: number) =>
    dayIn(
      addDays(month, firstDay - 1),
      addDays(
        month,
        Math.min(lastDay ?? 31, daysInMonth(month.getUTCFullYear(), month.getUTCMonth() + 1)) - 1,
      ),
    );

  function add(
    type: string,
    orgId: string,
    date: Date | null,
    fields: Partial<
      Pick<
        DemoActivity,
        | "subType"
        | "durationHours"
        | "days"
        | "hostMemberId"
        | "selfReportedById"
        | "topic"
        | "place"
      >
    > = {},
    oneOff = false,
  ): DemoActivity | null {
    if (!date || date < (oneOff ? earliest : from) || date > today) return null;
    const id = uuid(`activity|${n++}`);
    const recent = today.getTime() - date.getTime() < 14 * DAY_MS;
    let status: DemoActivity["status"] = recent && chance(0.5) ? "SUBMITTED" : "APPROVED";
    let returnReason: string | null = null;
    if (
      !returned &&
      fields.selfReportedById &&
      type === "LECTURE_GIVEN" &&
      today.getTime() - date.getTime() < 40 * DAY_MS
    ) {
      returned = true;
      status = "RETURNED";
      returnReason = "缺少授课签到表和现场照片，请补充后重新提交";
    }
    const submittedAt = new Date(date.getTime() + (int(0, 2) * 24 + 12) * 3_600_000);
    const reviewedAt =
      status === "SUBMITTED"
        ? null
        : new Date(
            Math.min(submittedAt.getTime() + int(1, 4) * DAY_MS, today.getTime() + 8 * 3_600_000),
          );
    const activity: DemoActivity = {
      tenantId,
      id,
      orgId,
      type,
      subType: fields.subType ?? null,
      date,
      durationHours: fields.durationHours ?? 2,
      days: fields.days ?? null,
      place: fields.place ?? (fields.selfReportedById ? null : pick(PLACES)),
      topic: fields.topic ?? pick(TOPICS[type] ?? [type]),
      content: null,
      hostMemberId: fields.hostMemberId ?? null,
      selfReportedById: fields.selfReportedById ?? null,
      status,
      submittedAt,
      reviewedById: status === "SUBMITTED" ? null : reviewer,
      reviewedAt,
      returnReason,
      recordedById: recorder,
    };
    activities.push(activity);
    return activity;
  }

  /** Attendance of a branch-held activity: present with `share`, absent (with a reason) otherwise. */
  function attend(
    activity: DemoActivity | null,
    people: DemoMember[],
    share: number,
    hours?: () => number,
  ) {
    if (!activity) return;
    for (const m of people) {
      if (!activeOn(m, activity.date)) continue;
      const present = chance(share);
      attendances.push({
        tenantId,
        activityId: activity.id,
        memberId: m.id,
        present,
        absenceReason: present ? null : pick(ABSENCE_REASONS),
        hours: present && hours ? hours() : null,
      });
    }
  }

  const months = monthsBetween(from, today);
  const selfReport = (
    type: string,
    m: DemoMember,
    date: Date | null,
    fields: Parameters<typeof add>[3] = {},
  ) =>
    date && activeOn(m, date)
      ? add(type, m.orgId, date, { ...fields, selfReportedById: m.id })
      : null;

  // Branches: 三会一课, study, theme days, service.
  for (const branch of branches) {
    const people = membersOfBranch.get(branch.id) ?? [];
    if (people.length === 0) continue;
    const rate = pace.get(branch.id)!;
    const roll = showcase(branch) ? people : [];
    const secretary = people.find((m) => m.positions.includes("SECRETARY"));
    const committee = people.filter(
      (m) => m.positions.includes("SECRETARY") || m.positions.includes("COMMITTEE_MEMBER"),
    );
    const turnout = Math.min(0.97, 0.7 + rate * 0.2);
    for (const month of months) {
      const m = month.getUTCMonth() + 1;
      const holiday = m === 2 || m === 8;
      if (chance(Math.min(1, 0.6 + rate * 0.35)))
        attend(
          add("COMMITTEE_MEETING", branch.id, monthDay(month, 3, 12), {
            durationHours: 1.5,
            hostMemberId: secretary?.id ?? null,
          }),
          showcase(branch) ? committee : [],
          0.95,
        );
      if ([3, 6, 9, 12].includes(m) && chance(0.95))
        attend(
          add("BRANCH_GENERAL_MEETING", branch.id, monthDay(month, 10, 25), {
            durationHours: 2,
            hostMemberId: secretary?.id ?? null,
          }),
          roll,
          turnout,
        );
      if ([4, 7, 10, 1].includes(m) && chance(0.9))
        attend(
          add("PARTY_LECTURE", branch.id, monthDay(month, 5, 28), {
            durationHours: 2,
            hostMemberId: secretary?.id ?? null,
          }),
          roll,
          turnout,
        );
      // Concentrated study: about ten a year at a normal pace, more or fewer by the branch's pace.
      const studies = holiday ? 0 : Math.floor(rate * 0.95 + random());
      for (let k = 0; k < studies; k++)
        attend(
          add("CONCENTRATED_STUDY", branch.id, monthDay(month, 2, 27), { durationHours: 2 }),
          roll,
          turnout,
        );
      if (!holiday && chance(Math.min(1, 0.55 + rate * 0.3))) {
        const sub = chance(0.35)
          ? pick(["VOLUNTEER", "CO_BUILDING", "SOCIAL_PRACTICE"] as const)
          : null;
        attend(
          add("THEME_PARTY_DAY", branch.id, monthDay(month, 1, 28), {
            subType: sub,
            durationHours: 3,
          }),
          roll,
          turnout,
        );
      }
      // Service with per-member hours: what the "four ones" count.
      if (chance(Math.min(0.95, 0.35 + rate * 0.35)))
        attend(
          add("VOLUNTEER_SERVICE", branch.id, monthDay(month), { durationHours: 3 }),
          people,
          0.2 + rate * 0.25,
          () => int(2, 6) / 2 + 1,
        );
      if (chance(0.12 + rate * 0.12))
        attend(
          add("VOLUNTARY_LABOUR", branch.id, monthDay(month), { durationHours: 2 }),
          people,
          0.25 + rate * 0.2,
          () => int(2, 4),
        );
    }
    // Plans, projects: one each, filed early or late or not at all according to the pace.
    for (const c of campaigns) {
      const mobilization = c.definition.phases?.find((p) => p.id === "mobilization");
      if (
        mobilization &&
        c.definition.quotas.some((q) => q.activity?.types.includes("IMPLEMENTATION_PLAN"))
      ) {
        if (chance(Math.min(0.97, 0.45 + rate * 0.45)))
          add(
            "IMPLEMENTATION_PLAN",
            branch.id,
            dayIn(fromIso(mobilization.startDate), fromIso(mobilization.endDate)),
            { durationHours: 0, hostMemberId: secretary?.id ?? null },
            true,
          );
      }
      if (
        c.definition.quotas.some((q) => q.activity?.types.includes("SECRETARY_PROJECT")) &&
        chance(Math.min(0.95, 0.3 + rate * 0.45))
      ) {
        add(
          "SECRETARY_PROJECT",
          branch.id,
          dayIn(c.startDate, addDays(c.startDate, 150)),
          { durationHours: 0, hostMemberId: secretary?.id ?? null },
          true,
        );
      }
    }
  }

  // Colleges: their own study sessions, plans and a practice base.
  for (const college of colleges) {
    const rate = collegePace.get(college.id)!;
    for (const month of months) {
      const m = month.getUTCMonth() + 1;
      if (m !== 2 && m !== 8 && chance(Math.min(1, rate * 0.9)))
        add("CONCENTRATED_STUDY", college.id, monthDay(month, 5, 25), {
          durationHours: 2,
          topic: "学院党委（党总支）集中学习",
        });
    }
    for (const c of campaigns) {
      const mobilization = c.definition.phases?.find((p) => p.id === "mobilization");
      if (mobilization && chance(0.85))
        add(
          "IMPLEMENTATION_PLAN",
          college.id,
          dayIn(fromIso(mobilization.startDate), fromIso(mobilization.endDate)),
          { durationHours: 0 },
          true,
        );
    }
    if (chance(0.7))
      add("PRACTICE_BASE", college.id, dayIn(earliest, today), { durationHours: 0 }, true);
  }

  // The school: leading-group study, lists, reports, exchanges.
  for (const month of months) {
    const m = month.getUTCMonth() + 1;
    if (m !== 8 && chance(0.9))
      add("CENTRAL_GROUP_STUDY", root.id, monthDay(month, 5, 25), { durationHours: 3 });
    if (m % 2 === 1 && chance(0.8))
      add("PRACTICAL_MATTERS_LIST", root.id, monthDay(month, 1, 20), { durationHours: 0 });
    if ((m === 6 || m === 12) && chance(0.85))
      add("WORK_REPORT", root.id, monthDay(month, 5, 25), { durationHours: 2 });
    if ((m === 5 || m === 11) && chance(0.8))
      add("EXPERIENCE_EXCHANGE", root.id, monthDay(month, 5, 25), { durationHours: 3 });
  }

  // Members: self-reports and duties.
  const pledgeCampaigns = campaigns.filter((c) =>
    c.definition.quotas.some((q) => q.activity?.types.includes("PLEDGE")),
  );
  for (const member of u.members) {
    const rate = memberPace(member);
    const p = (base: number) => Math.min(0.97, base * (0.55 + rate * 0.45));
    // One pledge made after the latest pledge campaign began counts for every pledge campaign.
    if (pledgeCampaigns.length && chance(p(0.85))) {
      const start = pledgeCampaigns.reduce(
        (a, c) => (c.startDate > a ? c.startDate : a),
        pledgeCampaigns[0]!.startDate,
      );
      selfReport("PLEDGE", member, dayIn(start, addDays(start, 120)), { durationHours: 0 });
    }
    if (member.category !== "RETIRED") {
      if (chance(p(0.55)))
        selfReport("LECTURE_GIVEN", member, dayIn(from, today), { durationHours: 2 });
      if (chance(p(0.5)))
        selfReport("PAIRING", member, dayIn(from, today), {
          subType: "FRESHMAN_DORM",
          durationHours: int(4, 10),
        });
    }
    if (member.category === "TEACHER") {
      if (chance(p(0.5)))
        selfReport("PAIRING", member, dayIn(from, today), {
          subType: "STUDENT_IN_DIFFICULTY",
          durationHours: int(4, 12),
        });
      if (chance(p(0.6)))
        selfReport("PROJECT_TEAM", member, dayIn(from, today), { durationHours: 0 });
      if (member.positions.includes("COURSE_TEACHER") && chance(p(0.45)))
        selfReport("COURSE_IDEOLOGY_PROJECT", member, dayIn(from, today), { durationHours: 0 });
      if (member.positions.includes("PROFESSOR")) {
        if (chance(p(0.8)))
          selfReport("UNDERGRAD_COURSE", member, dayIn(from, today), { durationHours: 32 });
        if (chance(p(0.7)))
          selfReport("ACADEMIC_REPORT", member, dayIn(from, today), { durationHours: 2 });
      }
    }
    if (member.category === "STUDENT") {
      // The summer practice (the bulk of the days), and a few short ones during term.
      const summer = utc(
        today.getUTCMonth() >= 6 ? today.getUTCFullYear() : today.getUTCFullYear() - 1,
        7,
        10,
      );
      if (chance(p(0.7)))
        selfReport("SOCIAL_PRACTICE", member, dayIn(summer, addDays(summer, 40)), {
          days: int(5, 25),
          durationHours: 0,
        });
      if (chance(p(0.35)))
        selfReport("SOCIAL_PRACTICE", member, dayIn(addDays(today, -80), today), {
          days: int(2, 6),
          durationHours: 0,
        });
    }
    // Monthly articles and weekly patrols: the last half year (the current windows are what the
    // campaign pages show first; older windows read as behind).
    if (member.positions.includes("COUNSELOR")) {
      for (const month of months.slice(-6))
        for (let k = 0, count = chance(p(0.9)) ? 2 : int(0, 1); k < count; k++)
          selfReport("ONLINE_COMMENTARY", member, monthDay(month), { durationHours: 0 });
    }
    if (member.positions.includes("POLITICAL_WORKER")) {
      const halfYear = addDays(today, -182);
      for (
        let week = addDays(halfYear, (8 - halfYear.getUTCDay()) % 7);
        week <= today;
        week = addDays(week, 7)
      ) {
        if (chance(p(0.85)))
          selfReport("DORM_PATROL", member, dayIn(week, addDays(week, 6)), { durationHours: 1 });
      }
    }
    if (member.cadreLevel === "SCHOOL_LEADER" || member.cadreLevel === "MIDDLE_CADRE") {
      // Training hours: about 5 a month for school leaders, 3.5 for middle cadres, in sessions of 2 to 8.
      const monthly = member.cadreLevel === "SCHOOL_LEADER" ? 5 : 3.5;
      for (const month of months) {
        let hours = monthly * (0.5 + random());
        while (hours >= 2) {
          const h = Math.min(hours, int(2, 8));
          selfReport("TRAINING", member, monthDay(month), { durationHours: Math.round(h * 2) / 2 });
          hours -= h;
        }
      }
      if (chance(0.85))
        selfReport("RESEARCH_TOPIC", member, dayIn(from, addDays(from, 120)), { durationHours: 0 });
      if (chance(0.6))
        selfReport("RESEARCH_REPORT", member, dayIn(addDays(from, 150), today), {
          subType: "HOT_ISSUE",
          durationHours: 0,
        });
    }
    if (member.cadreLevel === "SCHOOL_LEADER") {
      for (const month of months) {
        if (chance(0.9))
          selfReport("CLASS_VISIT", member, monthDay(month, 1, 15), { durationHours: 2 });
        if (chance(0.8))
          selfReport("CLASS_VISIT", member, monthDay(month, 16), { durationHours: 2 });
        if (chance(0.85))
          selfReport("GRASSROOTS_CONTACT", member, monthDay(month), {
            days: int(1, 2),
            durationHours: 0,
          });
      }
      for (
        let week = addDays(from, (8 - from.getUTCDay()) % 7);
        week <= today;
        week = addDays(week, 7)
      ) {
        if (chance(0.75))
          selfReport("STUDENT_TALK", member, dayIn(week, addDays(week, 6)), { durationHours: 1 });
      }
      for (const month of months)
        if ([3, 10].includes(month.getUTCMonth() + 1) && chance(0.8))
          selfReport("LECTURE_GIVEN", member, monthDay(month), {
            durationHours: 2,
            topic: "校领导为师生讲授形势与政策课",
          });
    }
  }

  // --- links: a record counts for every campaign whose quotas count its type, inside its dates ---
  const typesOf = (c: DemoCampaign) =>
    new Set<string>(
      c.definition.quotas.flatMap((q) => [
        ...(q.activity?.types ?? []),
        ...(q.composite?.parts.flatMap((p) => p.activity.types) ?? []),
      ]),
    );
  const campaignTypes = campaigns.map((c) => ({ c, types: typesOf(c) }));
  const links: DemoActivityCampaign[] = [];
  for (const a of activities) {
    for (const { c, types } of campaignTypes) {
      if (types.has(a.type) && a.date >= c.startDate && a.date <= c.endDate)
        links.push({ tenantId, activityId: a.id, campaignId: c.id });
    }
  }

  return { campaigns, leaders, activities, attendances, links };
}
