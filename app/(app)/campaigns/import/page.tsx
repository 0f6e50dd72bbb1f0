import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/get-actor";
import { listCampaignRootOptions } from "@/server/data/campaigns/list-campaign-root-options";
import { ImportCampaignForm } from "./_components/import-campaign-form";

export async function generateMetadata() {
  const t = await getTranslations("campaigns.import");
  return { title: t("title") };
}

export default async function ImportCampaignPage() {
  const actor = await requirePagePermission("campaign.manage");
  const [t, orgs] = await Promise.all([
    getTranslations("campaigns.import"),
    listCampaignRootOptions(actor),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("intro")} />
      <ImportCampaignForm orgs={orgs} />
    </>
  );
}
