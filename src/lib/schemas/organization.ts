import { z } from "zod";
import { singleLine, singleLineRule } from "./text";

export const ORG_LEVELS = ["SCHOOL", "COLLEGE", "BRANCH", "GROUP"] as const;
export const ORG_KINDS = ["TEACHER", "STUDENT", "RETIRED", "MIXED", "ADMIN"] as const;

const isoDate = z
  .string({ error: "请填写日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(s + "T00:00:00Z")), "不是有效的日期");

// Single-line text: control characters and bidi formatting have no place in a name and can
// disguise one (policy in ./text.ts).
const text = (max: number, label: string) => singleLine(max, label);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .superRefine(singleLineRule(label))
    .optional()
    .transform((s) => (s ? s : null));

export const CreateOrganizationInput = z.object({
  parentId: z.uuid("请选择上级组织"),
  name: text(80, "组织名称"),
  nameEn: optionalText(160, "英文名称"),
  code: text(32, "组织编码").regex(/^[A-Za-z0-9_-]+$/, "组织编码只能包含字母、数字、- 和 _"),
  level: z.enum(ORG_LEVELS, { error: "请选择组织层级" }),
  kind: z.enum(ORG_KINDS, { error: "请选择组织类别" }),
  validFrom: isoDate,
  sortOrder: z.coerce.number().int().min(0).max(100000).default(0),
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

export const UpdateOrganizationInput = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  name: text(80, "组织名称"),
  nameEn: optionalText(160, "英文名称"),
  code: text(32, "组织编码").regex(/^[A-Za-z0-9_-]+$/, "组织编码只能包含字母、数字、- 和 _"),
  kind: z.enum(ORG_KINDS, { error: "请选择组织类别" }),
  sortOrder: z.coerce.number().int().min(0).max(100000).default(0),
});
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

export const MoveOrganizationInput = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  newParentId: z.uuid("请选择新的上级组织"),
  effectiveDate: isoDate,
});
export type MoveOrganizationInput = z.infer<typeof MoveOrganizationInput>;

export const CloseOrganizationInput = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  effectiveDate: isoDate,
  /** Merge: members move to this organization on the closing date. */
  mergedIntoId: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  note: optionalText(200, "说明"),
});
export type CloseOrganizationInput = z.infer<typeof CloseOrganizationInput>;

export { isoDate, text as requiredText, optionalText };
