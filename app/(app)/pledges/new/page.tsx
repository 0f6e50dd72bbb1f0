import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/i18n/config";
import { todayInShanghai } from "@/lib/format";
import { requirePagePermission } from "@/server/auth/get-actor";
import { listPledgeOrgs } from "@/server/data/pledges/list-pledge-orgs";
import { listPledgeCampaigns } from "@/server/data/pledges/list-pledge-campaigns";
import { orgLabel } from "../_components/org-label";
import { PledgeForm } from "../_components/pledge-form";

export async function generateMetadata() {
  const t = await getTranslations("pledges");
  return { title: t("newForOrg") };
}

/** A secretary or administrator pledges for an organization they evaluate: pick it, then fill in the pledge. */
export default async function NewOrgPledgePage({
  searchParams,
}: {
  searchParams: Promise<{ orgId?: string }>;
}) {
  const actor = await requirePagePermission("pledge.evaluate");
  const { orgId } = await searchParams;
  const [orgs, t, locale] = await Promise.all([
    listPledgeOrgs(actor),
    getTranslations("pledges"),
    getLocale() as Promise<Locale>,
  ]);
  const options = orgs.filter((o) => o.evaluates);
  if (options.length === 0) notFound();
  const chosen = options.find((o) => o.id === orgId) ?? options[0]!;
  const campaigns = await listPledgeCampaigns(actor, chosen.id);
  const label = (x: { name: string; nameEn: string | null }) =>
    locale === "en" && x.nameEn ? x.nameEn : x.name;

  return (
    <>
      <PageHeader
        title={t("newForOrg")}
        actions={
          <LinkButton href={`/pledges?orgId=${chosen.id}`} variant="secondary">
            {t("detail.back")}
          </LinkButton>
        }
      />
      {options.length > 1 ? (
        <form
          method="get"
          className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3"
        >
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="pledge-org" className="text-sm font-medium text-stone-800">
              {t("form.org")}
            </label>
            <select
              id="pledge-org"
              name="orgId"
              defaultValue={chosen.id}
              className={`${inputClass} max-w-full sm:w-80`}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {orgLabel(o, locale, true)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 hover:bg-stone-50"
          >
            {t("show")}
          </button>
        </form>
      ) : null}
      <PledgeForm
        key={chosen.id}
        org={{ id: chosen.id, label: orgLabel(chosen, locale) }}
        campaigns={campaigns.map((c) => ({ id: c.id, label: label(c) }))}
        today={todayInShanghai()}
        initialRows={3}
      />
    </>
  );
}
