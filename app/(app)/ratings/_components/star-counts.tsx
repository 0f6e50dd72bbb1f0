import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Stars } from "./stars";

/** How many subjects hold each number of stars, each a link that filters the table to them. */
export async function StarCounts({
  counts,
  hrefFor,
  current,
}: {
  counts: number[];
  hrefFor: (stars: number) => string;
  current: number | null;
}) {
  const t = await getTranslations("ratings");
  const by = [5, 4, 3, 2, 1].map((stars) => ({
    stars,
    count: counts.filter((c) => c === stars).length,
  }));
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("starFilter")}>
      {by.map(({ stars, count }) => (
        <li key={stars}>
          <Link
            href={hrefFor(stars)}
            aria-current={current === stars ? "true" : undefined}
            className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-200 bg-white px-3 text-sm hover:bg-stone-50 aria-[current=true]:border-red-700 aria-[current=true]:font-semibold"
          >
            <Stars stars={stars} label={t("starsLabel", { stars })} />
            <span className="tabular-nums">{t("countOf", { count })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
