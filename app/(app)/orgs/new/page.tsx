import { getTranslations } from "next-intl/server";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { notFound } from "next/navigation";
import { listManageableOrgs } from "@/server/data/organizations/get-organization";
import { PageHeader } from "@/components/ui/page-header";
import { todayInShanghai } from "@/lib/format";
import { CreateOrgForm } from "../_components/create-org-form";

export async function generateMetadata() {
  const t = await getTranslations("orgs.form");
  return { title: t("createTitle") };
}

export default async function NewOrgPage({
  searchParams,
}: {
  searchParams: Promise<{ parentId?: string }>;
}) {
  const actor = await requireActorForPage();
  if (!can(actor, "org.manage")) notFound();
  const [t, parents, { parentId }] = await Promise.all([
    getTranslations("orgs.form"),
    listManageableOrgs(actor),
    searchParams,
  ]);
  const options = parents
    .filter((p) => p.level !== "GROUP")
    .map((p) => ({ id: p.id, name: p.name, depth: p.depth }));
  return (
    <>
      <PageHeader title={t("createTitle")} />
      <CreateOrgForm parents={options} defaultParentId={parentId ?? ""} today={todayInShanghai()} />
    </>
  );
}
