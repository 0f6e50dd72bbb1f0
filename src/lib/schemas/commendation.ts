import { z } from "zod";
import { multiLine, singleLine } from "./text";

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
const stars = z.coerce
  .number({ error: "请填写星级" })
  .int("请填写 1 到 5 的整数")
  .min(1, "请填写 1 到 5 的整数")
  .max(5, "请填写 1 到 5 的整数");

export const CATEGORY_VALUES = [
  "EXCELLENT_MEMBER",
  "EXCELLENT_PARTY_WORKER",
  "ADVANCED_ORGANIZATION",
] as const;

export const OpenCommendationWindowInput = z
  .object({
    rootOrgId: uuid("请选择组织"),
    year: z.coerce
      .number({ error: "请填写年度" })
      .int()
      .min(2000, "年度无效")
      .max(2100, "年度无效"),
    title: singleLine(200, "名称"),
    nominationStartsOn: isoDay("请填写推荐开始日期"),
    nominationEndsOn: isoDay("请填写推荐截止日期"),
    campaignId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(uuid("选择无效").nullable()),
    minMemberStars: stars,
    minOrgStars: stars,
  })
  .refine((v) => v.nominationEndsOn >= v.nominationStartsOn, {
    path: ["nominationEndsOn"],
    message: "截止日期不能早于开始日期",
  });
export type OpenCommendationWindowInput = z.infer<typeof OpenCommendationWindowInput>;

export const NominateInput = z.object({
  windowId: uuid("评选不存在"),
  category: z.enum(CATEGORY_VALUES, { error: "请选择类别" }),
  nominatingOrgId: uuid("请选择推荐组织"),
  nomineeId: uuid("请选择被推荐对象"),
  citation: multiLine(5000, "事迹").pipe(z.string().min(20, "事迹不少于 20 字")),
});
export type NominateInput = z.infer<typeof NominateInput>;

export const ReviewNominationInput = z
  .object({
    nominationId: uuid("推荐不存在"),
    decision: z.enum(["ACCEPTED", "REJECTED"], { error: "请选择审核结果" }),
    note: z
      .string()
      .trim()
      .max(2000, "不能超过 2000 字")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.decision === "ACCEPTED" || v.note, {
    path: ["note"],
    message: "不通过时须说明理由",
  });
export type ReviewNominationInput = z.infer<typeof ReviewNominationInput>;

export const PublishCommendationsInput = z
  .object({
    windowId: uuid("评选不存在"),
    noticeStartsOn: isoDay("请填写公示开始日期"),
    noticeEndsOn: isoDay("请填写公示截止日期"),
  })
  .refine((v) => v.noticeEndsOn >= v.noticeStartsOn, {
    path: ["noticeEndsOn"],
    message: "截止日期不能早于开始日期",
  });
export type PublishCommendationsInput = z.infer<typeof PublishCommendationsInput>;

export const FileObjectionInput = z.object({
  nominationId: uuid("推荐不存在"),
  text: multiLine(3000, "异议").pipe(z.string().min(5, "请具体说明异议（不少于 5 字）")),
  anonymous: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type FileObjectionInput = z.infer<typeof FileObjectionInput>;

export const AnswerObjectionInput = z.object({
  objectionId: uuid("异议不存在"),
  answer: multiLine(3000, "答复"),
  upheld: z.enum(["yes", "no"], { error: "请选择异议是否成立" }).transform((v) => v === "yes"),
});
export type AnswerObjectionInput = z.infer<typeof AnswerObjectionInput>;

export const FinalizeCommendationsInput = z.object({ windowId: uuid("评选不存在") });
