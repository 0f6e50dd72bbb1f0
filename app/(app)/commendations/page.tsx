import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay, todayInShanghai } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { listCommendationWindows } from "@/server/data/commendations/get-commendations";
import { OpenWindowForm } from "./_components/commendation-forms";

export async function generateMetadata() {
  const t = await getTranslations("commendations");
  return { title: t("title") };
}

/** 两优一先: the year's selections; the organization department opens one. */
export default async function CommendationsPage() {
  const actor = await requireActorForPage();
  const [{ windows, roots, campaigns }, t, locale] = await Promise.all([
    listCommendationWindows(actor),
    getTranslations("commendations"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      {windows.length === 0 ? (
        <p className="mb-4 text-stone-600">{t("noWindows")}</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {windows.map((w) => (
            <li key={w.id} className="rounded-md border border-stone-200 p-3 text-sm">
              <Link href={`/commendations/${w.id}`} className="font-medium text-red-800 underline">
                {w.title}
              </Link>
              <span className="block text-stone-600">
                {w.rootOrgName} · {formatDay(w.nominationStartsOn, locale)} –{" "}
                {formatDay(w.nominationEndsOn, locale)} · {t(`stage.${w.stage}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {roots.length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("openWindow")}</h2>
          <OpenWindowForm
            roots={roots}
            campaigns={campaigns}
            year={Number(todayInShanghai().slice(0, 4))}
          />
        </>
      ) : null}
    </>
  );
}
