import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can, requirePermission } from "@/server/authz/scope";
import { listTasks } from "@/server/data/tasks/list-tasks";
import { TASK_STATUSES, type TaskStatus } from "@/server/data/tasks/task-status";
import { TEMPLATE_TASKS } from "@/server/data/tasks/template-tasks";
import { ApplyTemplateButton } from "./_components/task-forms";
import { TaskStatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ campaignId?: string; status?: string }> };

/** Campaign tasks with their derived status (overdue shows without anyone editing the task). */
export default async function TasksPage({ searchParams }: Props) {
  const actor = await requireActorForPage();
  requirePermission(actor, "task.read");
  const sp = await searchParams;
  const status = TASK_STATUSES.includes(sp.status as TaskStatus)
    ? (sp.status as TaskStatus)
    : undefined;
  const [{ tasks, campaigns }, t, locale] = await Promise.all([
    listTasks(actor, { campaignId: sp.campaignId, status }),
    getTranslations("tasks"),
    getLocale() as Promise<Locale>,
  ]);
  const manages = can(actor, "task.manage");
  const templated = campaigns.filter((c) => c.templateCode && TEMPLATE_TASKS[c.templateCode]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link
            href="/practical-matters"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50"
          >
            {t("practicalMatters")}
          </Link>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="grid gap-1 text-sm">
          {t("campaign")}
          <select
            name="campaignId"
            defaultValue={sp.campaignId ?? ""}
            className="min-h-11 rounded-md border border-stone-300 bg-white px-2"
          >
            <option value="">{t("all")}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          {t("statusLabel")}
          <select
            name="status"
            defaultValue={status ?? ""}
            className="min-h-11 rounded-md border border-stone-300 bg-white px-2"
          >
            <option value="">{t("all")}</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-sm"
        >
          {t("filter")}
        </button>
      </form>
      {manages ? (
        <div className="mb-4 grid gap-2">
          {campaigns.map((c) => (
            <div key={c.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{c.name}</span>
              <Link
                href={`/tasks/new?campaignId=${c.id}`}
                className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-stone-800 hover:bg-stone-50"
              >
                {t("newTask")}
              </Link>
              {templated.some((x) => x.id === c.id) ? (
                <ApplyTemplateButton campaignId={c.id} label={t("applyTemplate")} />
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      {tasks.length === 0 ? (
        <p className="text-stone-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-stone-700">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("taskTitle")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("lead")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("cooperating")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("dueDate")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("statusLabel")}
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/tasks/${task.id}`} className="text-red-800 underline">
                      {task.title}
                    </Link>
                    <span className="block text-xs text-stone-600">{task.campaign.name}</span>
                  </td>
                  <td className="py-2 pr-3">
                    {task.lead
                      ? locale === "en" && task.lead.nameEn
                        ? task.lead.nameEn
                        : task.lead.name
                      : ""}
                  </td>
                  <td className="py-2 pr-3">
                    {task.cooperating
                      .map((d) => (locale === "en" && d!.nameEn ? d!.nameEn : d!.name))
                      .join("、")}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDay(task.dueDate, locale)}</td>
                  <td className="py-2 pr-3">
                    <TaskStatusBadge status={task.status} label={t(`status.${task.status}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
