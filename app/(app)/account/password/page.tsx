import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireActorForPage } from "@/server/auth/get-actor";
import { ActiveSessions } from "./_components/active-sessions";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata() {
  const t = await getTranslations("admin.password");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const actor = await requireActorForPage();
  const t = await getTranslations("admin.password");
  return (
    <div>
      <PageHeader title={t("title")} subtitle={t("subtitle", { username: actor.username })} />
      <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
        <p className="mb-4 text-sm text-stone-700">{t("intro")}</p>
        <ChangePasswordForm username={actor.username} />
      </section>
      <ActiveSessions actor={actor} />
    </div>
  );
}
