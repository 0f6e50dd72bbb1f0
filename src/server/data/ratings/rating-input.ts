import { z } from "zod";
import { longText, optionalLongText } from "@/lib/schemas/self-report";
import { AppError } from "../../errors";
import { RATING_SUBJECT_KINDS } from "./rating-types";

/** Longest assessment comment or publication reason. */
export const RATING_TEXT_MAX = 500;

const year = z.coerce
  .number({ error: "请选择年份" })
  .int("请选择年份")
  .min(2000, "请选择年份")
  .max(2100, "请选择年份");
const id = z.string({ error: "缺少编号" }).trim().min(1, "缺少编号").max(100);

/** Empty, "null" and absent become null; a number keeps at most two decimals. */
const optionalPoints = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined) return null;
    const s = String(v).trim();
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "分值须为数字" });
      return z.NEVER;
    }
    if (Math.round(n * 100) / 100 !== n) {
      ctx.addIssue({ code: "custom", message: "分值最多保留两位小数" });
      return z.NEVER;
    }
    return n;
  });

const optionalBoolean = z
  .union([z.boolean(), z.string(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    if (v === true || v === "true" || v === "on") return true;
    if (v === false || v === "false") return false;
    ctx.addIssue({ code: "custom", message: "请选择是否触发" });
    return z.NEVER;
  });

export const EnterAssessmentInput = z.object({
  campaignId: id,
  year,
  subjectKind: z.enum(RATING_SUBJECT_KINDS, { error: "评定对象类型无效" }),
  subjectId: id,
  itemId: id,
  /** A manual item's points (0..maxPoints). */
  points: optionalPoints.optional(),
  /** Whether a veto item is triggered. */
  triggered: optionalBoolean.optional(),
  comment: longText(RATING_TEXT_MAX, "评价说明"),
});
export type EnterAssessmentInput = z.input<typeof EnterAssessmentInput>;
export type EnterAssessmentValues = z.output<typeof EnterAssessmentInput>;

export const PublishRatingsInput = z.object({
  campaignId: id,
  year,
  reason: z.preprocess(
    (v) => (v === null ? undefined : v),
    optionalLongText(RATING_TEXT_MAX, "发布原因"),
  ),
});
export type PublishRatingsInput = z.input<typeof PublishRatingsInput>;
export type PublishRatingsValues = z.output<typeof PublishRatingsInput>;

/** FormData (or a plain object) as the schemas read it. */
export function ratingFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

/** Parses with `schema`, or throws a VALIDATION AppError with the field errors beside each field. */
export function parseRatingInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  throw new AppError("VALIDATION", "请修正标出的字段", fieldErrors);
}
