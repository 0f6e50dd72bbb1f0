import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the list's filters. */
export async function Pager({
  basePath,
  params,
  page,
  pages,
  total,
  totalExact = true,
}: {
  basePath: string;
  params: URLSearchParams;
  page: number;
  pages: number;
  total: number;
  /** False when `total` is a lower bound (a long list counted up to a limit): no last page shown. */
  totalExact?: boolean;
}) {
  const t = await getTranslations("activities.pager");
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set("page", String(p));
    else next.delete("page");
    const qs = next.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const link =
    "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50";
  const label = totalExact ? t("page", { page, pages, total }) : t("pageAtLeast", { page, total });
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-stone-700">{label}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={link}>
            {t("prev")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={link}>
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
