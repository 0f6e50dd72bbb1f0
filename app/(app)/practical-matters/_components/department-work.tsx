import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import type { listMyDepartmentWork } from "@/server/data/departments/department-work";

type Work = Awaited<ReturnType<typeof listMyDepartmentWork>>;

/** The open items and tasks of the departments the user works for. */
export async function DepartmentWork({ work, locale }: { work: Work; locale: Locale }) {
  const t = await getTranslations("projects.staff");
  const names = work.departments
    .map((d) => (locale === "en" && d.nameEn ? d.nameEn : d.name))
    .join("、");
  return (
    <section aria-labelledby="dept-work-h" className="mb-6 rounded-md border border-stone-200 p-3">
      <h2 id="dept-work-h" className="mb-2 font-semibold">
        {t("workTitle", { departments: names })}
      </h2>
      <h3 className="mt-2 text-sm font-medium text-stone-700">{t("openMatters")}</h3>
      {work.matters.length === 0 ? (
        <p className="text-sm text-stone-600">{t("nothingOpen")}</p>
      ) : (
        <ul className="grid gap-1 text-sm">
          {work.matters.map((m) => (
            <li key={m.id}>
              <Link href={`/practical-matters/items/${m.id}`} className="text-red-800 underline">
                {m.title}
              </Link>{" "}
              <span className="text-stone-600">
                {m.list.title} · {formatDay(m.dueDate, locale)}
              </span>
              {m.overdue ? (
                <span className="ml-2 font-medium text-red-800">{t("overdue")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-3 text-sm font-medium text-stone-700">{t("openTasks")}</h3>
      {work.tasks.length === 0 ? (
        <p className="text-sm text-stone-600">{t("nothingOpen")}</p>
      ) : (
        <ul className="grid gap-1 text-sm">
          {work.tasks.map((task) => (
            <li key={task.id}>
              <Link href={`/tasks/${task.id}`} className="text-red-800 underline">
                {task.title}
              </Link>{" "}
              <span className="text-stone-600">
                {task.lead ? t("lead") : t("cooperating")} · {formatDay(task.dueDate, locale)}
              </span>
              {task.overdue ? (
                <span className="ml-2 font-medium text-red-800">{t("overdue")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
