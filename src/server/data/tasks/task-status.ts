/**
 * A task's status is derived, never stored or typed: nobody has to "mark" a task overdue.
 *  - DONE: signed off by the organization department (signedOffAt set), whatever the date;
 *  - OVERDUE: not done and the due date (a calendar day) is before today in Asia/Shanghai;
 *  - IN_PROGRESS: at least one progress update;
 *  - NOT_STARTED: no updates yet.
 * `today` is "YYYY-MM-DD" in Asia/Shanghai (todayInShanghai()); pure, so tests pass any day.
 */
export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "OVERDUE"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type TaskStatusInput = {
  dueDate: Date | string;
  signedOffAt: Date | string | null;
  updateCount: number;
};

/** "YYYY-MM-DD" of a DATE column (stored at UTC midnight) or of an ISO day string. */
export function dayOf(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function deriveTaskStatus(task: TaskStatusInput, today: string): TaskStatus {
  if (task.signedOffAt) return "DONE";
  if (dayOf(task.dueDate) < today) return "OVERDUE";
  return task.updateCount > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}
