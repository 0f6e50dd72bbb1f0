import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { listMyCalendarTokens } from "@/server/data/calendar/calendar-tokens";
import { CreateTokenForm, RevokeTokenButton } from "./_components/calendar-forms";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("calendar") };
}

/** The user's private ICS feed: create (shown once) and revoke. */
export default async function CalendarPage() {
  const actor = await requireActorForPage();
  const [tokens, t, locale, h] = await Promise.all([
    listMyCalendarTokens(actor),
    getTranslations("notifications"),
    getLocale() as Promise<Locale>,
    headers(),
  ]);
  const host = h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return (
    <>
      <PageHeader title={t("calendar")} subtitle={t("calendarIntro")} />
      <CreateTokenForm origin={`${proto}://${host}`} />
      <ul className="mt-6 grid gap-2">
        {tokens.map((tok) => (
          <li
            key={tok.id}
            className="flex flex-wrap items-center gap-3 rounded-md border border-stone-200 p-3 text-sm"
          >
            <span>{t("createdAt", { date: formatDateTime(tok.createdAt, locale) })}</span>
            <span className={tok.revokedAt ? "text-stone-600" : "font-medium text-green-800"}>
              {tok.revokedAt ? t("revoked") : t("active")}
            </span>
            {!tok.revokedAt ? <RevokeTokenButton id={tok.id} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
