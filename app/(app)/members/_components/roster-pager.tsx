import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep every filter, including repeated `orgIds`. */
export async function RosterPager({
  params,
  page,
  pages,
  total,
}: {
  params: URLSearchParams;
  page: number;
  pages: number;
  total: number;
}) {
  const t = await getTranslations("common.pagination");
  const href = (p: number) => {
    const query = new URLSearchParams(params);
    query.delete("page");
    if (p > 1) query.set("page", String(p));
    const s = query.toString();
    return s ? `/members?${s}` : "/members";
  };
  const linkClass =
    "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50";
  const disabledClass =
    "inline-flex min-h-11 items-center rounded-md border border-stone-200 px-4 text-sm text-stone-400";
  const label = t("page", { page, pages, total });
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-stone-600">{label}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={linkClass} rel="prev">
            {t("prev")}
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            {t("prev")}
          </span>
        )}
        {page < pages ? (
          <Link href={href(page + 1)} className={linkClass} rel="next">
            {t("next")}
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            {t("next")}
          </span>
        )}
      </div>
    </nav>
  );
}
