import { getLocale, getTranslations } from "next-intl/server";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listOrgTree, type OrgTreeNode } from "@/server/data/organizations/list-org-tree";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { formatNumber } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { OrgTree } from "./_components/org-tree";

export async function generateMetadata() {
  const t = await getTranslations("orgs");
  return { title: t("title") };
}

function countNodes(nodes: OrgTreeNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

export default async function OrgTreePage() {
  const actor = await requireActorForPage();
  const [t, locale, forest] = await Promise.all([
    getTranslations("orgs"),
    getLocale() as Promise<Locale>,
    listOrgTree(actor),
  ]);
  const totalMembers = forest.reduce((n, root) => n + root.memberCount, 0);

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", {
          orgs: formatNumber(countNodes(forest), locale),
          members: formatNumber(totalMembers, locale),
        })}
        actions={
          can(actor, "org.manage") ? <LinkButton href="/orgs/new">{t("new")}</LinkButton> : null
        }
      />
      <OrgTree forest={forest} />
    </>
  );
}
