import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { quotaToFormValues } from "@/lib/schemas/campaign";
import { requireActorForPage } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import { getCampaign } from "@/server/data/campaigns/get-campaign";
import { QuotaForm } from "../../_components/quota-form";

type Props = { params: Promise<{ id: string; quotaId: string }> };

export async function generateMetadata() {
  const t = await getTranslations("campaigns.quotaForm");
  return { title: t("editTitle") };
}

export default async function EditQuotaPage({ params }: Props) {
  const { id, quotaId: rawQuotaId } = await params;
  const quotaId = safeDecode(rawQuotaId);
  const actor = await requireActorForPage();
  const detail = await getCampaign(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // Readers without campaign.manage over the root get the same answer as for a missing page.
  if (!detail.canManage) notFound();
  const quota = detail.definition.quotas.find((q) => q.id === quotaId);
  if (!quota) notFound();
  const t = await getTranslations("campaigns.quotaForm");
  return (
    <>
      <nav aria-label="breadcrumb" className="mb-2 text-sm text-stone-600">
        <Link
          href={`/campaigns/${detail.campaign.id}`}
          className="underline-offset-2 hover:underline"
        >
          {detail.campaign.name}
        </Link>
      </nav>
      <PageHeader title={`${t("editTitle")}：${quota.name}`} />
      <QuotaForm
        campaignId={detail.campaign.id}
        version={detail.campaign.version}
        values={quotaToFormValues(quota)}
        phases={(detail.definition.phases ?? []).map((p) => ({ id: p.id, name: p.name }))}
        isNew={false}
      />
    </>
  );
}

/** A path segment decoded once; a stray "%" (quota ids of imported files may hold one) stays as it is. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
