import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireActorForPage } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import { getCampaign } from "@/server/data/campaigns/get-campaign";
import { QuotaForm } from "../_components/quota-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("campaigns.quotaForm");
  return { title: t("newTitle") };
}

export default async function NewQuotaPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const detail = await getCampaign(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!detail.canManage) notFound();
  const t = await getTranslations("campaigns.quotaForm");
  const taken = new Set(detail.definition.quotas.map((q) => q.id));
  let n = detail.definition.quotas.length + 1;
  while (taken.has(`q${n}`)) n++;
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
      <PageHeader title={t("newTitle")} />
      <QuotaForm
        campaignId={detail.campaign.id}
        version={detail.campaign.version}
        values={{
          quotaId: `q${n}`,
          structure: "simple",
          metric: "count",
          subjectKind: "organization",
          periodKind: "calendarYear",
          targetOp: "atLeast",
          weight: "1",
        }}
        phases={(detail.definition.phases ?? []).map((p) => ({ id: p.id, name: p.name }))}
        isNew
      />
    </>
  );
}
