import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { defaultDurationFor, isUuid } from "@/lib/schemas/activity";
import { todayInShanghai } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import {
  defaultRecordingOrg,
  listActivityOrgs,
  listCampaignOptions,
  listRoster,
} from "@/server/data/activities/recording-options";
import { ActivityForm } from "../_components/activity-form";
import { formatHours } from "../_components/labels";

export async function generateMetadata() {
  const t = await getTranslations("activities.form");
  return { title: t("createTitle") };
}

export default async function NewActivityPage({
  searchParams,
}: {
  searchParams: Promise<{ orgId?: string | string[] }>;
}) {
  const actor = await requireActorForPage();
  if (!can(actor, "activity.record")) notFound();
  const [orgs, t, { orgId }] = await Promise.all([
    listActivityOrgs(actor, "record"),
    getTranslations("activities"),
    searchParams,
  ]);
  // Only a preselection: the data function checks the organization again on submit.
  const chosen =
    typeof orgId === "string" && isUuid(orgId) && orgs.some((o) => o.id === orgId)
      ? orgId
      : defaultRecordingOrg(actor, orgs);
  const today = todayInShanghai();
  const [campaigns, roster] = await Promise.all([
    listCampaignOptions(actor, orgs),
    chosen ? listRoster(actor, chosen, today) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader
        title={t("form.createTitle")}
        actions={
          <LinkButton href="/activities" variant="secondary">
            {t("detail.backToList")}
          </LinkButton>
        }
      />
      {!chosen ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-stone-700">
          {t("form.noOrgs")}
        </p>
      ) : (
        <div className="max-w-3xl">
          <ActivityForm
            mode="create"
            orgs={orgs}
            campaigns={campaigns}
            today={today}
            initial={{
              orgId: chosen,
              typeValue: "",
              date: today,
              startTime: "",
              durationHours: formatHours(defaultDurationFor("")),
              place: "",
              topic: "",
              content: "",
              hostMemberId: roster.some((m) => m.id === actor.memberId) ? actor.memberId! : "",
              days: "",
              rows: roster.map((m) => ({
                memberId: m.id,
                number: m.number,
                name: m.name,
                orgName: null,
                present: true,
                reason: "",
                hours: "",
                extra: false,
              })),
              campaignIds: null,
            }}
          />
        </div>
      )}
    </>
  );
}
