import { z } from "zod";
import { singleLine } from "./text";

const uuid = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f-]{36}$/i, message);

export const LinkDepartmentStaffInput = z.object({
  departmentId: uuid("部门不存在"),
  username: singleLine(64, "用户名"),
});
export type LinkDepartmentStaffInput = z.infer<typeof LinkDepartmentStaffInput>;

export const UnlinkDepartmentStaffInput = z.object({
  linkId: uuid("记录不存在"),
});
export type UnlinkDepartmentStaffInput = z.infer<typeof UnlinkDepartmentStaffInput>;
