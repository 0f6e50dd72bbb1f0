import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { ReviewQueueQuery } from "@/lib/schemas/activity";
import { formatDay } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listReviewQueue } from "@/server/data/activities/list-review-queue";
import { BulkApproveForm } from "../_components/bulk-approve-form";
import { activityTypeLabel, orgLabel, type Translate } from "../_components/labels";
import { Pager } from "../_components/pager";

export async function generateMetadata() {
  const t = await getTranslations("activities.review");
  return { title: t("title") };
}

export default async function ReviewQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorForPage();
  if (!can(actor, "activity.review")) notFound();
  const query = ReviewQueueQuery.parse(await searchParams);
  const [queue, t, locale] = await Promise.all([
    listReviewQueue(actor, query),
    getTranslations("activities"),
    getLocale() as Promise<Locale>,
  ]);
  const tr = t as unknown as Translate;
  const rows = queue.items.map((item) => ({
    id: item.id,
    version: item.version,
    topic: item.topic,
    summary: [
      activityTypeLabel(tr, item.type, item.subType),
      formatDay(item.date, locale),
      orgLabel(item.org, locale),
    ].join(" · "),
    detail: [
      item.selfReporter
        ? t("review.reportedBy", {
            name: `${item.selfReporter.name}（${item.selfReporter.number}）`,
          })
        : t("review.recordedBy", { name: item.recordedBy ?? "—" }),
      t("list.present", { count: item.presentCount }),
      t("list.evidence", { count: item.evidenceCount }),
    ].join(" · "),
  }));

  return (
    <>
      <PageHeader
        title={t("review.title")}
        subtitle={t("review.subtitle", { total: queue.total })}
        actions={
          <LinkButton href="/activities" variant="secondary">
            {t("detail.backToList")}
          </LinkButton>
        }
      />
      {/* The form stays mounted when the queue empties, so "approved" still shows after the last. */}
      <BulkApproveForm
        rows={rows}
        empty={
          <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center">
            <p className="font-medium text-stone-800">{t("review.empty")}</p>
            <p className="mt-1 text-sm text-stone-600">{t("review.emptyHint")}</p>
          </div>
        }
      />
      {rows.length > 0 ? (
        <Pager
          basePath="/activities/review"
          params={new URLSearchParams()}
          page={queue.page}
          pages={queue.pageCount}
          total={queue.total}
        />
      ) : null}
    </>
  );
}
