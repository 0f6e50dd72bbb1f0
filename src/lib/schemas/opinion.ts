import { z } from "zod";
import { lineText, longText, optionalLongText } from "./self-report";
import { forbiddenTextMessage, MULTI_LINE_FORBIDDEN, singleLineRule } from "./text";

/** Longest opinion, comment or answer (characters). */
export const OPINION_TEXT_MAX = 2000;
/** Largest public submission accepted (bytes), checked before the body is parsed. */
export const OPINION_BODY_MAX_BYTES = 16 * 1024;

export const OPINION_CATEGORIES = [
  "WORK_STYLE", // 作风建设
  "STUDY", // 理论学习
  "SERVICE", // 服务师生
  "ORGANIZATION", // 组织生活
  "OTHER", // 其他
] as const;
export type OpinionCategory = (typeof OPINION_CATEGORIES)[number];

/** The rated questions of a mass-evaluation round (群众评议), each answered 1–5. */
export const EVALUATION_QUESTIONS = [
  { id: "service", label: "服务师生是否用心、及时" },
  { id: "example", label: "党员先锋模范作用发挥得如何" },
  { id: "style", label: "工作作风是否务实、清正" },
  { id: "overall", label: "总体满意度" },
] as const;

const uuid = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f-]{36}$/i, message);
const isoDay = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message);
const optionalText = (s: unknown) => (typeof s === "string" && s.trim() === "" ? undefined : s);

export const CreateRoundInput = z
  .object({
    kind: z.enum(["OPINION", "EVALUATION"], { error: "请选择类型" }),
    orgId: uuid("请选择组织"),
    title: lineText(200, "主题"),
    description: optionalLongText(OPINION_TEXT_MAX, "说明"),
    opensOn: isoDay("请填写开始日期"),
    closesOn: isoDay("请填写截止日期"),
    campaignId: z.preprocess(optionalText, uuid("请选择活动").optional()),
    ratingItemId: z.preprocess(optionalText, z.string().trim().max(100).optional()),
  })
  .refine((v) => v.closesOn >= v.opensOn, {
    path: ["closesOn"],
    message: "截止日期不能早于开始日期",
  });
export type CreateRoundInput = z.input<typeof CreateRoundInput>;

export const AnswerOpinionInput = z.object({
  opinionId: uuid("意见不存在"),
  version: z.coerce.number().int().min(1),
  answer: longText(OPINION_TEXT_MAX, "答复"),
  rectification: z.enum(["NONE", "OPEN"]).default("NONE"),
});
export type AnswerOpinionInput = z.input<typeof AnswerOpinionInput>;

export const UpdateRectificationInput = z.object({
  opinionId: uuid("意见不存在"),
  version: z.coerce.number().int().min(1),
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE"], { error: "请选择整改状态" }),
  note: longText(OPINION_TEXT_MAX, "整改情况"),
});
export type UpdateRectificationInput = z.input<typeof UpdateRectificationInput>;

export const CloseRoundInput = z.object({
  roundId: uuid("征集不存在"),
  version: z.coerce.number().int().min(1),
});
export type CloseRoundInput = z.input<typeof CloseRoundInput>;

const score = z.coerce
  .number({ error: "请选择 1–5 分" })
  .int("请选择 1–5 分")
  .min(1, "请选择 1–5 分")
  .max(5, "请选择 1–5 分");

/** What a visitor sends through the public link (JSON). */
export const PublicOpinionInput = z
  .object({
    orgId: z.preprocess(optionalText, uuid("请选择所涉组织").optional()),
    category: z.preprocess(optionalText, z.enum(OPINION_CATEGORIES).optional()),
    body: z.preprocess(
      (s) => (s === undefined || s === null ? "" : s),
      z
        .string()
        .transform((s) => s.replace(/\r\n?/g, "\n").trim())
        .pipe(z.string().max(OPINION_TEXT_MAX, `内容不能超过 ${OPINION_TEXT_MAX} 个字符`)),
    ),
    anonymous: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    authorName: z.preprocess(
      optionalText,
      z
        .string()
        .trim()
        .max(50, "姓名不能超过 50 个字符")
        .superRefine(singleLineRule("姓名"))
        .optional(),
    ),
    authorContact: z.preprocess(
      optionalText,
      z
        .string()
        .trim()
        .max(100, "联系方式不能超过 100 个字符")
        .superRefine(singleLineRule("联系方式"))
        .optional(),
    ),
    scores: z.record(z.string(), score).optional(),
  })
  .superRefine((v, ctx) => {
    if (MULTI_LINE_FORBIDDEN.test(v.body))
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: forbiddenTextMessage("内容", v.body),
      });
    if (!v.anonymous && !v.authorName)
      ctx.addIssue({
        code: "custom",
        path: ["authorName"],
        message: "实名提交请填写姓名（或选择匿名）",
      });
    if (!v.anonymous && !v.authorContact)
      ctx.addIssue({
        code: "custom",
        path: ["authorContact"],
        message: "实名提交请填写联系方式（或选择匿名）",
      });
  });
export type PublicOpinionInput = z.input<typeof PublicOpinionInput>;

export const ReceiptInput = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^[A-Z2-9]{12}$/, "回执码为 12 位字母或数字")),
});
