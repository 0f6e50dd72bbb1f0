import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import type { PublicationInfo } from "@/server/data/ratings/get-published-ratings";
import type { RatingCampaign } from "@/server/data/ratings/get-rating-context";
import { ratingHref } from "./load-view";

export type RatingTab = "organizations" | "members" | "flags" | "publications";

const TABS: { tab: RatingTab; path: string }[] = [
  { tab: "organizations", path: "" },
  { tab: "members", path: "/members" },
  { tab: "flags", path: "/flags" },
  { tab: "publications", path: "/publications" },
];

/**
 * The frame of every ratings page of a campaign year: title, year switch, tabs, and a banner that
 * says plainly whether the figures are the current computation or a published (frozen) version.
 */
export async function RatingFrame({
  campaign,
  year,
  asOf,
  publication,
  versions,
  tab,
  title,
  children,
  path,
  figures,
}: {
  campaign: RatingCampaign;
  year: number;
  asOf: string;
  publication: PublicationInfo | null;
  versions: PublicationInfo[];
  tab: RatingTab | null;
  title?: string;
  /** The page's own path below the year (an explanation page), kept when switching between computed and published. */
  path?: string;
  /** When the current computation was made and whether the data has changed since (not for a publication). */
  figures?: { computedAt: string; stale: boolean } | null;
  children: ReactNode;
}) {
  const [t, locale] = await Promise.all([
    getTranslations("ratings"),
    getLocale() as Promise<Locale>,
  ]);
  const name = locale === "en" && campaign.nameEn ? campaign.nameEn : campaign.name;
  const version = publication?.version ?? null;
  const here = path ?? (tab && tab !== "publications" ? TABS.find((x) => x.tab === tab)!.path : "");
  const tabHref = (path: string) =>
    ratingHref(campaign.id, year, path, { version: tab === "publications" ? null : version });
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-stone-600">
        <Link href="/ratings" className="underline-offset-2 hover:underline">
          {t("title")}
        </Link>
        <span aria-hidden="true"> / </span>
        <Link
          href={ratingHref(campaign.id, year, "", { version })}
          className="underline-offset-2 hover:underline"
        >
          {name}
        </Link>
      </nav>
      <PageHeader
        title={title ?? t("yearTitle", { name, year })}
        subtitle={
          <>
            {t("asOfLine", { asOf: formatDay(asOf, locale) })}
            {figures ? (
              <>
                {" · "}
                {t("figuresLine", { time: formatDateTime(figures.computedAt, locale) })}
                {figures.stale ? t("figuresStale") : null}
              </>
            ) : null}
          </>
        }
        actions={
          campaign.years.length > 1 ? (
            <nav aria-label={t("yearSwitch")} className="flex flex-wrap gap-2">
              {campaign.years.map((y) => (
                <Link
                  key={y}
                  href={ratingHref(campaign.id, y)}
                  aria-current={y === year ? "page" : undefined}
                  className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50 aria-[current=page]:border-red-700 aria-[current=page]:font-semibold"
                >
                  {t("yearLabel", { year: y })}
                </Link>
              ))}
            </nav>
          ) : null
        }
      />

      {publication ? (
        <div
          role="note"
          className="mb-4 rounded-lg border-2 border-stone-800 bg-stone-50 p-3 text-sm text-stone-900"
        >
          <p className="font-semibold">{t("banner.published", { version: publication.version })}</p>
          <p>
            {t("banner.publishedDetail", {
              at: formatDateTime(publication.publishedAt, locale),
              by: publication.publishedByName,
              asOf: formatDay(publication.asOf, locale),
            })}
            {publication.reason ? ` ${t("banner.reason", { reason: publication.reason })}` : null}
          </p>
          <p className="mt-1">
            <Link
              href={ratingHref(campaign.id, year, here)}
              className="font-medium text-red-900 underline underline-offset-2"
            >
              {t("banner.toComputed")}
            </Link>
          </p>
        </div>
      ) : (
        <div
          role="note"
          className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p className="font-semibold">{t("banner.computed")}</p>
          <p>
            {versions.length
              ? t("banner.computedDetailPublished", { version: versions[0]!.version })
              : t("banner.computedDetail")}
          </p>
          {versions.length ? (
            <p className="mt-1">
              <Link
                href={ratingHref(campaign.id, year, here, { version: versions[0]!.version })}
                className="font-medium text-red-900 underline underline-offset-2"
              >
                {t("banner.toPublished", { version: versions[0]!.version })}
              </Link>
            </p>
          ) : null}
        </div>
      )}

      {tab ? (
        <nav aria-label={t("tabs.label")} className="mb-4 border-b border-stone-200">
          <ul className="flex flex-wrap gap-1">
            {TABS.map((x) => (
              <li key={x.tab}>
                <Link
                  href={tabHref(x.path)}
                  aria-current={x.tab === tab ? "page" : undefined}
                  className="inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm text-stone-700 hover:text-stone-950 aria-[current=page]:border-red-800 aria-[current=page]:font-semibold aria-[current=page]:text-stone-950"
                >
                  {t(`tabs.${x.tab}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {children}
    </>
  );
}
