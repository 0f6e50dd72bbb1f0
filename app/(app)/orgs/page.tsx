import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listOrgTree, type OrgTreeNode } from "@/server/data/organizations/list-org-tree";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { formatNumber } from "@/lib/format";
import type { Locale } from "@/i18n/config";

export async function generateMetadata() {
  const t = await getTranslations("orgs");
  return { title: t("title") };
}

function countNodes(nodes: OrgTreeNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

export default async function OrgTreePage() {
  const actor = await requireActorForPage();
  const [t, tc, locale, forest] = await Promise.all([
    getTranslations("orgs"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
    listOrgTree(actor),
  ]);
  const totalMembers = forest.reduce((n, root) => n + root.memberCount, 0);

  function renderNode(node: OrgTreeNode) {
    const name = locale === "en" && node.nameEn ? node.nameEn : node.name;
    const label = (
      <span className="flex flex-1 flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <Link href={`/orgs/${node.id}`} className="font-medium text-red-900 underline-offset-2 hover:underline">
          {name}
        </Link>
        <span className="flex items-center gap-2 text-xs text-stone-600">
          <span className="rounded bg-stone-100 px-1.5 py-0.5">{tc(`orgLevel.${node.level}`)}</span>
          <span className="rounded bg-stone-100 px-1.5 py-0.5">{tc(`orgKind.${node.kind}`)}</span>
          <span data-testid={`member-count-${node.code}`}>{t("members", { count: formatNumber(node.memberCount, locale) })}</span>
        </span>
      </span>
    );
    if (node.children.length === 0) {
      return (
        <li key={node.id} className="flex min-h-11 items-center py-1 pl-6">
          {label}
        </li>
      );
    }
    return (
      <li key={node.id}>
        <details open={node.depth < 1} className="group">
          <summary className="flex min-h-11 cursor-pointer items-center gap-2 py-1 marker:text-stone-500">{label}</summary>
          <ul className="ml-3 border-l border-stone-200 pl-3">{node.children.map(renderNode)}</ul>
        </details>
      </li>
    );
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", { orgs: formatNumber(countNodes(forest), locale), members: formatNumber(totalMembers, locale) })}
        actions={can(actor, "org.manage") ? <LinkButton href="/orgs/new">{t("new")}</LinkButton> : null}
      />
      <ul className="rounded-lg border border-stone-200 bg-white p-3" aria-label={t("title")}>
        {forest.map(renderNode)}
      </ul>
    </>
  );
}
