import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getSecretaryProject } from "@/server/data/secretary-projects/list-secretary-projects";
import { isAppError } from "@/server/errors";
import { AddMilestoneForm, MilestoneProgressForm } from "../_components/project-forms";

type Props = { params: Promise<{ id: string }> };

/** One secretary project: goal, timetable and the roadmap of dated milestones with progress. */
export default async function SecretaryProjectPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const p = await getSecretaryProject(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([
    getTranslations("projects"),
    getLocale() as Promise<Locale>,
  ]);
  const orgName = locale === "en" && p.org.nameEn ? p.org.nameEn : p.org.name;
  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={
          <Link href={`/secretary-projects?campaign=${p.campaign.id}`} className="underline">
            {orgName} · {p.campaign.name}
          </Link>
        }
      />
      <dl className="mb-6 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-stone-700">{t("goal")}</dt>
        <dd className="whitespace-pre-wrap">{p.goal ?? "—"}</dd>
        <dt className="font-medium text-stone-700">{t("timetable")}</dt>
        <dd className="whitespace-pre-wrap">{p.timetable ?? "—"}</dd>
      </dl>
      <h2 className="mb-2 font-semibold">{t("roadmap")}</h2>
      {p.milestones.length === 0 ? (
        <p className="mb-4 text-sm text-stone-600">{t("noMilestones")}</p>
      ) : null}
      <ol className="mb-6 grid gap-3">
        {p.milestones.map((m) => (
          <li key={m.id} className="rounded-md border border-stone-200 p-3 text-sm">
            <h3 className="font-medium">
              {formatDay(m.dueDate, locale)} · {m.title}
            </h3>
            <p>
              <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-900">
                {t(`milestoneStatus.${m.status}`)}
              </span>
              {m.late ? <span className="ml-2 font-medium text-red-800">{t("late")}</span> : null}
              {m.progressAt ? (
                <span className="ml-2 text-stone-600">{formatDateTime(m.progressAt, locale)}</span>
              ) : null}
            </p>
            {m.progress ? <p className="mt-1 whitespace-pre-wrap">{m.progress}</p> : null}
            {m.evidence.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {m.evidence.map((e) => (
                  <li key={e.id}>{e.name}</li>
                ))}
              </ul>
            ) : null}
            {p.canManage ? (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer py-2 text-red-800">
                  {t("reportProgress")}
                </summary>
                <MilestoneProgressForm milestone={m} />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {p.canManage ? (
        <section aria-labelledby="add-milestone-h">
          <h2 id="add-milestone-h" className="mb-2 font-semibold">
            {t("addMilestone")}
          </h2>
          <AddMilestoneForm projectId={p.id} />
        </section>
      ) : null}
    </>
  );
}
