import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import {
  ACTIVITY_LIST_STATUSES,
  ACTIVITY_TYPES,
  type ActivityListQuery,
} from "@/lib/schemas/activity";
import type { ActivityOrgOption } from "@/server/data/activities/recording-options";
import { activityTypeLabel, orgLabel, type Translate } from "./labels";

/**
 * The list's filters: a plain GET form, so every result page has a URL and works before any
 * JavaScript loads. Organizations are check boxes in a disclosure (several at once, each with
 * its subtree), as on the roster.
 */
export async function ActivityListFilters({
  query,
  orgs,
}: {
  query: ActivityListQuery;
  orgs: ActivityOrgOption[];
}) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("activities"),
    getTranslations("common"),
    getLocale(),
  ]);
  const tr = t as unknown as Translate;
  const chosen = new Set(query.orgIds);
  const chosenNames = orgs.filter((o) => chosen.has(o.id)).map((o) => orgLabel(o, locale));
  return (
    <form
      method="get"
      action="/activities"
      role="search"
      aria-label={t("list.filtersTitle")}
      className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      {orgs.length > 1 ? (
        <details className="rounded-md border border-stone-300">
          <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-3 text-sm text-stone-800">
            <span className="font-medium">{t("list.orgFilter")}</span>
            <span className="truncate text-stone-600">
              {chosenNames.length === 0
                ? t("list.orgFilterAll")
                : chosenNames.length <= 2
                  ? chosenNames.join("、")
                  : t("list.orgFilterSome", { count: chosenNames.length })}
            </span>
          </summary>
          <fieldset className="border-t border-stone-200 px-3 pb-2">
            <legend className="sr-only">{t("list.orgFilter")}</legend>
            <p className="pt-2 text-xs text-stone-600">{t("list.orgFilterHelp")}</p>
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
                    <span>{orgLabel(o, locale)}</span>
                    <span className="text-xs text-stone-500">{tc(`orgLevel.${o.level}`)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </details>
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-type" className="text-sm font-medium text-stone-800">
            {t("fields.type")}
          </label>
          <select
            id="filter-type"
            name="type"
            defaultValue={query.type ?? ""}
            className={inputClass}
          >
            <option value="">{t("list.any")}</option>
            {ACTIVITY_TYPES.map((code) => (
              <option key={code} value={code}>
                {activityTypeLabel(tr, code)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="text-sm font-medium text-stone-800">
            {t("fields.status")}
          </label>
          <select
            id="filter-status"
            name="status"
            defaultValue={query.status ?? ""}
            className={inputClass}
          >
            <option value="">{t("list.any")}</option>
            {ACTIVITY_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-from" className="text-sm font-medium text-stone-800">
            {t("list.from")}
          </label>
          <input
            id="filter-from"
            type="date"
            name="from"
            defaultValue={query.from ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-to" className="text-sm font-medium text-stone-800">
            {t("list.to")}
          </label>
          <input
            id="filter-to"
            type="date"
            name="to"
            defaultValue={query.to ?? ""}
            className={inputClass}
          />
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900"
        >
          {t("list.apply")}
        </button>
        <Link
          href="/activities"
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm text-stone-800 hover:bg-stone-50"
        >
          {t("list.reset")}
        </Link>
      </div>
    </form>
  );
}
