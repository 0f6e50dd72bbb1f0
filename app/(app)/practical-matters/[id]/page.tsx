import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getMattersList } from "@/server/data/practical-matters/list-matters";
import { isAppError } from "@/server/errors";
import { AddMatterForm } from "../_components/matter-forms";

type Props = { params: Promise<{ id: string }> };

export default async function MattersListPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const list = await getMattersList(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("tasks"), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader
        title={list.title}
        subtitle={`${list.campaign.name} · ${formatDay(list.periodStart, locale)} – ${formatDay(list.periodEnd, locale)}`}
      />
      <div className="mb-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-stone-700">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t("items")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("owner")}
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
            {list.items.map((m) => (
              <tr key={m.id} className="border-b border-stone-200 align-top">
                <td className="py-2 pr-3">
                  <Link
                    href={`/practical-matters/items/${m.id}`}
                    className="text-red-800 underline"
                  >
                    {m.title}
                  </Link>
                  {m.carried ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                      {t("carried")}
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">{m.owner}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{formatDay(m.dueDate, locale)}</td>
                <td className="py-2 pr-3">
                  {m.closedAt ? (
                    t("closed")
                  ) : m.overdue ? (
                    <span className="font-medium text-red-800">{t("overdue")}</span>
                  ) : (
                    t("open")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.canManage ? (
        <AddMatterForm listId={list.id} departments={list.departments} orgs={list.orgs} />
      ) : null}
    </>
  );
}
