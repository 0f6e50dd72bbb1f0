import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import type { Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { ROSTER_COLUMNS } from "@/server/import/roster-columns";
import { ImportForm } from "./_components/import-form";

export async function generateMetadata() {
  const t = await getTranslations("members.import");
  return { title: t("title") };
}

export default async function ImportMembersPage() {
  const actor = await requireActorForPage();
  if (!can(actor, "member.manage")) notFound();
  const [t, tm, locale] = await Promise.all([
    getTranslations("members.import"),
    getTranslations("members"),
    getLocale() as Promise<Locale>,
  ]);
  const download =
    "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50";

  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <LinkButton href="/members" variant="secondary">
            {tm("detail.backToRoster")}
          </LinkButton>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid content-start gap-4">
          <div className="grid gap-2 text-sm text-stone-700">
            <p>{t("intro")}</p>
            <p className="font-medium text-stone-900">{t("allOrNothing")}</p>
            <p>{t("limits")}</p>
          </div>
          <ImportForm />
        </div>

        <aside className="grid content-start gap-4">
          <section
            aria-labelledby="templates-h"
            className="rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id="templates-h" className="mb-2 font-semibold">
              {t("templates")}
            </h2>
            <div className="flex flex-wrap gap-2">
              {/* Plain links: the route handler checks the session and member.manage itself. */}
              <a href="/api/members/import-template?format=xlsx" download className={download}>
                {t("templateXlsx")}
              </a>
              <a href="/api/members/import-template?format=csv" download className={download}>
                {t("templateCsv")}
              </a>
            </div>
          </section>

          <section aria-labelledby="columns-h">
            <h2 id="columns-h" className="mb-2 font-semibold">
              {t("columns")}
            </h2>
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("columnsCaption")}</caption>
                <thead className="bg-stone-50 text-stone-700">
                  <tr>
                    <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t("column")}
                    </th>
                    <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t("required")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("description")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {ROSTER_COLUMNS.map((c) => (
                    <tr key={c.key}>
                      <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                        {locale === "zh-CN" ? c.header : c.key}
                      </th>
                      <td className="whitespace-nowrap px-3 py-2">
                        {c.required ? t("requiredYes") : t("requiredNo")}
                      </td>
                      <td className="px-3 py-2 text-stone-700">{c.hint[locale]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </aside>
      </div>
    </>
  );
}
