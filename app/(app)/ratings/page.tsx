import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { requirePagePermission } from "@/server/auth/get-actor";
import { listRatingCampaigns } from "@/server/data/ratings/get-rating-context";
import { ratingHref } from "./_components/load-view";

export async function generateMetadata() {
  const t = await getTranslations("ratings");
  return { title: t("title") };
}

/** The campaigns whose star ratings the reader may see, each with its years and published versions. */
export default async function RatingsPage() {
  const actor = await requirePagePermission("dashboard.read");
  const [campaigns, t, locale] = await Promise.all([
    listRatingCampaigns(actor),
    getTranslations("ratings"),
    getLocale() as Promise<Locale>,
  ]);
  const name = (x: { name: string; nameEn: string | null }) =>
    locale === "en" && x.nameEn ? x.nameEn : x.name;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {campaigns.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700">
          {t("noCampaigns")}
        </p>
      ) : (
        <ul className="grid gap-3" aria-label={t("campaignList")}>
          {campaigns.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <h2 className="font-medium text-stone-900">{name(c)}</h2>
              <p className="text-sm text-stone-600">
                {t("campaignDates", {
                  from: formatDay(c.startDate, locale),
                  to: formatDay(c.endDate, locale),
                })}{" "}
                · {name(c.rootOrg)}
              </p>
              {c.years.length === 0 ? (
                <p className="mt-2 text-sm text-stone-600">{t("notStarted")}</p>
              ) : (
                <ul
                  className="mt-2 flex flex-wrap gap-2"
                  aria-label={t("yearsOf", { name: name(c) })}
                >
                  {c.years.map((y) => {
                    const published = c.published.find((p) => p.year === y);
                    return (
                      <li key={y}>
                        <Link
                          href={ratingHref(c.id, y)}
                          className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50"
                        >
                          <span className="font-medium">{t("yearLabel", { year: y })}</span>
                          <span className="text-stone-600">
                            {published
                              ? t("publishedUpTo", { version: published.version })
                              : t("unpublished")}
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
