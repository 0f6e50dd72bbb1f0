import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { typeChoiceValue } from "@/lib/schemas/activity";
import { todayInShanghai } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getActivity } from "@/server/data/activities/get-activity";
import {
  listActivityOrgs,
  listCampaignOptions,
  listRoster,
} from "@/server/data/activities/recording-options";
import { isAppError } from "@/server/errors";
import { ActivityForm } from "../../_components/activity-form";
import { formatHours, orgLabel } from "../../_components/labels";

export async function generateMetadata() {
  const t = await getTranslations("activities.form");
  return { title: t("editTitle") };
}

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorForPage();
  const detail = await getActivity(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!detail.can.edit) notFound();
  const { activity: a, attendance, campaigns: linked } = detail;
  const [orgs, t, locale] = await Promise.all([
    listActivityOrgs(actor, "record"),
    getTranslations("activities"),
    getLocale() as Promise<Locale>,
  ]);
  // A record of an organization closed since keeps it (the data function checks it on save).
  const formOrgs = orgs.some((o) => o.id === a.orgId) ? orgs : [{ ...a.org, depth: 0 }, ...orgs];
  const [campaigns, roster] = await Promise.all([
    listCampaignOptions(
      actor,
      formOrgs,
      linked.map((c) => c.id),
    ),
    listRoster(actor, a.orgId, a.date).catch(() => []),
  ]);
  const onRoster = new Set(roster.map((m) => m.id));

  return (
    <>
      <PageHeader
        title={t("form.editTitle")}
        subtitle={a.topic}
        actions={
          <LinkButton href={`/activities/${a.id}`} variant="secondary">
            {t("form.cancel")}
          </LinkButton>
        }
      />
      <div className="max-w-3xl">
        <ActivityForm
          mode="edit"
          orgs={formOrgs}
          campaigns={campaigns}
          today={todayInShanghai()}
          initial={{
            id: a.id,
            version: a.version,
            orgId: a.orgId,
            typeValue: typeChoiceValue(a.type, a.subType),
            date: a.date,
            startTime: a.startTime ?? "",
            durationHours: formatHours(a.durationHours),
            place: a.place ?? "",
            topic: a.topic,
            content: a.content ?? "",
            hostMemberId: a.host?.id ?? "",
            days: a.days === null ? "" : formatHours(a.days),
            rows: attendance.map((r) => ({
              memberId: r.memberId,
              number: r.number,
              name: r.name,
              orgName: onRoster.has(r.memberId)
                ? null
                : orgLabel({ name: r.orgName, nameEn: r.orgNameEn }, locale),
              present: r.present,
              reason: r.absenceReason ?? "",
              hours: r.ownHours === null ? "" : formatHours(r.ownHours),
              extra: !onRoster.has(r.memberId),
            })),
            campaignIds: linked.map((c) => c.id),
          }}
        />
      </div>
    </>
  );
}
