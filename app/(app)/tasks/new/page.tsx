import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getTaskFormOptions } from "@/server/data/tasks/get-task";
import { isAppError } from "@/server/errors";
import { NewTaskForm } from "../_components/task-forms";

type Props = { searchParams: Promise<{ campaignId?: string }> };

export default async function NewTaskPage({ searchParams }: Props) {
  const actor = await requireActorForPage();
  const { campaignId } = await searchParams;
  const options = await getTaskFormOptions(actor, campaignId ?? "").catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!options.canManage) notFound();
  const t = await getTranslations("tasks");
  return (
    <>
      <PageHeader title={t("newTask")} subtitle={options.campaign.name} />
      <NewTaskForm
        campaignId={options.campaign.id}
        departments={options.departments}
        orgs={options.orgs}
        min={options.campaign.startDate}
        max={options.campaign.endDate}
      />
    </>
  );
}
