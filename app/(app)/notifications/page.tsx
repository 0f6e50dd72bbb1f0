import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { listMyNotifications } from "@/server/data/notifications/notifications";
import { MarkReadButton } from "./_components/mark-read-button";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** The user's notification centre: reminders and weekly digests, unread first in the header count. */
export default async function NotificationsPage() {
  const actor = await requireActorForPage();
  const [items, t, locale] = await Promise.all([
    listMyNotifications(actor),
    getTranslations("notifications"),
    getLocale() as Promise<Locale>,
  ]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            <Link
              href="/calendar"
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50"
            >
              {t("calendar")}
            </Link>
            {unread > 0 ? <MarkReadButton id="all" label={t("markAll")} /> : null}
          </>
        }
      />
      {items.length === 0 ? (
        <p className="text-stone-600">{t("none")}</p>
      ) : (
        <ul className="grid gap-2">
          {items.map((n) => (
            <li
              key={n.id}
              className={`rounded-md border p-3 text-sm ${n.readAt ? "border-stone-200" : "border-red-300 bg-red-50/40"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-medium">
                    {!n.readAt ? (
                      <span className="mr-2 rounded bg-red-800 px-1.5 py-0.5 text-xs text-white">
                        {t("unread")}
                      </span>
                    ) : null}
                    {n.link ? (
                      <Link href={n.link} className="text-red-800 underline">
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  {n.body ? (
                    <p className="mt-1 whitespace-pre-wrap text-stone-700">{n.body}</p>
                  ) : null}
                  <p className="mt-1 text-xs text-stone-600">
                    {formatDateTime(n.createdAt, locale)}
                  </p>
                </div>
                {!n.readAt ? <MarkReadButton id={n.id} label={t("markRead")} /> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
