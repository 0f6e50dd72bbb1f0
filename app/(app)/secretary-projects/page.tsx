import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CampaignPicker } from "@/components/ui/campaign-picker";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { requirePagePermission } from "@/server/auth/get-actor";
import { listSecretaryProjects } from "@/server/data/secretary-projects/list-secretary-projects";
import { NewProjectForm } from "./_components/project-forms";

export async function generateMetadata() {
  const t = await getTranslations("projects");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ campaign?: string }> };

const standingClass: Record<string, string> = {
  NONE: "bg-stone-200 text-stone-900",
  LATE: "bg-red-100 text-red-900",
  ON_TRACK: "bg-amber-100 text-amber-900",
  DONE: "bg-green-100 text-green-900",
};

/** 书记项目: every branch the campaign covers, with its project, none, or late. */
export default async function SecretaryProjectsPage({ searchParams }: Props) {
  const actor = await requirePagePermission("task.read");
  const sp = await searchParams;
  const [data, t, locale] = await Promise.all([
    listSecretaryProjects(actor, sp.campaign),
    getTranslations("projects"),
    getLocale() as Promise<Locale>,
  ]);
  const name = (o: { name: string; nameEn: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const creatable = data.rows
    .filter((r) => r.canCreate)
    .map((r) => ({ id: r.org.id, name: name(r.org) }));
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("intro")}
        actions={
          <Link
            href="/implementation-plans"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50"
          >
            {t("plans.title")}
          </Link>
        }
      />
      <CampaignPicker
        campaigns={data.campaigns}
        selectedId={data.campaign?.id}
        label={t("campaign")}
        submitLabel={t("show")}
      />
      {!data.campaign || !data.counts ? (
        <p className="text-stone-600">{t("noCampaign")}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-700">
            {data.campaign.name} ·{" "}
            {t("counts", {
              branches: data.counts.branches,
              none: data.counts.none,
              late: data.counts.late,
            })}
          </p>
          <div className="mb-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("title")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("branch")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("projectTitle")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("milestones")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("statusLabel")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {data.rows.map((r) => (
                  <tr key={r.org.id}>
                    <td className="px-3 py-2">{name(r.org)}</td>
                    <td className="px-3 py-2">
                      {r.project ? (
                        <Link
                          href={`/secretary-projects/${r.project.id}`}
                          className="text-red-800 underline"
                        >
                          {r.project.title}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {r.project
                        ? t("doneOf", { done: r.project.done, total: r.project.milestones })
                        : "—"}
                    </td>
                    <td className="px-3 py-2">
                      <span
                        className={`rounded px-1.5 py-0.5 text-xs ${standingClass[r.standing]}`}
                      >
                        {t(`standing.${r.standing}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {creatable.length > 0 ? (
            <section aria-labelledby="new-project-h">
              <h2 id="new-project-h" className="mb-2 font-semibold">
                {t("newProject")}
              </h2>
              <NewProjectForm campaignId={data.campaign.id} branches={creatable} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
