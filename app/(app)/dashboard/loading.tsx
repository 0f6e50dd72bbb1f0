import { getTranslations } from "next-intl/server";

/** Shown while the campaign is evaluated on the server. */
export default async function DashboardLoading() {
  const t = await getTranslations("dashboard");
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <p className="text-sm text-stone-700">{t("loading")}</p>
      <div className="h-24 animate-pulse rounded-lg bg-stone-200/60" />
      <div className="h-72 animate-pulse rounded-lg bg-stone-200/60" />
    </div>
  );
}
