import { z } from "zod";
import { isCalendarDay, multiLineRule, normalizeLines, singleLineRule } from "./text";

export const TASK_TITLE_MAX = 200;
export const TASK_TEXT_MAX = 4000;

const uuid = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f-]{36}$/i, message);
// A real calendar day: "2026-02-30" is refused, not rolled over into March.
const isoDay = (message: string) =>
  z.string({ error: message }).trim().refine(isCalendarDay, message);

/** A multi-line text field that may be left empty (→ null); policy in ./text.ts. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .transform(normalizeLines)
    .pipe(z.string().max(max, `不能超过 ${max} 字`).superRefine(multiLineRule(label)))
    .optional()
    .transform((v) => (v ? v : null));

/** Repeated form fields (checkboxes) as a list of ids, empty values dropped. */
const idList = z
  .array(z.string().trim())
  .optional()
  .transform((ids) => [...new Set((ids ?? []).filter(Boolean))])
  .pipe(z.array(uuid("选择无效")));

export const CreateTaskInput = z.object({
  campaignId: uuid("请选择活动"),
  title: z
    .string()
    .trim()
    .min(1, "请填写任务名称")
    .max(TASK_TITLE_MAX, `不能超过 ${TASK_TITLE_MAX} 字`)
    .superRefine(singleLineRule("任务名称")),
  description: optionalText(TASK_TEXT_MAX, "任务说明"),
  leadDepartmentId: z
    .string({ error: "请选择牵头部门" })
    .trim()
    .min(1, "请选择牵头部门")
    .pipe(uuid("请选择牵头部门")),
  cooperatingDepartmentIds: idList,
  orgIds: idList,
  dueDate: isoDay("请填写截止日期"),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const AddTaskUpdateInput = z.object({
  taskId: uuid("任务不存在"),
  text: z
    .string()
    .transform(normalizeLines)
    .pipe(
      z
        .string()
        .min(1, "请填写进展")
        .max(TASK_TEXT_MAX, `不能超过 ${TASK_TEXT_MAX} 字`)
        .superRefine(multiLineRule("进展")),
    ),
  percent: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(
      z
        .number({ error: "请填写 0 到 100 的整数" })
        .int("请填写 0 到 100 的整数")
        .min(0, "请填写 0 到 100 的整数")
        .max(100, "请填写 0 到 100 的整数")
        .nullable(),
    ),
});
export type AddTaskUpdateInput = z.infer<typeof AddTaskUpdateInput>;

export const SignOffTaskInput = z.object({
  taskId: uuid("任务不存在"),
  version: z.coerce.number().int().min(1),
});
export type SignOffTaskInput = z.infer<typeof SignOffTaskInput>;

export const ApplyTemplateTasksInput = z.object({ campaignId: uuid("请选择活动") });
export type ApplyTemplateTasksInput = z.infer<typeof ApplyTemplateTasksInput>;

/** The form's fields as an object for the schemas: repeated fields become arrays. */
export function taskFormObject(
  formData: FormData,
  arrays: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    if (arrays.includes(key)) ((out[key] ??= []) as string[]).push(value);
    else out[key] = value;
  }
  return out;
}
