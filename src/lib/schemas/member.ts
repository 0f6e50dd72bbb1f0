import { z } from "zod";
import { isCalendarDay } from "./text";
import type {
  CadreLevel,
  DevelopmentStage,
  Gender,
  MemberCategory,
  MemberStatus,
} from "@/generated/prisma/enums";
import { isoDate, optionalText, requiredText } from "./organization";

export const GENDERS = ["MALE", "FEMALE"] as const satisfies readonly Gender[];
export const MEMBER_STATUSES = ["FULL", "PROBATIONARY"] as const satisfies readonly MemberStatus[];
export const MEMBER_CATEGORIES = [
  "TEACHER",
  "STAFF",
  "STUDENT",
  "RETIRED",
] as const satisfies readonly MemberCategory[];
export const CADRE_LEVELS = [
  "SCHOOL_LEADER",
  "MIDDLE_CADRE",
  "NONE",
] as const satisfies readonly CadreLevel[];
export const DEVELOPMENT_STAGES = [
  "APPLICANT",
  "ACTIVIST",
  "DEVELOPMENT_TARGET",
  "PROBATIONARY",
  "FULL",
] as const satisfies readonly DevelopmentStage[];
/**
 * The positions the forms offer and the import recognises (labels in `common.positions`).
 * Member.positions itself stays an open list of codes (see src/rules/types.ts: tenants invent
 * roles), so a form keeps codes it does not offer, and the import refuses unknown text rather
 * than guessing, so that a quota "each counselor …" never misses a mistyped position.
 */
export const MEMBER_POSITIONS = [
  "SECRETARY",
  "DEPUTY_SECRETARY",
  "COMMITTEE_MEMBER",
  "GROUP_LEADER",
  "COUNSELOR",
  "PROFESSOR",
  "POLITICAL_WORKER",
  "COLLEGE_LEADER",
  "COURSE_TEACHER",
] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number];

export const ROSTER_PAGE_SIZES = [10, 20, 50, 100] as const;

// ---------------------------------------------------------------------------------------------
// Field rules shared by the forms and the roster import
// ---------------------------------------------------------------------------------------------

/** isoDate, plus a real calendar day (Date.parse accepts 2023-02-30) in a plausible range. */
const calendarDate = isoDate
  .refine(isCalendarDay, "不是有效的日期")
  .refine((s) => s >= "1900-01-01" && s <= "2100-12-31", "日期超出合理范围");

/** "" and absent both mean "no date" (null). */
const optionalDate = z
  .preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    calendarDate.optional(),
  )
  .transform((v) => v ?? null);

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const phoneMessage = "电话号码只能包含数字、空格、- 和开头的 +，5 到 20 位";

const optionalPhone = optionalText(20, "手机").refine(
  (s) => s === null || PHONE.test(s),
  phoneMessage,
);

// An empty number is reported once ("请填写…"), not again as a bad format.
const memberNumber = requiredText(32, "党员编号").refine(
  (s) => s === "" || /^[A-Za-z0-9_-]+$/.test(s),
  "党员编号只能包含字母、数字、- 和 _",
);

/** The development stage a member record implies: this roster holds full and probationary members. */
export function stageForStatus(status: MemberStatus): DevelopmentStage {
  return status === "FULL" ? "FULL" : "PROBATIONARY";
}

/** A position code: what Member.positions holds. */
const POSITION_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * Positions without repeats in one canonical order (the known ones as listed above, then any
 * others alphabetically), so that equal sets compare equal and an unchanged import row stays
 * unchanged.
 */
export function canonicalPositions(positions: readonly string[]): string[] {
  const known: readonly string[] = MEMBER_POSITIONS;
  const others = [...new Set(positions.filter((p) => !known.includes(p)))].sort();
  return [...MEMBER_POSITIONS.filter((p) => positions.includes(p)), ...others];
}

type CrossFieldValues = {
  status: MemberStatus;
  developmentStage?: DevelopmentStage | null;
  birthDate?: string | null;
  joinedAt?: string | null;
  fullMemberAt?: string | null;
};

/** Rules that relate fields to each other; each message is attached to the field to fix. */
function checkMemberConsistency(value: CrossFieldValues, ctx: z.RefinementCtx) {
  if (value.status === "PROBATIONARY" && value.fullMemberAt) {
    ctx.addIssue({ code: "custom", path: ["fullMemberAt"], message: "预备党员不应填写转正日期" });
  }
  if (value.joinedAt && value.fullMemberAt && value.fullMemberAt < value.joinedAt) {
    ctx.addIssue({ code: "custom", path: ["fullMemberAt"], message: "转正日期不能早于入党日期" });
  }
  if (value.birthDate && value.joinedAt && value.joinedAt <= value.birthDate) {
    ctx.addIssue({ code: "custom", path: ["joinedAt"], message: "入党日期应晚于出生日期" });
  }
  if (value.developmentStage && value.developmentStage !== stageForStatus(value.status)) {
    ctx.addIssue({
      code: "custom",
      path: ["developmentStage"],
      message: "发展阶段与党员状态不一致",
    });
  }
}

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const memberFields = {
  number: memberNumber,
  name: requiredText(40, "姓名"),
  gender: z.enum(GENDERS, { error: "请选择性别" }),
  birthDate: optionalDate,
  phone: optionalPhone,
  status: z.enum(MEMBER_STATUSES, { error: "请选择党员状态" }),
  category: z.enum(MEMBER_CATEGORIES, { error: "请选择人员类别" }),
  cadreLevel: z.preprocess(
    emptyToUndefined,
    z.enum(CADRE_LEVELS, { error: "请选择干部级别" }).default("NONE"),
  ),
  positions: z
    .array(z.string().regex(POSITION_CODE, "职务代码格式不正确"))
    .max(20, "职务不能超过 20 项")
    .default([])
    .transform(canonicalPositions),
  /** Optional on input; always derived from (and checked against) the status. */
  developmentStage: z.preprocess(
    emptyToUndefined,
    z.enum(DEVELOPMENT_STAGES, { error: "请选择发展阶段" }).optional(),
  ),
  joinedAt: optionalDate,
  fullMemberAt: optionalDate,
};

function withStage<T extends { status: MemberStatus; developmentStage?: DevelopmentStage }>(
  value: T,
) {
  return { ...value, developmentStage: stageForStatus(value.status) };
}

export const CreateMemberInput = z
  .object({
    ...memberFields,
    orgId: z.uuid("请选择所在组织"),
    /** First day in that organization (Membership.validFrom); today when left empty. */
    orgFrom: optionalDate,
  })
  .superRefine(checkMemberConsistency)
  .transform(withStage);
export type CreateMemberInput = z.infer<typeof CreateMemberInput>;

export const UpdateMemberInput = z
  .object({
    id: z.uuid(),
    version: z.coerce.number().int().min(1),
    ...memberFields,
  })
  .superRefine(checkMemberConsistency)
  .transform(withStage);
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

export const TransferMemberInput = z.object({
  memberId: z.uuid(),
  version: z.coerce.number().int().min(1),
  toOrgId: z.uuid("请选择转入的组织"),
  effectiveDate: calendarDate,
  reason: optionalText(200, "转接原因"),
});
export type TransferMemberInput = z.infer<typeof TransferMemberInput>;

/**
 * A form's fields as a plain object for the schemas above: repeated `positions` checkboxes
 * become an array, everything else stays a string.
 */
export function memberFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && key !== "positions")
      out[key] = value;
  }
  out.positions = formData
    .getAll("positions")
    .filter((v): v is string => typeof v === "string" && v !== "");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Roster query (search params): never fails, an unusable value is simply ignored
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalFilter = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

export const MemberRosterQuery = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => s?.trim().slice(0, 50) || undefined),
  /** Several organizations at once; each one includes its subtree. */
  orgIds: z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string()).transform((ids) =>
        [
          ...new Set(
            ids
              .flatMap((s) => s.split(","))
              .map((s) => s.trim().toLowerCase())
              .filter((s) => UUID.test(s)),
          ),
        ].slice(0, 100),
      ),
    )
    .catch([]),
  category: optionalFilter(MEMBER_CATEGORIES),
  status: optionalFilter(MEMBER_STATUSES),
  cadreLevel: optionalFilter(CADRE_LEVELS),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (ROSTER_PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});
export type MemberRosterQuery = z.infer<typeof MemberRosterQuery>;

// ---------------------------------------------------------------------------------------------
// Roster import: one spreadsheet row, cells as text, Chinese labels mapped to enum values
// ---------------------------------------------------------------------------------------------

/** Compares labels ignoring width (NFKC), spaces and letter case. */
export function normalizeLabel(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

type LabelTable<T extends string> = Record<T, readonly string[]>;

/**
 * Accepted spellings per value: the Chinese label first (used in messages and templates), then
 * synonyms seen in university rosters, the English label and the enum code itself.
 */
export const GENDER_LABELS: LabelTable<Gender> = {
  MALE: ["男", "男性", "M", "Male"],
  FEMALE: ["女", "女性", "F", "Female"],
};
export const MEMBER_STATUS_LABELS: LabelTable<MemberStatus> = {
  FULL: ["正式党员", "正式", "中共党员", "党员", "Full member", "Full"],
  PROBATIONARY: ["预备党员", "预备", "中共预备党员", "Probationary member", "Probationary"],
};
export const MEMBER_CATEGORY_LABELS: LabelTable<MemberCategory> = {
  TEACHER: ["教师", "专任教师", "教工", "Teacher"],
  STAFF: ["职工", "行政", "管理人员", "教辅", "Staff"],
  STUDENT: ["学生", "本科生", "研究生", "Student"],
  RETIRED: ["离退休", "退休", "离休", "离退休人员", "Retired"],
};
export const CADRE_LEVEL_LABELS: LabelTable<CadreLevel> = {
  SCHOOL_LEADER: ["校级领导", "校级", "校领导", "校级干部", "School-level leader", "School leader"],
  MIDDLE_CADRE: [
    "中层干部",
    "中层",
    "处级",
    "处级干部",
    "中层/处级",
    "Middle-level cadre",
    "Middle cadre",
  ],
  NONE: ["无", "否", "-", "—", "None"],
};
export const DEVELOPMENT_STAGE_LABELS: LabelTable<DevelopmentStage> = {
  APPLICANT: ["入党申请人", "申请人", "Applicant"],
  ACTIVIST: ["入党积极分子", "积极分子", "Activist"],
  DEVELOPMENT_TARGET: ["发展对象", "Development target"],
  PROBATIONARY: ["预备党员", "预备", "Probationary member", "Probationary"],
  FULL: ["正式党员", "正式", "Full member", "Full"],
};
export const POSITION_LABELS: LabelTable<MemberPosition> = {
  SECRETARY: ["书记", "支部书记", "党支部书记", "Secretary"],
  DEPUTY_SECRETARY: ["副书记", "支部副书记", "Deputy secretary"],
  COMMITTEE_MEMBER: ["支委", "支部委员", "委员", "Committee member"],
  GROUP_LEADER: ["党小组组长", "党小组长", "小组长", "Group leader"],
  COUNSELOR: ["辅导员", "专职辅导员", "Counselor"],
  PROFESSOR: ["教授", "Professor"],
  POLITICAL_WORKER: ["思政工作者", "思政人员", "思政工作人员", "Political worker"],
  COLLEGE_LEADER: ["院级领导", "院领导", "College leader"],
  COURSE_TEACHER: ["专业课教师", "专业教师", "Course teacher"],
};

function lookupTable<T extends string>(table: LabelTable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, labels] of Object.entries(table) as [T, readonly string[]][]) {
    map.set(normalizeLabel(value), value);
    for (const label of labels) map.set(normalizeLabel(label), value);
  }
  return map;
}

/** The main Chinese label of each value, for "应为：男、女" messages. */
function allowedLabels<T extends string>(table: LabelTable<T>): string {
  return (Object.values(table) as readonly string[][]).map((labels) => labels[0]).join("、");
}

/** A cell holding one label of `table`; "" is refused (use labelCell(...).optional() via importOptional). */
function labelCell<T extends string>(table: LabelTable<T>, column: string) {
  const lookup = lookupTable(table);
  return z.string({ error: `请填写${column}` }).transform((raw, ctx) => {
    const text = raw.trim();
    if (!text) {
      ctx.addIssue({ code: "custom", message: `请填写${column}` });
      return z.NEVER;
    }
    const value = lookup.get(normalizeLabel(text));
    if (!value) {
      ctx.addIssue({
        code: "custom",
        message: `无法识别“${text}”，${column}应为：${allowedLabels(table)}`,
      });
      return z.NEVER;
    }
    return value;
  });
}

const POSITION_SEPARATORS = /[、,;，；\n]+/;
const positionLookup = lookupTable(POSITION_LABELS);

const positionsCell = z.string().transform((raw, ctx) => {
  const parts = raw
    .normalize("NFKC")
    .split(POSITION_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const value = positionLookup.get(normalizeLabel(part));
    if (value) out.push(value);
    else
      ctx.addIssue({
        code: "custom",
        message: `无法识别职务“${part}”，可选：${allowedLabels(POSITION_LABELS)}`,
      });
  }
  return canonicalPositions(out);
});

/** Dates as typed into spreadsheets: 2020-07-01, 2020/7/1, 2020.7.1, 2020年7月1日, 20200701. */
export function normalizeLooseDate(raw: string): string | null {
  const text = raw.normalize("NFKC").trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

const dateCell = z.string().transform((raw, ctx) => {
  if (!raw.trim()) return null;
  const iso = normalizeLooseDate(raw);
  const parsed = iso === null ? null : calendarDate.safeParse(iso);
  if (!parsed?.success) {
    ctx.addIssue({
      code: "custom",
      message:
        iso === null
          ? `日期格式应为 YYYY-MM-DD，如 2020-07-01（收到“${raw.trim()}”）`
          : `${parsed?.error.issues[0]?.message ?? "不是有效的日期"}（收到“${raw.trim()}”）`,
    });
    return z.NEVER;
  }
  return parsed.data;
});

/**
 * Optional import columns: `undefined` when the file has no such column (keep what the record
 * holds), the cell's meaning when it has one (an empty cell clears the field).
 */
export const ImportMemberRow = z
  .object({
    number: memberNumber,
    name: requiredText(40, "姓名"),
    gender: labelCell(GENDER_LABELS, "性别"),
    orgCode: requiredText(32, "所在组织编码"),
    status: labelCell(MEMBER_STATUS_LABELS, "党员状态"),
    category: labelCell(MEMBER_CATEGORY_LABELS, "人员类别"),
    cadreLevel: z
      .string()
      .transform((s) => (s.trim() ? s : "无"))
      .pipe(labelCell(CADRE_LEVEL_LABELS, "干部级别"))
      .optional(),
    positions: positionsCell.optional(),
    developmentStage: z
      .string()
      .transform((s) => s.trim() || null)
      .pipe(labelCell(DEVELOPMENT_STAGE_LABELS, "发展阶段").nullable())
      .optional(),
    joinedAt: dateCell.optional(),
    fullMemberAt: dateCell.optional(),
    birthDate: dateCell.optional(),
    phone: z
      .string()
      .transform((raw, ctx) => {
        const text = raw.trim();
        if (text && !PHONE.test(text)) ctx.addIssue({ code: "custom", message: phoneMessage });
        return text || null;
      })
      .optional(),
    /** First day in the organization named by orgCode, for a new member or a change of organization. */
    orgFrom: dateCell.optional(),
  })
  .superRefine(checkMemberConsistency)
  .transform((row) => ({ ...row, developmentStage: stageForStatus(row.status) }));
export type ImportMemberRow = z.infer<typeof ImportMemberRow>;
/** The columns an import row may carry. */
export type ImportMemberColumn = keyof z.input<typeof ImportMemberRow>;
