import { z } from "zod";
import { isCalendarDay, multiLineRule, normalizeLines, singleLineRule } from "./text";

const uuid = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f-]{36}$/i, message);
// A real calendar day: "2026-02-30" is refused, not rolled over into March.
const isoDay = (message: string) =>
  z.string({ error: message }).trim().refine(isCalendarDay, message);
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(uuid("选择无效").nullable());

export const CreateMattersListInput = z
  .object({
    campaignId: uuid("请选择活动"),
    title: z
      .string()
      .trim()
      .min(1, "请填写清单名称")
      .max(200, "不能超过 200 字")
      .superRefine(singleLineRule("清单名称")),
    periodStart: isoDay("请填写开始日期"),
    periodEnd: isoDay("请填写结束日期"),
  })
  .refine((v) => v.periodEnd >= v.periodStart, {
    path: ["periodEnd"],
    message: "结束日期不能早于开始日期",
  });
export type CreateMattersListInput = z.infer<typeof CreateMattersListInput>;

export const AddMatterInput = z
  .object({
    listId: uuid("清单不存在"),
    title: z
      .string()
      .trim()
      .min(1, "请填写实事名称")
      .max(300, "不能超过 300 字")
      .superRefine(singleLineRule("实事名称")),
    ownerDepartmentId: optionalId,
    ownerOrgId: optionalId,
    dueDate: isoDay("请填写办结时限"),
  })
  .refine((v) => (v.ownerDepartmentId === null) !== (v.ownerOrgId === null), {
    path: ["ownerDepartmentId"],
    message: "请选择一个责任部门或责任组织（二选一）",
  });
export type AddMatterInput = z.infer<typeof AddMatterInput>;

export const CloseMatterInput = z.object({
  matterId: uuid("实事不存在"),
  version: z.coerce.number().int().min(1),
  closingNote: z
    .string()
    .transform(normalizeLines)
    .pipe(
      z
        .string()
        .min(1, "请填写办结情况")
        .max(2000, "不能超过 2000 字")
        .superRefine(multiLineRule("办结情况")),
    ),
});
export type CloseMatterInput = z.infer<typeof CloseMatterInput>;
