import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { requirePagePermission } from "@/server/auth/get-actor";
import { getRoundFormOptions, listRounds } from "@/server/data/opinions/list-rounds";
import { NewRoundForm } from "./_components/opinion-forms";

export async function generateMetadata() {
  const t = await getTranslations("opinions");
  return { title: t("title") };
}

/** 征求意见 and 群众评议 rounds of the reader's subtree; managers open new ones. */
export default async function OpinionsPage() {
  const actor = await requirePagePermission("opinion.read");
  const [rounds, options, t, locale] = await Promise.all([
    listRounds(actor),
    getRoundFormOptions(actor),
    getTranslations("opinions"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {rounds.length === 0 ? (
        <p className="mb-4 text-stone-600">{t("none")}</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {rounds.map((r) => (
            <li key={r.id} className="rounded-md border border-stone-200 p-3 text-sm">
              <Link href={`/opinions/${r.id}`} className="font-medium text-red-800 underline">
                {r.title}
              </Link>
              <span className="block text-stone-600">
                {t(`kind.${r.kind}`)} ·{" "}
                {locale === "en" && r.org.nameEn ? r.org.nameEn : r.org.name} ·{" "}
                {t("dates", {
                  from: formatDay(r.opensOn, locale),
                  to: formatDay(r.closesOn, locale),
                })}{" "}
                · {t(`state.${r.state}`)} ·{" "}
                {t("counts", { received: r.received, answered: r.answered })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {options.orgs.length > 0 ? (
        <NewRoundForm orgs={options.orgs} campaigns={options.campaigns} />
      ) : null}
    </>
  );
}
