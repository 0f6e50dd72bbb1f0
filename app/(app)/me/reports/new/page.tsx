import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { todayInShanghai } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { SelfReportForm } from "../../_components/self-report-form";

export async function generateMetadata() {
  const t = await getTranslations("me.form");
  return { title: t("newTitle") };
}

export default async function NewSelfReportPage() {
  const actor = await requireActorForPage();
  if (!actor.memberId) notFound();
  const t = await getTranslations("me");
  return (
    <>
      <PageHeader
        title={t("form.newTitle")}
        subtitle={t("form.newIntro")}
        actions={
          <LinkButton href="/me" variant="secondary">
            {t("reports.back")}
          </LinkButton>
        }
      />
      {/* A fresh key each time the page is rendered: a double submit creates one record. */}
      <SelfReportForm mode="create" idempotencyKey={randomUUID()} today={todayInShanghai()} />
    </>
  );
}
