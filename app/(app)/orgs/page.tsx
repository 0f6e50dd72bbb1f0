import { getLocale, getTranslations } from "next-intl/server";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listOrgTree, type OrgTreeNode } from "@/server/data/organizations/list-org-tree";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { formatNumber } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { OrgTree, type OrgTreeView } from "./_components/org-tree";

export async function generateMetadata() {
  const t = await getTranslations("orgs");
  return { title: t("title") };
}

function countNodes(nodes: OrgTreeNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

/** Above this many organizations the tree is sent pruned: roots and their children, plus what is opened. */
const LARGE_TREE = 300;

/**
 * The tree as the page sends it. A university of a thousand branches would send every node (a
 * megabyte of HTML and data) on each view: there only the roots and their children go out, with
 * the count of what is hidden below each, plus the subtree of the organization opened by
 * `?open=<id>` (the ▶ of a collapsed college is a link to it).
 */
function viewForest(forest: OrgTreeNode[], open: string | undefined): OrgTreeView[] {
  const onPath = new Set<string>();
  if (open) {
    const find = (nodes: OrgTreeNode[], trail: string[]): boolean =>
      nodes.some((n) =>
        n.id === open
          ? (trail.concat(n.id).forEach((id) => onPath.add(id)), true)
          : find(n.children, trail.concat(n.id)),
      );
    find(forest, []);
  }
  const view = (node: OrgTreeNode, level: number, inOpen: boolean): OrgTreeView => {
    const within = inOpen || node.id === open;
    const show = level === 0 || within || onPath.has(node.id);
    return {
      ...node,
      children: show ? node.children.map((c) => view(c, level + 1, within)) : [],
      hiddenChildren: show ? 0 : node.children.length,
    };
  };
  return forest.map((root) => view(root, 0, false));
}

function fullView(nodes: OrgTreeNode[]): OrgTreeView[] {
  return nodes.map((n) => ({ ...n, children: fullView(n.children), hiddenChildren: 0 }));
}

export default async function OrgTreePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorForPage();
  const { open: openParam } = await searchParams;
  const open =
    typeof openParam === "string" && /^[0-9a-f-]{36}$/i.test(openParam) ? openParam : undefined;
  const [t, locale, forest] = await Promise.all([
    getTranslations("orgs"),
    getLocale() as Promise<Locale>,
    listOrgTree(actor),
  ]);
  const totalMembers = forest.reduce((n, root) => n + root.memberCount, 0);
  const size = countNodes(forest);
  const large = size > LARGE_TREE;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", {
          orgs: formatNumber(size, locale),
          members: formatNumber(totalMembers, locale),
        })}
        actions={
          can(actor, "org.manage") ? <LinkButton href="/orgs/new">{t("new")}</LinkButton> : null
        }
      />
      {large ? <p className="mb-2 text-sm text-stone-600">{t("largeTreeHint")}</p> : null}
      <OrgTree
        key={open ?? ""}
        forest={large ? viewForest(forest, open) : fullView(forest)}
        opened={open}
      />
    </>
  );
}
