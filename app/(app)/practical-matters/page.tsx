import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { requirePermission } from "@/server/authz/scope";
import { listMattersLists } from "@/server/data/practical-matters/list-matters";
import { NewListForm } from "./_components/matter-forms";

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("practicalMatters") };
}

/** 双月实事清单: the lists, newest first; the organization department opens the next one. */
export default async function PracticalMattersPage() {
  const actor = await requireActorForPage();
  requirePermission(actor, "task.read");
  const [{ lists, manageableCampaigns }, t, locale] = await Promise.all([
    listMattersLists(actor),
    getTranslations("tasks"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader title={t("practicalMatters")} />
      {lists.length === 0 ? (
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
