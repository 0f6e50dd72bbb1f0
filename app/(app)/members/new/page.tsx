import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { todayInShanghai } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listMemberOrgs } from "@/server/data/members/list-member-orgs";
import { CreateMemberForm } from "../_components/create-member-form";

export async function generateMetadata() {
  const t = await getTranslations("members.form");
  return { title: t("createTitle") };
}

export default async function NewMemberPage({
  searchParams,
}: {
  searchParams: Promise<{ orgId?: string | string[] }>;
}) {
  const actor = await requireActorForPage();
  if (!can(actor, "member.manage")) notFound();
  const [orgs, t, { orgId }] = await Promise.all([
    listMemberOrgs(actor, "manage"),
    getTranslations("members"),
    searchParams,
  ]);
  // Only a preselection: the data function checks the organization again on submit.
  const defaultOrgId =
    typeof orgId === "string" && orgs.some((o) => o.id === orgId) ? orgId : undefined;
  return (
    <>
      <PageHeader
        title={t("form.createTitle")}
        actions={
          <LinkButton href="/members" variant="secondary">
            {t("detail.backToRoster")}
          </LinkButton>
        }
      />
      {orgs.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-stone-700">
          {t("form.noOrgs")}
        </p>
      ) : (
        <div className="max-w-3xl">
          <CreateMemberForm orgs={orgs} today={todayInShanghai()} defaultOrgId={defaultOrgId} />
        </div>
      )}
    </>
  );
}
