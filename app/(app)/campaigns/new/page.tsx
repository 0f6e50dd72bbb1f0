import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { todayInShanghai } from "@/lib/format";
import { campaignTemplates } from "@/rules";
import { requirePagePermission } from "@/server/auth/get-actor";
import { listCampaignRootOptions } from "@/server/data/campaigns/list-campaign-root-options";
import { NewCampaignForm } from "./_components/new-campaign-form";

export async function generateMetadata() {
  const t = await getTranslations("campaigns.new");
  return { title: t("title") };
}

export default async function NewCampaignPage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string }>;
}) {
  const actor = await requirePagePermission("campaign.manage");
  const [t, tc, orgs, { template }] = await Promise.all([
    getTranslations("campaigns.new"),
    getTranslations("campaigns"),
    listCampaignRootOptions(actor),
    searchParams,
  ]);
  const templates = campaignTemplates.map((tpl) => ({
    code: tpl.code,
    name: tpl.name,
    description: tc.has(`templates.${tpl.code}`) ? tc(`templates.${tpl.code}`) : tpl.nameEn,
    quotaCount: tpl.quotas.length,
    phaseCount: tpl.phases.length,
  }));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("intro")} />
      <NewCampaignForm
        templates={templates}
        orgs={orgs}
        today={todayInShanghai()}
        defaultTemplate={templates.some((x) => x.code === template) ? template : undefined}
      />
    </>
  );
}
