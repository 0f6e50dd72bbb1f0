"use client";
import Link from "next/link";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { OrgTreeNode } from "@/server/data/organizations/list-org-tree";

/** A node as the page sends it: children left out on a large tree are counted in hiddenChildren. */
export type OrgTreeView = Omit<OrgTreeNode, "children"> & {
  children: OrgTreeView[];
  hiddenChildren: number;
};

/**
 * The organization tree with a toggle per node. The toggle is a button beside the link (not a
 * <summary> around it), so no interactive control sits inside another. A node whose children
 * were left out (a large tree) has a link instead, which asks the page for that subtree.
 */
export function OrgTree({ forest, opened }: { forest: OrgTreeView[]; opened?: string }) {
  const t = useTranslations("orgs");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [open, setOpen] = useState<Set<string>>(() => {
    // The roots, and the opened node with everything on the way to it.
    const ids = new Set(forest.map((root) => root.id));
    const walk = (nodes: OrgTreeView[], trail: string[]) =>
      nodes.forEach((n) => {
        if (n.id === opened) [...trail, n.id].forEach((id) => ids.add(id));
        walk(n.children, [...trail, n.id]);
      });
    if (opened) walk(forest, []);
    return ids;
  });
  const number = new Intl.NumberFormat(locale);

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function renderNode(node: OrgTreeView) {
    const name = locale === "en" && node.nameEn ? node.nameEn : node.name;
    const isOpen = open.has(node.id);
    const childListId = `org-children-${node.id}`;
    return (
      <li key={node.id} id={`org-${node.id}`}>
        <div className="flex min-h-11 items-center gap-1">
          {node.children.length > 0 ? (
            <button
              type="button"
              onClick={() => toggle(node.id)}
              aria-expanded={isOpen}
              aria-controls={childListId}
              aria-label={`${isOpen ? t("collapse") : t("expand")} ${name}`}
              className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded text-stone-600 hover:bg-stone-100"
            >
              <span
                aria-hidden="true"
                className={isOpen ? "rotate-90 transition-transform" : "transition-transform"}
              >
                ▶
              </span>
            </button>
          ) : node.hiddenChildren > 0 ? (
            <Link
              href={`/orgs?open=${node.id}#org-${node.id}`}
              scroll={false}
              aria-label={t("expandMore", { name, count: node.hiddenChildren })}
              className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded text-stone-600 hover:bg-stone-100"
            >
              <span aria-hidden="true">▶</span>
            </Link>
          ) : (
            <span className="inline-block w-11 shrink-0" aria-hidden="true" />
          )}
          <span className="flex flex-1 flex-wrap items-center justify-between gap-x-3 gap-y-1">
            <Link
              href={`/orgs/${node.id}`}
              className="font-medium text-red-900 underline-offset-2 hover:underline"
            >
              {name}
            </Link>
            <span className="flex items-center gap-2 text-xs text-stone-600">
              <span className="rounded bg-stone-100 px-1.5 py-0.5">
                {tc(`orgLevel.${node.level}`)}
              </span>
              <span className="rounded bg-stone-100 px-1.5 py-0.5">
                {tc(`orgKind.${node.kind}`)}
              </span>
              <span data-testid={`member-count-${node.code}`}>
                {t("members", { count: number.format(node.memberCount) })}
              </span>
            </span>
          </span>
        </div>
        {node.children.length > 0 && isOpen ? (
          <ul id={childListId} className="ml-5 border-l border-stone-200 pl-2">
            {node.children.map(renderNode)}
          </ul>
        ) : null}
      </li>
    );
  }

  return (
    <div>
      <div className="mb-2 flex gap-2">
        <button
          type="button"
          className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm hover:bg-stone-50"
          onClick={() => {
            const all = new Set<string>();
            const walk = (nodes: OrgTreeView[]) =>
              nodes.forEach((n) => (all.add(n.id), walk(n.children)));
            walk(forest);
            setOpen(all);
          }}
        >
          {t("expandAll")}
        </button>
        <button
          type="button"
          className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm hover:bg-stone-50"
          onClick={() => setOpen(new Set())}
        >
          {t("collapseAll")}
        </button>
      </div>
      <ul
        className="rounded-lg border border-stone-200 bg-white p-2"
        aria-label={t("title")}
        data-testid="org-tree"
      >
        {forest.map(renderNode)}
      </ul>
    </div>
  );
}
