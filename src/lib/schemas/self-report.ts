import { z } from "zod";
import { multiLineRule, singleLineRule } from "./text";
import { isoDate } from "./organization";

/**
 * What a member may report about themself (self-reports): the service and study kinds of the
 * "four ones" (seed 002) and the member-level quotas. Everything else is recorded by a branch.
 */
export const SELF_REPORT_TYPES = [
  "VOLUNTEER_SERVICE",
  "VOLUNTARY_LABOUR",
  "PAIRING",
  "LECTURE_GIVEN",
  "SOCIAL_PRACTICE",
  "TRAINING",
  "OTHER",
] as const;
export type SelfReportType = (typeof SELF_REPORT_TYPES)[number];

/** Pairing is with a freshman dormitory or a student in difficulty; the quotas filter on it. */
export const PAIRING_SUB_TYPES = ["FRESHMAN_DORM", "STUDENT_IN_DIFFICULTY"] as const;

/** At most this many files in one submission (the request body is capped at 12 MB anyway). */
export const MAX_FILES_PER_SUBMISSION = 5;

// Control characters (except line breaks in long text) and bidi formatting can disguise text:
// the policy of ./text.ts.

/** A required one-line text of at most `max` characters. */
export const lineText = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`)
    .superRefine(singleLineRule(label));

/**
 * A required multi-line text: line breaks are kept (normalized to \n), other control characters
 * and bidi overrides are refused. Markup is stored as typed and always rendered as text.
 */
export const longText = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, `请填写${label}`)
        .max(max, `${label}不能超过 ${max} 个字符`)
        .superRefine(multiLineRule(label)),
    );

/** Like longText, but empty is allowed and becomes null. */
export const optionalLongText = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字符`).superRefine(multiLineRule(label)))
    .transform((s) => (s ? s : null));

const optionalLine = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字符`).superRefine(singleLineRule(label)))
    .transform((s) => (s ? s : null));

/** Hours as typed: a number with at most two decimals, above 0 and at most 24 (one day). */
export const hoursField = z
  .union([z.string(), z.number()], { error: "请填写时长" })
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .pipe(
    z
      .string()
      .min(1, "请填写时长")
      .regex(/^\d{1,3}(\.\d{1,2})?$/, "时长应为数字，最多两位小数")
      .transform(Number)
      .refine((h) => h > 0, "时长应大于 0")
      .refine((h) => h <= 24, "时长不能超过 24 小时"),
  );

/** A client-generated key (a UUID) that makes a retried submission harmless. */
const idempotencyKey = z
  .string()
  .optional()
  .transform((s) => (s ? s.trim() : ""))
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z.string().regex(/^[A-Za-z0-9-]{16,64}$/, "提交标识无效，请刷新页面后重试"),
    ]),
  );

const selfReportFields = {
  type: z.enum(SELF_REPORT_TYPES, { error: "请选择类型" }),
  subType: z
    .string()
    .optional()
    .transform((s) => (s ? s : null)),
  date: isoDate,
  hours: hoursField,
  topic: lineText(100, "事项"),
  content: optionalLongText(1000, "说明"),
  place: optionalLine(100, "地点"),
  /** "submit" sends it for review at once; "draft" keeps it editable. */
  intent: z.enum(["submit", "draft"]).default("submit"),
};

function checkSubType(
  value: { type: SelfReportType; subType: string | null },
  ctx: z.RefinementCtx,
): void {
  if (value.type === "PAIRING") {
    if (!value.subType || !(PAIRING_SUB_TYPES as readonly string[]).includes(value.subType)) {
      ctx.addIssue({ code: "custom", path: ["subType"], message: "请选择结对对象" });
    }
  } else if (value.subType) {
    ctx.addIssue({ code: "custom", path: ["subType"], message: "只有结对帮扶需要选择结对对象" });
  }
}

export const CreateSelfReportInput = z
  .object({ ...selfReportFields, idempotencyKey })
  .superRefine(checkSubType);
export type CreateSelfReportInput = z.infer<typeof CreateSelfReportInput>;

export const UpdateSelfReportInput = z
  .object({ ...selfReportFields, id: z.string(), version: z.coerce.number().int().min(1) })
  .superRefine(checkSubType);
export type UpdateSelfReportInput = z.infer<typeof UpdateSelfReportInput>;

export const WithdrawEvidenceInput = z.object({ evidenceId: z.string().min(1) });
export type WithdrawEvidenceInput = z.infer<typeof WithdrawEvidenceInput>;

/** The form's text fields (files are read separately). */
export function selfReportFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

/** The uploaded files of a form field, without the empty entry a browser sends when none is chosen. */
export function formFiles(formData: FormData, field = "files"): File[] {
  return formData
    .getAll(field)
    .filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v)
    .filter((f) => f.size > 0 || f.name !== "");
}
