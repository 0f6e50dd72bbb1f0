import type { TaskStatus } from "@/server/data/tasks/task-status";

const STYLE: Record<TaskStatus, string> = {
  NOT_STARTED: "bg-stone-100 text-stone-800",
  IN_PROGRESS: "bg-blue-50 text-blue-900",
  DONE: "bg-green-50 text-green-900",
  OVERDUE: "bg-red-100 text-red-900",
};

export function TaskStatusBadge({ status, label }: { status: TaskStatus; label: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}>
      {label}
    </span>
  );
}
