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
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 字`)
    .optional()
    .transform((v) => (v ? v : null));

export const CreateSecretaryProjectInput = z.object({
  campaignId: uuid("请选择活动"),
  orgId: uuid("请选择支部"),
  title: singleLine(200, "项目名称"),
  goal: optionalText(4000),
  timetable: optionalText(4000),
});
export type CreateSecretaryProjectInput = z.infer<typeof CreateSecretaryProjectInput>;

export const AddMilestoneInput = z.object({
  projectId: uuid("项目不存在"),
  title: singleLine(200, "节点名称"),
  dueDate: isoDay("请填写节点日期"),
});
export type AddMilestoneInput = z.infer<typeof AddMilestoneInput>;

export const MILESTONE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE"] as const;

export const UpdateMilestoneInput = z.object({
  milestoneId: uuid("节点不存在"),
  version: z.coerce.number().int().min(1),
  status: z.enum(MILESTONE_STATUSES, { error: "请选择进度状态" }),
  progress: multiLine(4000, "进展说明"),
});
export type UpdateMilestoneInput = z.infer<typeof UpdateMilestoneInput>;

export const FilePlanInput = z.object({
  campaignId: uuid("请选择活动"),
  orgId: uuid("请选择组织"),
  summary: multiLine(20000, "实施方案内容"),
});
export type FilePlanInput = z.infer<typeof FilePlanInput>;
