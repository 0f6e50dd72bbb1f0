import { z } from "zod";
import { optionalText, requiredText } from "./organization";

export const DepartmentInput = z.object({
  /** Empty for a new department. */
  id: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  version: z.coerce.number().int().min(0).default(0),
  code: requiredText(32, "部门编码").regex(
    /^[A-Za-z0-9_-]+$/,
    "部门编码只能包含字母、数字、- 和 _",
  ),
  name: requiredText(40, "部门名称"),
  nameEn: optionalText(80, "英文名称"),
  isActive: z.stringbool().default(true),
});
export type DepartmentInput = z.infer<typeof DepartmentInput>;
