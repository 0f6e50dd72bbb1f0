import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { formatDateTime } from "@/lib/format";
import type { Actor } from "@/server/authz/actor";
import {
  listOwnSessions,
  SESSION_IDLE_MINUTES,
  SESSION_MAX_AGE_SECONDS,
} from "@/server/auth/sessions";
import { EndSessionButton } from "./end-session-button";

/** The signed-in user's live sessions, with "end this session" for every one but the current. */
export async function ActiveSessions({ actor }: { actor: Actor }) {
  const t = await getTranslations("sessions");
  const locale = (await getLocale()) as Locale;
  const sessions = await listOwnSessions(actor);
  return (
    <section
      aria-labelledby="sessions-title"
      className="mt-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id="sessions-title" className="text-lg font-semibold text-stone-900">
        {t("title")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-stone-700">
        {t("intro", { idle: SESSION_IDLE_MINUTES, hours: SESSION_MAX_AGE_SECONDS / 3600 })}
      </p>
      <ul className="flex flex-col divide-y divide-stone-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
            <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-600">{t("device")}</dt>
              <dd className="break-all text-stone-900">{s.userAgent ?? t("unknown")}</dd>
              <dt className="text-stone-600">{t("address")}</dt>
              <dd className="text-stone-900">{s.ipAddress ?? t("unknown")}</dd>
              <dt className="text-stone-600">{t("createdAt")}</dt>
              <dd className="text-stone-900">{formatDateTime(s.createdAt, locale)}</dd>
              <dt className="text-stone-600">{t("lastSeenAt")}</dt>
              <dd className="text-stone-900">{formatDateTime(s.lastSeenAt, locale)}</dd>
            </dl>
            <div>
              {s.current ? (
                <span className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
                  {t("current")}
                </span>
              ) : (
                <EndSessionButton id={s.id} />
              )}
            </div>
          </li>
        ))}
      </ul>
      {sessions.length <= 1 ? <p className="text-sm text-stone-700">{t("none")}</p> : null}
    </section>
  );
}
