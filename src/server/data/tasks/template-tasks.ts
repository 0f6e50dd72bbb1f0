/**
 * The tasks a campaign template brings with it, keyed by template code. Seed 001 (三级联创)
 * names a lead department (牵头部门) and cooperating departments (配合部门) for every task; the
 * codes are the demo seed's department codes (prisma/demo-data.ts: ORG 组织部, PUB 宣传部,
 * OFFICE 党政办, STU 学工部, DISC 纪委办, QA 质控办, HR 人事处, ACAD 教务处, YOUTH 团委,
 * UNION 工会). Units the seed names that are not departments (马克思主义学院, 各二级学院) are
 * left out of the codes and kept in the description. `dueMonths` counts from the campaign's start;
 * the due date is clamped to the campaign's end.
 */
export type TemplateTask = {
  title: string;
  description: string;
  lead: string;
  cooperating: readonly string[];
  dueMonths: number;
};

const SAN_JI_LIAN_CHUANG: readonly TemplateTask[] = [
  {
    title: "实施政治“强核”行动计划",
    description: "种子 001 二.1；配合：宣传部、马克思主义学院",
    lead: "ORG",
    cooperating: ["PUB"],
    dueMonths: 12,
  },
  {
    title: "落实全面从严治党主体责任",
    description: "种子 001 二.2",
    lead: "OFFICE",
    cooperating: ["ORG", "PUB", "DISC"],
    dueMonths: 12,
  },
  {
    title: "加强学校治理体系和治理能力建设",
    description: "种子 001 二.3；配合：科技处、信息资源中心",
    lead: "OFFICE",
    cooperating: ["ORG", "QA", "UNION"],
    dueMonths: 18,
  },
  {
    title: "坚持和完善党委领导下的校长负责制",
    description: "种子 001 二.4",
    lead: "OFFICE",
    cooperating: ["ORG", "QA"],
    dueMonths: 12,
  },
  {
    title: "推进干部人才梯队培育工程",
    description: "种子 001 二.5",
    lead: "ORG",
    cooperating: ["HR", "ACAD"],
    dueMonths: 18,
  },
  {
    title: "全力推进“双高”建设任务书",
    description: "种子 001 二.6",
    lead: "QA",
    cooperating: ["ORG", "OFFICE"],
    dueMonths: 24,
  },
  {
    title: "全面建强二级学院党组织",
    description: "种子 001 三.1；配合：各二级学院",
    lead: "ORG",
    cooperating: [],
    dueMonths: 12,
  },
  {
    title: "严格落实意识形态工作责任制",
    description: "种子 001 三.2；配合：各二级学院",
    lead: "PUB",
    cooperating: [],
    dueMonths: 12,
  },
  {
    title: "开展“学生成长护航工程”",
    description: "种子 001 三.3；配合：各二级学院",
    lead: "PUB",
    cooperating: ["STU", "YOUTH", "HR"],
    dueMonths: 18,
  },
  {
    title: "实施组织力提升工程",
    description: "种子 001 三.4；配合：各二级学院",
    lead: "ORG",
    cooperating: [],
    dueMonths: 12,
  },
  {
    title: "推行“主题党日+”模式",
    description: "种子 001 四.1；配合：各二级学院",
    lead: "ORG",
    cooperating: [],
    dueMonths: 12,
  },
  {
    title: "探索红线底线“双线”管理",
    description: "种子 001 四.3；配合：各二级学院",
    lead: "DISC",
    cooperating: ["ORG"],
    dueMonths: 12,
  },
  {
    title: "培育创业创新攻坚团队",
    description: "种子 001 四.4；配合：各二级学院",
    lead: "QA",
    cooperating: ["HR"],
    dueMonths: 12,
  },
  {
    title: "拓展服务帮扶工作平台",
    description: "种子 001 四.7；配合：各二级学院",
    lead: "STU",
    cooperating: ["UNION"],
    dueMonths: 18,
  },
  {
    title: "构建党建带群团建设工作格局",
    description: "种子 001 五.5；配合：各二级学院",
    lead: "ORG",
    cooperating: ["UNION", "YOUTH"],
    dueMonths: 24,
  },
  {
    title: "强化党建工作责任落实机制",
    description: "种子 001 六.1；配合：各二级学院",
    lead: "ORG",
    cooperating: [],
    dueMonths: 6,
  },
];

export const TEMPLATE_TASKS: Readonly<Record<string, readonly TemplateTask[]>> = {
  "san-ji-lian-chuang": SAN_JI_LIAN_CHUANG,
};

/** Due day of a template task: campaign start + months, at most the campaign's end. */
export function templateDueDate(startIso: string, endIso: string, months: number): string {
  const start = new Date(startIso + "T00:00:00Z");
  const due = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()),
  );
  const iso = due.toISOString().slice(0, 10);
  return iso > endIso ? endIso : iso;
}
