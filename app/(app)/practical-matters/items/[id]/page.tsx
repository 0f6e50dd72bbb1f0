import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { getMatter } from "@/server/data/practical-matters/list-matters";
import { isAppError } from "@/server/errors";
import { CloseMatterForm } from "../../_components/matter-forms";

type Props = { params: Promise<{ id: string }> };

/** One item of a list; its owner closes it with evidence (对账销号). */
export default async function MatterPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const m = await getMatter(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("tasks"), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={
          // Department staff without task.read reach the item, not the whole list.
          can(actor, "task.read") ? (
            <Link href={`/practical-matters/${m.list.id}`} className="underline">
              {m.list.title}
            </Link>
          ) : (
            m.list.title
          )
        }
      />
      <dl className="mb-6 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-stone-700">{t("owner")}</dt>
        <dd>{m.owner}</dd>
        <dt className="font-medium text-stone-700">{t("dueDate")}</dt>
        <dd>
          {formatDay(m.dueDate, locale)}
          {m.overdue ? <span className="ml-2 font-medium text-red-800">{t("overdue")}</span> : null}
          {m.carried ? (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
              {t("carried")}
            </span>
          ) : null}
        </dd>
        <dt className="font-medium text-stone-700">{t("statusLabel")}</dt>
        <dd>{m.closedAt ? `${t("closed")} · ${formatDateTime(m.closedAt, locale)}` : t("open")}</dd>
        {m.closingNote ? (
          <>
            <dt className="font-medium text-stone-700">{t("closingNote")}</dt>
            <dd className="whitespace-pre-wrap">{m.closingNote}</dd>
          </>
        ) : null}
        {m.evidence.length > 0 ? (
          <>
            <dt className="font-medium text-stone-700">{t("evidence")}</dt>
            <dd>
              <ul className="list-disc pl-5">
                {m.evidence.map((e) => (
                  <li key={e.id}>{e.originalName}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {m.canClose ? <CloseMatterForm matterId={m.id} version={m.version} /> : null}
    </>
  );
}
