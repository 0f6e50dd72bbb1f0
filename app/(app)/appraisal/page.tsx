import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDay, todayInShanghai } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { listAppraisalRounds } from "@/server/data/appraisal/get-appraisal";
import { OpenRoundForm } from "./_components/appraisal-forms";

export async function generateMetadata() {
  const t = await getTranslations("appraisal");
  return { title: t("title") };
}

/** 民主评议党员: the rounds the caller takes part in or oversees; a secretary opens one. */
export default async function AppraisalPage() {
  const actor = await requireActorForPage();
  const [{ rounds, branches }, t, locale] = await Promise.all([
    listAppraisalRounds(actor),
    getTranslations("appraisal"),
    getLocale() as Promise<Locale>,
  ]);
  const year = Number(todayInShanghai().slice(0, 4));
  return (
    <>
      <PageHeader title={t("title")} />
      <h2 className="mb-2 text-lg font-semibold">{t("rounds")}</h2>
      {rounds.length === 0 ? (
        <p className="mb-4 text-stone-600">{t("noRounds")}</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {rounds.map((r) => (
            <li key={r.id} className="rounded-md border border-stone-200 p-3 text-sm">
              <Link href={`/appraisal/${r.id}`} className="font-medium text-red-800 underline">
                {r.title}
              </Link>
              <span className="block text-stone-600">
                {r.orgName} ·{" "}
                {t("period", {
                  start: formatDay(r.startsOn, locale),
                  end: formatDay(r.endsOn, locale),
                })}{" "}
                · {t(`state.${r.state}`)}
                {r.hasVoted
                  ? ` · ${t("youVoted")}`
                  : r.mayVote && r.state === "open"
                    ? ` · ${t("youMayVote")}`
                    : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {branches.length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("openRound")}</h2>
          <OpenRoundForm branches={branches} year={year} />
        </>
      ) : null}
    </>
  );
}
