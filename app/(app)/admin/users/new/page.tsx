import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { hasTenantWideScope } from "@/server/data/users/user-scope";
import { CreateUserForm } from "../_components/create-user-form";

export async function generateMetadata() {
  const t = await getTranslations("admin.users.create");
  return { title: t("title") };
}

export default async function NewUserPage() {
  const actor = await requireActorForPage();
  if (!can(actor, "user.manage")) notFound();
  const t = await getTranslations("admin.users.create");
  const tc = await getTranslations("common.actions");
  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <LinkButton href="/admin/users" variant="secondary">
            {tc("back")}
          </LinkButton>
        }
      />
      <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
        <CreateUserForm memberRequired={!hasTenantWideScope(actor, "user.manage")} />
      </section>
    </div>
  );
}
