import { z } from "zod";
import { isoDate } from "./organization";
import { lineText, longText, optionalLongText } from "./self-report";

export const PLEDGE_VERDICTS = ["FULFILLED", "PARTLY", "NOT_FULFILLED"] as const;
export type PledgeVerdictCode = (typeof PLEDGE_VERDICTS)[number];

export const MAX_PLEDGE_ITEMS = 10;
export const PLEDGE_TEXT_MAX = 500;

const optionalId = z
  .string({ error: "格式不正确" })
  .optional()
  .transform((s) => (s ? s.trim() : ""))
  .transform((s) => (s ? s : null));

export const PledgeItemInput = z.object({
  text: longText(PLEDGE_TEXT_MAX, "承诺事项"),
  dueDate: z
    .string()
    .optional()
    .transform((s) => (s ? s.trim() : ""))
    .pipe(z.union([z.literal("").transform(() => null), isoDate])),
});

export const CreatePledgeInput = z.object({
  /** The organization that pledges (secretary or admin); empty: the member pledges for themself. */
  orgId: optionalId,
  campaignId: optionalId,
  title: lineText(100, "承诺标题"),
  items: z
    .array(PledgeItemInput)
    .min(1, "请至少填写一项承诺")
    .max(MAX_PLEDGE_ITEMS, `最多 ${MAX_PLEDGE_ITEMS} 项承诺`),
});
export type CreatePledgeInput = z.infer<typeof CreatePledgeInput>;

export const AddPledgeProgressInput = z.object({
  itemId: z.string().min(1),
  text: longText(PLEDGE_TEXT_MAX, "进展说明"),
});
export type AddPledgeProgressInput = z.infer<typeof AddPledgeProgressInput>;

export const AddPledgeCommentInput = z.object({
  pledgeId: z.string().min(1),
  itemId: optionalId,
  text: longText(PLEDGE_TEXT_MAX, "评论"),
});
export type AddPledgeCommentInput = z.infer<typeof AddPledgeCommentInput>;

export const EvaluatePledgeItemInput = z
  .object({
    itemId: z.string().min(1),
    verdict: z.enum(PLEDGE_VERDICTS, { error: "请选择评议结果" }),
    comment: optionalLongText(PLEDGE_TEXT_MAX, "评议意见"),
    version: z.coerce.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    // A verdict short of "fulfilled" says why, as a return does.
    if (v.verdict !== "FULFILLED" && !v.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "未完全兑现时请填写评议意见" });
    }
  });
export type EvaluatePledgeItemInput = z.infer<typeof EvaluatePledgeItemInput>;

export const WithdrawPledgeItemInput = z.object({
  itemId: z.string().min(1),
  version: z.coerce.number().int().min(1),
});
export type WithdrawPledgeItemInput = z.infer<typeof WithdrawPledgeItemInput>;

/**
 * The pledge form as an object: item rows arrive as repeated `itemText` / `itemDue` fields; rows
 * left entirely empty are dropped. Field errors of item k are keyed `items.k.text`.
 */
export function pledgeFormObject(formData: FormData): Record<string, unknown> {
  const str = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const texts = formData.getAll("itemText").map((v) => (typeof v === "string" ? v : ""));
  const dues = formData.getAll("itemDue").map((v) => (typeof v === "string" ? v : ""));
  const items = texts
    .map((text, i) => ({ text, dueDate: dues[i] ?? "" }))
    .filter((row) => row.text.trim() !== "" || row.dueDate.trim() !== "");
  return { orgId: str("orgId"), campaignId: str("campaignId"), title: str("title"), items };
}

/** The fields of a small form as an object (files included, last value of a repeated key). */
export function plainFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    // A file where text is expected is passed on as it is, for the schema to refuse: dropping it
    // would read as an absent field (files are read separately, with formFiles).
    if (!key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}
