import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can, requirePermission } from "@/server/authz/scope";
import { listMyDepartmentWork } from "@/server/data/departments/department-work";
import { listMattersLists } from "@/server/data/practical-matters/list-matters";
import { NewListForm } from "./_components/matter-forms";
import { DepartmentWork } from "./_components/department-work";

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("practicalMatters") };
}

/** 双月实事清单: the lists, newest first; the organization department opens the next one. */
export default async function PracticalMattersPage() {
  const actor = await requireActorForPage();
  // Department staff without task.read see their own department's work only.
  const readsAll = can(actor, "task.read");
  if (!readsAll && (actor.departmentIds ?? []).length === 0) requirePermission(actor, "task.read");
  const [{ lists, manageableCampaigns }, work, t, locale] = await Promise.all([
    readsAll ? listMattersLists(actor) : { lists: [], manageableCampaigns: [] },
    listMyDepartmentWork(actor),
    getTranslations("tasks"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader title={t("practicalMatters")} />
      {work.departments.length > 0 ? <DepartmentWork work={work} locale={locale} /> : null}
      {!readsAll ? null : lists.length === 0 ? (
        <p className="mb-4 text-stone-600">—</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {lists.map((l) => (
            <li key={l.id} className="rounded-md border border-stone-200 p-3 text-sm">
              <Link
                href={`/practical-matters/${l.id}`}
                className="font-medium text-red-800 underline"
              >
                {l.title}
              </Link>
              <span className="block text-stone-600">
                {l.campaign.name} · {formatDay(l.periodStart, locale)} –{" "}
                {formatDay(l.periodEnd, locale)} ·{" "}
                {t("openCount", { open: l.open, total: l.total })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {manageableCampaigns.length > 0 ? <NewListForm campaigns={manageableCampaigns} /> : null}
    </>
  );
}
