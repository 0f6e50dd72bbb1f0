import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { MEMBER_CATEGORIES, ORG_KINDS } from "@/rules";
import type { DashboardCampaignOption } from "@/server/data/dashboard/list-dashboard-campaigns";
import {
  dashboardSearchString,
  type DashboardQuery,
} from "@/server/data/dashboard/dashboard-query";
import type { OrgOption } from "@/server/data/dashboard/get-campaign-dashboard";
import { orgName } from "@/server/data/dashboard/dashboard-text";

/**
 * The dashboard's filters as a plain GET form: they live in the URL, so a view can be
 * bookmarked, shared and exported, and the form works before any script has loaded.
 */
export async function DashboardFilters({
  action,
  campaigns,
  orgOptions,
  orgOptionsTrimmed = false,
  query,
  locale,
}: {
  action: string;
  campaigns: DashboardCampaignOption[];
  orgOptions: OrgOption[];
  /** The picker lists only the top levels of a large tree. */
  orgOptionsTrimmed?: boolean;
  query: DashboardQuery;
  locale: string;
}) {
  const [t, common] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const picked = new Set(query.orgIds);
  const pickedNames = orgOptions.filter((o) => picked.has(o.id)).map((o) => orgName(o, locale));
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("filters.label")}
      className="mb-6 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 print:hidden sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor="f-campaign" className="text-sm font-medium text-stone-800">
          {t("filters.campaign")}
        </label>
        <select
          id="f-campaign"
          name="campaignId"
          defaultValue={query.campaignId}
          className={inputClass}
        >
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {orgName(c, locale)}（{c.startDate} – {c.endDate}）
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-asOf" className="text-sm font-medium text-stone-800">
          {t("filters.asOf")}
        </label>
        <input
          id="f-asOf"
          type="date"
          name="asOf"
          defaultValue={query.asOf}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-orgKind" className="text-sm font-medium text-stone-800">
          {t("filters.orgKind")}
        </label>
        <select
          id="f-orgKind"
          name="orgKind"
          defaultValue={query.orgKind ?? ""}
          className={inputClass}
        >
          <option value="">{t("filters.all")}</option>
          {ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {common(`orgKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-memberCategory" className="text-sm font-medium text-stone-800">
          {t("filters.memberCategory")}
        </label>
        <select
          id="f-memberCategory"
          name="memberCategory"
          defaultValue={query.memberCategory ?? ""}
          aria-describedby="f-memberCategory-hint"
          className={inputClass}
        >
          <option value="">{t("filters.all")}</option>
          {MEMBER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {common(`memberCategory.${c}`)}
            </option>
          ))}
        </select>
        <p id="f-memberCategory-hint" className="text-xs text-stone-600">
          {t("filters.memberCategoryHint")}
        </p>
      </div>
      <fieldset className="sm:col-span-2 lg:col-span-3">
        <legend className="text-sm font-medium text-stone-800">{t("filters.orgs")}</legend>
        <details className="mt-1 rounded-md border border-stone-300 bg-white" open={false}>
          <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm text-stone-800">
            {pickedNames.length
              ? t("filters.orgsPicked", {
                  names: pickedNames.slice(0, 3).join("、"),
                  count: pickedNames.length,
                })
              : t("filters.orgsAll")}
          </summary>
          <ul
            tabIndex={0}
            aria-label={t("filters.orgs")}
            className="max-h-72 overflow-y-auto border-t border-stone-200 px-3 py-2 text-sm"
          >
            {orgOptions.map((o) => (
              <li key={o.id} style={{ paddingLeft: `${o.depth * 1.25}rem` }}>
                <label className="flex min-h-9 items-center gap-2">
                  <input
                    type="checkbox"
                    name="orgIds"
                    value={o.id}
                    defaultChecked={picked.has(o.id)}
                    className="h-4 w-4 accent-red-800"
                  />
                  <span>{orgName(o, locale)}</span>
                  <span className="text-xs text-stone-500">{common(`orgLevel.${o.level}`)}</span>
                </label>
              </li>
            ))}
          </ul>
        </details>
        <p className="mt-1 text-xs text-stone-600">
          {t("filters.orgsHint")}
          {orgOptionsTrimmed ? ` ${t("filters.orgsTrimmed")}` : ""}
        </p>
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900"
        >
          {t("filters.apply")}
        </button>
        <Link
          href={`${action}${dashboardSearchString({ campaignId: query.campaignId })}`}
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm text-stone-800 hover:bg-stone-50"
        >
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
