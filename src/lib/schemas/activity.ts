import { z } from "zod";
import { isCalendarDay, multiLine, multiLineRule, optionalMultiLine } from "./text";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { ACTIVITY_SUB_TYPES, ACTIVITY_TYPES, type ActivityType } from "@/rules";
import { isoDate, optionalText, requiredText } from "./organization";

// ---------------------------------------------------------------------------------------------
// Activity types the recording form offers (labels in messages/<locale>/activities.json)
// ---------------------------------------------------------------------------------------------

export { ACTIVITY_SUB_TYPES, ACTIVITY_TYPES };
export type { ActivityType };

export const ACTIVITY_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "APPROVED",
  "RETURNED",
] as const satisfies readonly ActivityStatus[];

/** The list filter's statuses: the record statuses, plus voided records (any status, voidedAt set). */
export const ACTIVITY_LIST_STATUSES = [...ACTIVITY_STATUSES, "VOIDED"] as const;
export type ActivityListStatus = (typeof ACTIVITY_LIST_STATUSES)[number];

/**
 * What a secretary records for an organization, in the order and groups the form shows them.
 * Other codes of ACTIVITY_TYPES (a leader's duties, members' self-reports …) are still valid
 * records and are shown with their labels; they are recorded elsewhere.
 */
export const RECORDING_TYPE_GROUPS = [
  {
    key: "threeMeetings",
    types: ["BRANCH_GENERAL_MEETING", "COMMITTEE_MEETING", "GROUP_MEETING", "PARTY_LECTURE"],
  },
  { key: "study", types: ["CONCENTRATED_STUDY", "THEME_PARTY_DAY"] },
  { key: "service", types: ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "PAIRING"] },
  {
    key: "more",
    types: [
      "TRAINING",
      "LECTURE_GIVEN",
      "CLASS_VISIT",
      "RESEARCH_REPORT",
      "DEMOCRATIC_LIFE_MEETING",
      "OTHER",
    ],
  },
] as const satisfies readonly { key: string; types: readonly ActivityType[] }[];

export const RECORDING_TYPES: readonly ActivityType[] = RECORDING_TYPE_GROUPS.flatMap(
  (g) => g.types,
);

/** The sub-types a type takes ("主题党日+志愿服务" …), or none. */
export function subTypesOf(type: string): readonly string[] {
  return (ACTIVITY_SUB_TYPES as Record<string, readonly string[]>)[type] ?? [];
}

/**
 * The type picker's value: "TYPE" or "TYPE+SUB_TYPE", so that "主题党日+志愿服务" is one choice
 * (one tap on a phone) rather than two selects.
 */
export function typeChoiceValue(type: string, subType?: string | null): string {
  return subType ? `${type}+${subType}` : type;
}

export function splitTypeChoice(value: string): { type: string; subType: string | null } {
  const [type, subType] = value.split("+", 2);
  return { type: type ?? "", subType: subType ? subType : null };
}

/** Hours the form proposes for a type until the user changes the duration. */
const DEFAULT_DURATIONS: Partial<Record<ActivityType, number>> = {
  BRANCH_GENERAL_MEETING: 1.5,
  COMMITTEE_MEETING: 1,
  GROUP_MEETING: 1,
  PARTY_LECTURE: 1.5,
  CONCENTRATED_STUDY: 2,
  THEME_PARTY_DAY: 3,
  VOLUNTEER_SERVICE: 2,
  VOLUNTARY_LABOUR: 2,
  PAIRING: 1,
  TRAINING: 2,
  LECTURE_GIVEN: 1.5,
  CLASS_VISIT: 1.5,
  RESEARCH_REPORT: 2,
  DEMOCRATIC_LIFE_MEETING: 3,
};

export function defaultDurationFor(type: string): number {
  return DEFAULT_DURATIONS[type as ActivityType] ?? 1;
}

/** Most attendance rows one record takes (a school-wide meeting fits; a typo of 10⁶ does not). */
export const MAX_ATTENDEES = 2000;
/** Most evidence files one submission takes. */
export const MAX_EVIDENCE_FILES = 20;
/** Most records one bulk approval takes. */
export const MAX_BULK_APPROVE = 200;

// ---------------------------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A real calendar day (Date.parse accepts 2023-02-30) in a plausible range. */
export const calendarDate = isoDate
  .refine(isCalendarDay, "不是有效的日期")
  .refine((s) => s >= "2000-01-01" && s <= "2100-12-31", "日期超出合理范围");

const emptyToUndefined = (v: unknown) =>
  v === null || (typeof v === "string" && v.trim() === "") ? undefined : v;

/** A typed number: full-width digits accepted; "" is "nothing"; anything else stays text (and fails). */
const toNumber = (v: unknown) => {
  const value = emptyToUndefined(v);
  if (typeof value !== "string") return value;
  const text = value.normalize("NFKC").trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : text;
};

/** Hours, from 0 to 24, at most two decimals (the column is DECIMAL(6,2)). */
const hoursNumber = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .finite(`${label}应为数字`)
    .min(0, `${label}不能小于 0`)
    .max(24, `${label}不能超过 24 小时`)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${label}最多保留两位小数`);

/** A number of hours typed into a form (required). */
export function hoursField(label: string) {
  return z.preprocess(toNumber, hoursNumber(label));
}

/** A number of hours typed into a form, or nothing (null). */
export function optionalHoursField(label: string) {
  return z.preprocess(toNumber, hoursNumber(label).optional()).transform((v) => v ?? null);
}

const optionalDays = z.preprocess(
  toNumber,
  z
    .number({ error: "天数应为数字" })
    .finite("天数应为数字")
    .min(0, "天数不能小于 0")
    .max(366, "天数不能超过 366")
    .optional(),
);

/** Multi-line text (content, minutes): newlines and tabs allowed, other control characters not. */
const optionalLongText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .transform((s) => s.replace(/\r\n?/g, "\n"))
    .superRefine(multiLineRule(label))
    .optional()
    .transform((s) => (s ? s : null));

const optionalTime = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:MM")
    .optional(),
);

const optionalUuid = (message: string) =>
  z.preprocess(emptyToUndefined, z.uuid(message).optional()).transform((v) => v ?? null);

export const AttendanceInput = z
  .object({
    memberId: z.uuid("党员不存在"),
    present: z.boolean(),
    absenceReason: optionalText(100, "缺席原因"),
    /** Hours credited to this attendee; null: the record's duration. */
    hours: optionalHoursField("学时"),
  })
  .superRefine((row, ctx) => {
    if (!row.present && !row.absenceReason) {
      ctx.addIssue({ code: "custom", path: ["absenceReason"], message: "请填写缺席原因" });
    }
  });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

const activityFields = {
  orgId: z.uuid("请选择组织"),
  type: z.enum(ACTIVITY_TYPES, { error: "请选择活动类型" }),
  subType: z
    .preprocess(emptyToUndefined, z.string().max(40).optional())
    .transform((v) => v ?? null),
  date: calendarDate,
  /** Local (Shanghai) start time, "HH:MM". */
  startTime: optionalTime.transform((v) => v ?? null),
  durationHours: hoursField("时长"),
  days: optionalDays.transform((v) => v ?? null),
  place: optionalText(100, "地点"),
  topic: requiredText(200, "主题"),
  content: optionalLongText(5000, "内容"),
  hostMemberId: optionalUuid("主持人不存在"),
  attendance: z.array(AttendanceInput).max(MAX_ATTENDEES, `参加人员不能超过 ${MAX_ATTENDEES} 人`),
  /** The campaigns the record counts for; undefined: every campaign it would count for by default. */
  campaignIds: z.array(z.uuid("活动不存在")).max(50).optional(),
  /** Save and submit for review ("保存并提交") instead of saving a draft. */
  submit: z.boolean().default(false),
};

function checkActivity(
  value: { type: string; subType: string | null; attendance: AttendanceInput[] },
  ctx: z.RefinementCtx,
) {
  if (value.subType !== null && !subTypesOf(value.type).includes(value.subType)) {
    ctx.addIssue({ code: "custom", path: ["type"], message: "该活动类型没有这个子类" });
  }
  const seen = new Set<string>();
  value.attendance.forEach((row, i) => {
    if (seen.has(row.memberId)) {
      ctx.addIssue({
        code: "custom",
        path: ["attendance", i, "memberId"],
        message: "同一党员不能重复出现",
      });
    }
    seen.add(row.memberId);
  });
}

export const CreateActivityInput = z
  .object({
    /** Generated once per form in the browser: a retried submission returns the same record. */
    idempotencyKey: z.uuid("表单已失效，请刷新页面后重试"),
    ...activityFields,
  })
  .superRefine(checkActivity);
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;
export type CreateActivityInputRaw = z.input<typeof CreateActivityInput>;

export const UpdateActivityInput = z
  .object({
    id: z.uuid("记录不存在"),
    version: z.coerce.number().int().min(1),
    ...activityFields,
  })
  .superRefine(checkActivity);
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

// Typed in a textarea: line breaks allowed.
const reason = (label: string) => multiLine(500, label);

export const ActivityRefInput = z.object({
  id: z.uuid("记录不存在"),
  version: z.coerce.number().int().min(1),
});
export type ActivityRefInput = z.infer<typeof ActivityRefInput>;

export const ReturnActivityInput = ActivityRefInput.extend({ reason: reason("退回原因") });
export type ReturnActivityInput = z.infer<typeof ReturnActivityInput>;

/** Voiding an approved record needs a reason; discarding a draft may leave it empty. */
export const VoidActivityInput = ActivityRefInput.extend({
  reason: optionalMultiLine(500, "原因"),
});
export type VoidActivityInput = z.infer<typeof VoidActivityInput>;

export const BulkApproveInput = z.object({
  items: z
    .array(ActivityRefInput)
    .min(1, "请至少勾选一条记录")
    .max(MAX_BULK_APPROVE, `一次最多通过 ${MAX_BULK_APPROVE} 条`),
});
export type BulkApproveInput = z.infer<typeof BulkApproveInput>;

export const EvidenceRefInput = z.object({
  /** The evidence row. */
  id: z.uuid("文件不存在"),
  /** The version of the record it belongs to (a change of evidence is a change of the record). */
  version: z.coerce.number().int().min(1),
});
export type EvidenceRefInput = z.infer<typeof EvidenceRefInput>;

// ---------------------------------------------------------------------------------------------
// Forms → plain objects for the schemas above
// ---------------------------------------------------------------------------------------------

/** Names of the per-attendee fields: one set per member id listed in `attendee`. */
export const attendanceFieldName = {
  present: "present",
  reason: (memberId: string) => `absenceReason.${memberId}`,
  hours: (memberId: string) => `hours.${memberId}`,
} as const;

const str = (formData: FormData, key: string): string | undefined => {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
};

/**
 * The recording form as an object for Create/UpdateActivityInput:
 *   - `type` is "TYPE" or "TYPE+SUB_TYPE";
 *   - `attendee` lists the member ids shown (in order), `present` the ticked ones, and
 *     `absenceReason.<id>` / `hours.<id>` the per-member fields;
 *   - `campaignIds` apply only when the form says it offered a choice (`campaignsChosen`),
 *     so that a form without the list gets the defaults rather than "no campaign";
 *   - `intent=submit` is the "保存并提交" button.
 */
export function activityFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    "id",
    "version",
    "idempotencyKey",
    "orgId",
    "date",
    "startTime",
    "durationHours",
    "days",
    "place",
    "topic",
    "content",
    "hostMemberId",
  ]) {
    const value = str(formData, key);
    if (value !== undefined) out[key] = value;
  }
  const { type, subType } = splitTypeChoice(str(formData, "type") ?? "");
  out.type = type || undefined;
  out.subType = subType;
  const present = new Set(formData.getAll(attendanceFieldName.present).map(String));
  const ids = formData.getAll("attendee").filter((v): v is string => typeof v === "string");
  out.attendance = ids.map((memberId) => ({
    memberId,
    present: present.has(memberId),
    absenceReason: str(formData, attendanceFieldName.reason(memberId)) ?? "",
    hours: str(formData, attendanceFieldName.hours(memberId)) ?? "",
  }));
  if (formData.has("campaignsChosen")) {
    out.campaignIds = formData
      .getAll("campaignIds")
      .filter((v): v is string => typeof v === "string");
  }
  out.submit = str(formData, "intent") === "submit";
  return out;
}

/** "id:version" check boxes of the review queue → BulkApproveInput. */
export function bulkApproveFormObject(formData: FormData): Record<string, unknown> {
  const items = formData
    .getAll("item")
    .filter((v): v is string => typeof v === "string")
    .map((v) => {
      const [id, version] = v.split(":", 2);
      return { id, version };
    });
  return { items };
}

// ---------------------------------------------------------------------------------------------
// List query (search params): never fails, an unusable value is simply ignored
// ---------------------------------------------------------------------------------------------

const optionalDateFilter = z
  .string()
  .optional()
  .catch(undefined)
  .transform((s) => (s && calendarDate.safeParse(s).success ? s : undefined));

export const ActivityListQuery = z.object({
  /** Several organizations at once; each includes its subtree. */
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
  type: z.enum(ACTIVITY_TYPES).optional().catch(undefined),
  status: z.enum(ACTIVITY_LIST_STATUSES).optional().catch(undefined),
  from: optionalDateFilter,
  to: optionalDateFilter,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const ReviewQueueQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;
