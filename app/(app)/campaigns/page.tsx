import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { requirePagePermission } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listCampaigns } from "@/server/data/campaigns/list-campaigns";
import { CampaignStatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

export default async function CampaignsPage() {
  const actor = await requirePagePermission("campaign.read");
  const [campaigns, t, locale] = await Promise.all([
    listCampaigns(actor),
    getTranslations("campaigns"),
    getLocale() as Promise<Locale>,
  ]);
  const canCreate = can(actor, "campaign.manage");
  const name = (x: { name: string; nameEn: string | null }) =>
    locale === "en" && x.nameEn ? x.nameEn : x.name;
  const dates = (c: { startDate: Date; endDate: Date }) =>
    t("dateRange", { from: formatDay(c.startDate, locale), to: formatDay(c.endDate, locale) });

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", { count: campaigns.length })}
        actions={
          canCreate ? (
            <>
              <LinkButton href="/campaigns/new">{t("newFromTemplate")}</LinkButton>
              <LinkButton href="/campaigns/import" variant="secondary">
                {t("importTemplate")}
              </LinkButton>
            </>
          ) : null
        }
      />
      {campaigns.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center">
          <p className="font-medium text-stone-800">{t("empty")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("emptyHint")}</p>
        </div>
      ) : (
        <>
          <ul className="grid gap-2 md:hidden" aria-label={t("list.caption")}>
            {campaigns.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/campaigns/${c.id}`}
                  className="block min-h-11 rounded-lg border border-stone-200 bg-white p-3 hover:bg-stone-50"
                >
                  <span className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium text-red-900">{c.name}</span>
                    <CampaignStatusBadge status={c.status} label={t(`status.${c.status}`)} />
                  </span>
                  <span className="mt-1 block text-sm text-stone-700">{dates(c)}</span>
                  <span className="mt-1 block text-sm text-stone-600">
                    {name(c.rootOrg)} · {t("list.quotaCount", { count: c.quotaCount })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("list.caption")}</caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  {(["name", "dates", "root", "quotas", "status"] as const).map((key) => (
                    <th key={key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t(`list.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {campaigns.map((c) => (
                  <tr key={c.id} className="hover:bg-stone-50">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link
                        href={`/campaigns/${c.id}`}
                        className="inline-flex min-h-11 items-center text-red-900 underline-offset-2 hover:underline"
                      >
                        {c.name}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">{dates(c)}</td>
                    <td className="px-3 py-2">{name(c.rootOrg)}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {t("list.quotaCount", { count: c.quotaCount })}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <CampaignStatusBadge status={c.status} label={t(`status.${c.status}`)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
