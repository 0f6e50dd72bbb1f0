import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { formatDay } from "@/lib/format";
import { OPINION_CATEGORIES } from "@/lib/schemas/opinion";
import { getPublicRound } from "@/server/data/opinions/public-opinion";
import { PublicOpinionForm, ReceiptLookup } from "./public-forms";

type Props = { params: Promise<{ token: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props) {
  const round = await getPublicRound((await params).token);
  const t = await getTranslations("opinions");
  return { title: round?.title ?? t("title"), robots: { index: false, follow: false } };
}

/**
 * A round's public page, reached through its secret link or QR code without an account. It shows
 * the round's topic and the form, never anyone's opinion; after submitting, a thank-you and a
 * receipt code with which the person can later read the answer to their own opinion.
 */
export default async function PublicRoundPage({ params }: Props) {
  const { token } = await params;
  const round = await getPublicRound(token);
  if (!round) notFound();
  const [t, locale] = await Promise.all([
    getTranslations("opinions"),
    getLocale() as Promise<Locale>,
  ]);
  const orgName = (o: { name: string; nameEn: string | null }) =>
    locale === "en" && o.nameEn ? o.nameEn : o.name;
  const questionLabel = (q: { id: string; label: string }) =>
    t.has(`question.${q.id}`) ? t(`question.${q.id}`) : q.label;
  return (
    <article className="grid gap-4">
      <header className="grid gap-1">
        <p className="text-sm text-stone-600">{round.tenantName}</p>
        <h1 className="text-xl font-semibold text-stone-900">{round.title}</h1>
        <p className="text-sm text-stone-700">
          {t("public.heading", { org: orgName(round.org), kind: t(`kind.${round.kind}`) })}
        </p>
        <p className="text-sm text-stone-700">
          {t("public.dates", {
            from: formatDay(round.opensOn, locale),
            to: formatDay(round.closesOn, locale),
          })}
        </p>
        {round.description ? (
          <p className="whitespace-pre-line text-base text-stone-800">{round.description}</p>
        ) : null}
      </header>
      {round.state === "closed" ? (
        <p className="rounded-md bg-stone-100 p-3 text-stone-800">{t("public.closed")}</p>
      ) : round.state === "upcoming" ? (
        <p className="rounded-md bg-stone-100 p-3 text-stone-800">
          {t("public.upcoming", { from: formatDay(round.opensOn, locale) })}
        </p>
      ) : (
        <>
          <p className="text-sm text-stone-600">{t("public.privacy")}</p>
          <PublicOpinionForm
            token={token}
            kind={round.kind}
            orgs={round.orgs.map((o) => ({ id: o.id, name: orgName(o), depth: o.depth }))}
            categories={OPINION_CATEGORIES.map((c) => ({ id: c, label: t(`category.${c}`) }))}
            questions={round.questions.map((q) => ({ id: q.id, label: questionLabel(q) }))}
          />
        </>
      )}
      {round.kind === "OPINION" ? <ReceiptLookup token={token} /> : null}
    </article>
  );
}
