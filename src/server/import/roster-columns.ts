import {
  CADRE_LEVEL_LABELS,
  DEVELOPMENT_STAGE_LABELS,
  GENDER_LABELS,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  POSITION_LABELS,
  type ImportMemberColumn,
} from "@/lib/schemas/member";

export type RosterColumn = {
  key: ImportMemberColumn;
  /** The Chinese header, as in the template. */
  header: string;
  /** Other headers seen in university rosters; the English key is always accepted too. */
  aliases: readonly string[];
  required: boolean;
  /** What the cell holds, for the template's instructions sheet. */
  hint: { "zh-CN": string; en: string };
  /** Allowed values, for the template's drop-down lists. */
  choices?: { "zh-CN": readonly string[]; en: readonly string[] };
  kind: "text" | "date" | "choice";
};

function choicesOf(table: Record<string, readonly string[]>) {
  return { "zh-CN": Object.values(table).map((labels) => labels[0]!), en: Object.keys(table) };
}

/** The roster import's columns, in template order. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    key: "number",
    header: "党员编号",
    aliases: ["编号", "工号/学号", "工号", "学号", "Member number"],
    required: true,
    kind: "text",
    hint: {
      "zh-CN": "必填。全校唯一，可用字母、数字、- 和 _；再次导入时按此编号更新已有党员",
      en: "Required. Unique in the university; letters, digits, - and _. A later import updates the member with this number",
    },
  },
  {
    key: "name",
    header: "姓名",
    aliases: ["Name"],
    required: true,
    kind: "text",
    hint: { "zh-CN": "必填", en: "Required" },
  },
  {
    key: "gender",
    header: "性别",
    aliases: ["Gender"],
    required: true,
    kind: "choice",
    choices: choicesOf(GENDER_LABELS),
    hint: { "zh-CN": "必填：男、女", en: "Required: MALE, FEMALE" },
  },
  {
    key: "orgCode",
    header: "所在组织编码",
    aliases: ["组织编码", "支部编码", "所在支部编码", "Organization code", "Org code"],
    required: true,
    kind: "text",
    hint: {
      "zh-CN": "必填。“组织架构”中该党支部（或党小组、党委）的组织编码，须在您的管理范围内",
      en: "Required. The organization code shown under Organizations; it must be within your scope",
    },
  },
  {
    key: "status",
    header: "党员状态",
    aliases: ["党员类型", "政治面貌", "Status"],
    required: true,
    kind: "choice",
    choices: choicesOf(MEMBER_STATUS_LABELS),
    hint: { "zh-CN": "必填：正式党员、预备党员", en: "Required: FULL, PROBATIONARY" },
  },
  {
    key: "category",
    header: "人员类别",
    aliases: ["类别", "人员类型", "Category"],
    required: true,
    kind: "choice",
    choices: choicesOf(MEMBER_CATEGORY_LABELS),
    hint: {
      "zh-CN": "必填：教师、职工、学生、离退休",
      en: "Required: TEACHER, STAFF, STUDENT, RETIRED",
    },
  },
  {
    key: "cadreLevel",
    header: "干部级别",
    aliases: ["干部层级", "Cadre level"],
    required: false,
    kind: "choice",
    choices: choicesOf(CADRE_LEVEL_LABELS),
    hint: {
      "zh-CN": "选填：校级领导、中层干部、无；空白视为“无”",
      en: "Optional: SCHOOL_LEADER, MIDDLE_CADRE, NONE; empty means NONE",
    },
  },
  {
    key: "positions",
    header: "职务",
    aliases: ["党内职务", "Positions"],
    required: false,
    kind: "text",
    hint: {
      "zh-CN": `选填，可填多个，用 、 , 或 ; 分隔：${Object.values(POSITION_LABELS)
        .map((l) => l[0])
        .join("、")}`,
      en: `Optional, several separated by , or ; : ${Object.keys(POSITION_LABELS).join(", ")}`,
    },
  },
  {
    key: "developmentStage",
    header: "发展阶段",
    aliases: ["Development stage"],
    required: false,
    kind: "choice",
    choices: {
      "zh-CN": [DEVELOPMENT_STAGE_LABELS.PROBATIONARY[0]!, DEVELOPMENT_STAGE_LABELS.FULL[0]!],
      en: ["PROBATIONARY", "FULL"],
    },
    hint: {
      "zh-CN": "选填，须与党员状态一致；空白时按党员状态填写",
      en: "Optional; must agree with the status, derived from it when empty",
    },
  },
  {
    key: "joinedAt",
    header: "入党日期",
    aliases: ["入党时间", "Joined on"],
    required: false,
    kind: "date",
    hint: { "zh-CN": "选填，格式 2020-07-01", en: "Optional, as 2020-07-01" },
  },
  {
    key: "fullMemberAt",
    header: "转正日期",
    aliases: ["转正时间", "Full member since"],
    required: false,
    kind: "date",
    hint: {
      "zh-CN": "选填，格式 2021-07-01；预备党员不填",
      en: "Optional, as 2021-07-01; empty for probationary members",
    },
  },
  {
    key: "birthDate",
    header: "出生日期",
    aliases: ["出生年月", "Birth date"],
    required: false,
    kind: "date",
    hint: { "zh-CN": "选填，格式 1990-01-01", en: "Optional, as 1990-01-01" },
  },
  {
    key: "phone",
    header: "手机",
    aliases: ["手机号", "手机号码", "联系电话", "电话", "Phone"],
    required: false,
    kind: "text",
    hint: { "zh-CN": "选填", en: "Optional" },
  },
  {
    key: "orgFrom",
    header: "进入组织日期",
    aliases: ["转入日期", "进入本组织日期", "Organization since"],
    required: false,
    kind: "date",
    hint: {
      "zh-CN": "选填。新党员或更换所在组织时，进入该组织的日期；空白为导入当天",
      en: "Optional. For a new member or a change of organization: the first day there; empty means the import day",
    },
  },
];

/** A header as written, reduced for matching: width, spaces, case, "*" marks and "(...)" notes dropped. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .replace(/\([^)]*\)/g, "")
    .replace(/[*\s]/g, "")
    .toLowerCase();
}

const HEADER_LOOKUP = new Map<string, RosterColumn>();
for (const column of ROSTER_COLUMNS) {
  for (const text of [column.header, column.key, ...column.aliases])
    HEADER_LOOKUP.set(normalizeHeader(text), column);
}

/** The column a header cell names, or undefined. */
export function matchRosterHeader(text: string): RosterColumn | undefined {
  const key = normalizeHeader(text);
  return key ? HEADER_LOOKUP.get(key) : undefined;
}
