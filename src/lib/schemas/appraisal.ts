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

export const VERDICT_VALUES = [
  "EXCELLENT",
  "QUALIFIED",
  "BASICALLY_QUALIFIED",
  "UNQUALIFIED",
] as const;
export const Verdict = z.enum(VERDICT_VALUES, { error: "请选择评议等次" });

export const OpenAppraisalRoundInput = z
  .object({
    orgId: uuid("请选择支部"),
    year: z.coerce
      .number({ error: "请填写年度" })
      .int("请填写年度")
      .min(2000, "年度无效")
      .max(2100, "年度无效"),
    title: singleLine(200, "名称"),
    startsOn: isoDay("请填写开始日期"),
    endsOn: isoDay("请填写截止日期"),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    message: "截止日期不能早于开始日期",
  });
export type OpenAppraisalRoundInput = z.infer<typeof OpenAppraisalRoundInput>;

export const SaveSelfAssessmentInput = z.object({
  roundId: uuid("评议不存在"),
  text: multiLine(4000, "自我评价"),
});
export type SaveSelfAssessmentInput = z.infer<typeof SaveSelfAssessmentInput>;

/** A ballot: one verdict per appraised member, sent as fields `verdict.<memberId>`. */
export const SubmitBallotInput = z.object({
  roundId: uuid("评议不存在"),
  verdicts: z.record(z.string().regex(/^[0-9a-f-]{36}$/i, "成员无效"), Verdict),
});
export type SubmitBallotInput = z.infer<typeof SubmitBallotInput>;

/** The ballot fields of a form: `verdict.<memberId>` → verdict (empty choices left out). */
export function ballotFromForm(formData: FormData): Record<string, string> {
  const verdicts: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("verdict.") && typeof value === "string" && value)
      verdicts[key.slice("verdict.".length)] = value;
  }
  return verdicts;
}

export const CloseAppraisalRoundInput = z.object({ roundId: uuid("评议不存在") });

export const RecordConclusionInput = z.object({
  roundId: uuid("评议不存在"),
  memberId: uuid("成员无效"),
  verdict: Verdict,
  note: z
    .string()
    .trim()
    .max(2000, "不能超过 2000 字")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type RecordConclusionInput = z.infer<typeof RecordConclusionInput>;
