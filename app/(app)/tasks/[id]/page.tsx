import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getTask } from "@/server/data/tasks/get-task";
import { isAppError } from "@/server/errors";
import { SignOffButton, TaskUpdateForm } from "../_components/task-forms";
import { TaskStatusBadge } from "../_components/status-badge";

type Props = { params: Promise<{ id: string }> };

export default async function TaskPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const task = await getTask(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("tasks"), getLocale() as Promise<Locale>]);
  const name = (d: { name: string; nameEn: string | null }) =>
    locale === "en" && d.nameEn ? d.nameEn : d.name;
  return (
    <>
      <PageHeader
        title={task.title}
        subtitle={task.campaign.name}
        actions={<TaskStatusBadge status={task.status} label={t(`status.${task.status}`)} />}
      />
      <dl className="mb-6 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-stone-700">{t("lead")}</dt>
        <dd>{task.lead ? name(task.lead) : ""}</dd>
        <dt className="font-medium text-stone-700">{t("cooperating")}</dt>
        <dd>{task.cooperating.map((d) => name(d!)).join("、") || "—"}</dd>
        <dt className="font-medium text-stone-700">{t("orgs")}</dt>
        <dd>{task.orgs.map(name).join("、") || "—"}</dd>
        <dt className="font-medium text-stone-700">{t("dueDate")}</dt>
        <dd>{formatDay(task.dueDate, locale)}</dd>
        {task.description ? (
          <>
            <dt className="font-medium text-stone-700">{t("description")}</dt>
            <dd className="whitespace-pre-wrap">{task.description}</dd>
          </>
        ) : null}
      </dl>
      {task.signedOffAt ? (
        <p className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("signedOff", { date: formatDateTime(task.signedOffAt, locale) })}
        </p>
      ) : task.canManage ? (
        <div className="mb-4">
          <SignOffButton taskId={task.id} version={task.version} />
        </div>
      ) : null}
      <h2 className="mb-2 text-lg font-semibold">{t("updates")}</h2>
      {task.canUpdate ? (
        <div className="mb-4">
          <TaskUpdateForm taskId={task.id} />
        </div>
      ) : null}
      {task.updates.length === 0 ? (
        <p className="text-stone-600">{t("noUpdates")}</p>
      ) : (
        <ol className="grid gap-3">
          {task.updates.map((u) => (
            <li key={u.id} className="rounded-md border border-stone-200 p-3 text-sm">
              <p className="text-xs text-stone-600">
                {u.author} · {formatDateTime(u.createdAt, locale)}
                {u.percent !== null ? ` · ${u.percent}%` : ""}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{u.text}</p>
              {u.evidence.length > 0 ? (
                <ul className="mt-1 list-disc pl-5">
                  {u.evidence.map((e) => (
                    <li key={e!.id}>{e!.originalName}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
