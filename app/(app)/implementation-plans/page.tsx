import { getLocale, getTranslations } from "next-intl/server";
import { CampaignPicker } from "@/components/ui/campaign-picker";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/auth/get-actor";
import { listImplementationPlans } from "@/server/data/implementation-plans/list-plans";
import { FilePlanForm } from "./_components/plan-form";

export async function generateMetadata() {
  const t = await getTranslations("projects.plans");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ campaign?: string }> };

const standingClass: Record<string, string> = {
  FILED: "bg-green-100 text-green-900",
  FILED_LATE: "bg-amber-100 text-amber-900",
  MISSING: "bg-stone-200 text-stone-900",
  OVERDUE: "bg-red-100 text-red-900",
};

/** 实施方案: every organization the campaign covers, with its plan, missing, or filed late. */
export default async function ImplementationPlansPage({ searchParams }: Props) {
  const actor = await requirePagePermission("task.read");
  const sp = await searchParams;
  const [data, t, locale] = await Promise.all([
    listImplementationPlans(actor, sp.campaign),
    getTranslations("projects.plans"),
    getLocale() as Promise<Locale>,
  ]);
  const name = (o: { name: string; nameEn: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const fileable = data.rows
    .filter((r) => r.canFile)
    .map((r) => ({ id: r.org.id, name: name(r.org) }));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("intro")} />
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
            {data.campaign.deadline
              ? t("deadline", { day: data.campaign.deadline })
              : t("noDeadline")}{" "}
            ·{" "}
            {t("counts", {
              orgs: data.counts.orgs,
              missing: data.counts.missing,
              late: data.counts.late,
            })}
          </p>
          <div className="mb-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("title")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("org")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("statusLabel")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("filedAt")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("summary")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {data.rows.map((r) => (
                  <tr key={r.org.id} className="align-top">
                    <td className="px-3 py-2">{name(r.org)}</td>
                    <td className="px-3 py-2">
                      <span
                        className={`rounded px-1.5 py-0.5 text-xs ${standingClass[r.standing]}`}
                      >
                        {t(`standing.${r.standing}`)}
                      </span>
                    </td>
                    <td className="px-3 py-2">
                      {r.plan ? formatDateTime(r.plan.filedAt, locale) : "—"}
                    </td>
                    <td className="px-3 py-2">
                      {r.plan ? (
                        <>
                          <p className="line-clamp-3 whitespace-pre-wrap">{r.plan.summary}</p>
                          {r.plan.files.length > 0 ? (
                            <p className="text-stone-600">{r.plan.files.join("、")}</p>
                          ) : null}
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {fileable.length > 0 ? (
            <section aria-labelledby="file-plan-h">
              <h2 id="file-plan-h" className="mb-2 font-semibold">
                {t("file")}
              </h2>
              <FilePlanForm campaignId={data.campaign.id} orgs={fileable} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
