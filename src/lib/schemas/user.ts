import { z } from "zod";
import { optionalText, requiredText } from "./organization";

export const ROLES = ["ORG_ADMIN", "LEADER", "SECRETARY", "MEMBER", "INSPECTOR"] as const;

export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const username = z
  .string({ error: "请填写用户名" })
  .trim()
  .min(3, "用户名至少 3 个字符")
  .max(32, "用户名不能超过 32 个字符")
  .regex(USERNAME_PATTERN, "用户名只能包含字母、数字、点、- 和 _");

/** A new password. Never trimmed: spaces are characters the user chose. */
const newPassword = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(PASSWORD_MIN, `${label}至少 ${PASSWORD_MIN} 位`)
    .max(PASSWORD_MAX, `${label}不能超过 ${PASSWORD_MAX} 位`);

const id = (message = "记录不存在或无权访问") => z.uuid(message);

export const CreateUserInput = z.object({
  username,
  displayName: requiredText(40, "姓名"),
  password: newPassword("初始密码"),
  /** Links the account to a member of the roster (must be within the creator's scope). */
  memberNumber: optionalText(32, "党员编号"),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const SetUserDisabledInput = z.object({
  id: id(),
  disabled: z.stringbool({ error: "请选择停用或启用" }),
});
export type SetUserDisabledInput = z.infer<typeof SetUserDisabledInput>;

export const AssignRoleInput = z.object({
  userId: id(),
  role: z.enum(ROLES, { error: "请选择角色" }),
  orgId: z.uuid("请选择组织"),
});
export type AssignRoleInput = z.infer<typeof AssignRoleInput>;

export const RevokeRoleInput = z.object({
  id: id("角色记录不存在或无权访问"),
});
export type RevokeRoleInput = z.infer<typeof RevokeRoleInput>;

export const ChangePasswordInput = z
  .object({
    current: z
      .string({ error: "请填写当前密码" })
      .min(1, "请填写当前密码")
      .max(200, "当前密码不正确"),
    next: newPassword("新密码"),
    confirm: z.string({ error: "请再次输入新密码" }).min(1, "请再次输入新密码"),
  })
  .refine((v) => v.confirm === v.next, { path: ["confirm"], message: "两次输入的新密码不一致" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "新密码不能与当前密码相同" });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** An administrator sets a new password for someone else's account. */
export const ResetPasswordInput = z.object({
  id: id(),
  password: newPassword("新密码"),
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/** Form fields that hold secrets: never echoed back to the form after a failed submit. */
export const SECRET_FIELDS = ["password", "current", "next", "confirm"] as const;
