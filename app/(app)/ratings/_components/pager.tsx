import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINK =
  "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50";

/** "Page n of m (total)" with previous / next links, below a ratings table. */
export async function RatingPager({
  page,
  pageCount,
  total,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const tp = await getTranslations("common.pagination");
  const label = tp("page", { page, pages: pageCount, total });
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-stone-600">{label}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} rel="prev" className={LINK}>
            {tp("prev")}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} rel="next" className={LINK}>
            {tp("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
