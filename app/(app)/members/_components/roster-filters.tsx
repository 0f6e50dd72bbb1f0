import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import {
  CADRE_LEVELS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  ROSTER_PAGE_SIZES,
  type MemberRosterQuery,
} from "@/lib/schemas/member";
import type { MemberOrgOption } from "@/server/data/members/list-member-orgs";

/**
 * The roster's search and filters: a plain GET form, so it works before any JavaScript loads
 * and every result page has a URL that can be bookmarked or shared. Organizations are
 * checkboxes in a disclosure, so several can be chosen at once on a phone as on a desktop.
 */
export async function RosterFilters({
  query,
  orgs,
}: {
  query: MemberRosterQuery;
  orgs: MemberOrgOption[];
}) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("members"),
    getTranslations("common"),
    getLocale(),
  ]);
  const chosen = new Set(query.orgIds);
  const chosenNames = orgs
    .filter((o) => chosen.has(o.id))
    .map((o) => (locale === "en" && o.nameEn ? o.nameEn : o.name));
  const select = (
    name: "category" | "status" | "cadreLevel",
    label: string,
    options: readonly string[],
    labelOf: (v: string) => string,
  ) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={query[name] ?? ""}
        className={inputClass}
      >
        <option value="">{t("roster.any")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      method="get"
      action="/members"
      role="search"
      aria-label={t("roster.filtersTitle")}
      className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium text-stone-800">
          {t("roster.search")}
        </label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder={t("roster.searchPlaceholder")}
          enterKeyHint="search"
          className={inputClass}
        />
      </div>

      <details className="rounded-md border border-stone-300">
        <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-3 text-sm text-stone-800">
          <span className="font-medium">{t("roster.orgFilter")}</span>
          <span className="truncate text-stone-600">
            {chosenNames.length === 0
              ? t("roster.orgFilterAll")
              : chosenNames.length <= 2
                ? chosenNames.join("、")
                : t("roster.orgFilterSome", { count: chosenNames.length })}
          </span>
        </summary>
        <fieldset className="border-t border-stone-200 px-3 pb-2">
          <legend className="sr-only">{t("roster.orgFilter")}</legend>
          <p className="pt-2 text-xs text-stone-600">{t("roster.orgFilterHelp")}</p>
          {orgs.length === 0 ? (
            <p className="py-2 text-sm text-stone-600">{t("roster.noOrgs")}</p>
          ) : (
            <ul className="max-h-72 overflow-y-auto">
              {orgs.map((o) => (
                <li key={o.id} style={{ paddingInlineStart: `${o.depth * 1.25}rem` }}>
                  <label className="flex min-h-11 items-center gap-2 text-sm text-stone-800">
                    <input
                      type="checkbox"
                      name="orgIds"
                      value={o.id}
                      defaultChecked={chosen.has(o.id)}
                      className="size-5 shrink-0 accent-red-800"
                    />
                    <span>{locale === "en" && o.nameEn ? o.nameEn : o.name}</span>
                    <span className="text-xs text-stone-500">{tc(`orgLevel.${o.level}`)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </details>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {select("category", t("fields.category"), MEMBER_CATEGORIES, (v) =>
          tc(`memberCategory.${v}`),
        )}
        {select("status", t("fields.status"), MEMBER_STATUSES, (v) => tc(`memberStatus.${v}`))}
        {select("cadreLevel", t("fields.cadreLevel"), CADRE_LEVELS, (v) => tc(`cadreLevel.${v}`))}
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-pageSize" className="text-sm font-medium text-stone-800">
            {t("roster.pageSize")}
          </label>
          <select
            id="filter-pageSize"
            name="pageSize"
            defaultValue={String(query.pageSize)}
            className={inputClass}
          >
            {ROSTER_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900"
        >
          {t("roster.apply")}
        </button>
        <Link
          href="/members"
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm text-stone-800 hover:bg-stone-50"
        >
          {t("roster.reset")}
        </Link>
      </div>
    </form>
  );
}
