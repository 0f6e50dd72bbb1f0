import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import type { Locale } from "@/i18n/config";
import { todayInShanghai } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { listPledgeCampaigns } from "@/server/data/pledges/list-pledge-campaigns";
import { PledgeForm } from "../../../pledges/_components/pledge-form";

export async function generateMetadata() {
  const t = await getTranslations("me.pledges");
  return { title: t("newTitle") };
}

/** A member makes their own public pledge to their branch (亮诺). */
export default async function NewMyPledgePage() {
  const actor = await requireActorForPage();
  if (!actor.memberId) notFound();
  const [campaigns, t, locale] = await Promise.all([
    listPledgeCampaigns(actor),
    getTranslations("me"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader
        title={t("pledges.newTitle")}
        subtitle={t("pledges.newIntro")}
        actions={
          <LinkButton href="/me" variant="secondary">
            {t("reports.back")}
          </LinkButton>
        }
      />
      <PledgeForm
        campaigns={campaigns.map((c) => ({
          id: c.id,
          label: locale === "en" && c.nameEn ? c.nameEn : c.name,
        }))}
        today={todayInShanghai()}
      />
    </>
  );
}
