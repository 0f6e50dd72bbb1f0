/**
 * Expected failures, each with a code the UI maps to a message the user can act on.
 * Unexpected errors are thrown as they are and end up in error.tsx.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "LOCKED"
  | "RATE_LIMITED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在或无权访问`);
export const forbidden = (message = "没有权限执行此操作") => new AppError("FORBIDDEN", message);
export const conflict = (message = "记录已被他人修改，请刷新后重试") =>
  new AppError("CONFLICT", message);
