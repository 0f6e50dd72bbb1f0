import type { OrgKind, OrgLevel } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { coversWholeTenant } from "../../authz/org-ids-within";
import { orgScopeWhere, scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";

export type OrgTreeNode = {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  nameEn: string | null;
  code: string;
  level: OrgLevel;
  kind: OrgKind;
  /** Current members of this organization itself. */
  directMemberCount: number;
  /** Current members of this organization and everything below it. */
  memberCount: number;
  children: OrgTreeNode[];
};

/**
 * The current (open) organizations the actor may read, as a forest (one tree per scope root),
 * with member counts rolled up through the tree.
 */
export async function listOrgTree(actor: Actor): Promise<OrgTreeNode[]> {
  return withTenant(actor.tenantId, async (tx) => {
    const orgs = await tx.organization.findMany({
      where: { AND: [orgScopeWhere(actor, "org.read"), { validTo: null }] },
      orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        parentId: true,
        path: true,
        depth: true,
        name: true,
        nameEn: true,
        code: true,
        level: true,
        kind: true,
      },
    });
    // For a scope that is the whole university, every member is counted without listing a
    // thousand organization ids (counts of closed organizations are not in the tree and are
    // dropped by buildForest).
    const whole = await coversWholeTenant(tx, actor, scopeRoots(actor, "org.read"));
    const counts = await tx.member.groupBy({
      by: ["orgId"],
      where: {
        tenantId: actor.tenantId,
        leftAt: null,
        ...(whole ? {} : { orgId: { in: orgs.map((o) => o.id) } }),
      },
      _count: { _all: true },
    });
    return buildForest(orgs, new Map(counts.map((c) => [c.orgId, c._count._all])));
  });
}

type FlatOrg = Omit<OrgTreeNode, "children" | "directMemberCount" | "memberCount">;

/** Links flat rows into trees and rolls member counts up from the leaves. */
export function buildForest(orgs: FlatOrg[], directCounts: Map<string, number>): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>();
  for (const o of orgs) {
    const n = directCounts.get(o.id) ?? 0;
    // Written out rather than `{ ...o, directMemberCount: n, … }`: on Node 20 a spread followed by
    // more properties takes V8's slow path, about 5 µs per object, 5 ms for a thousand
    // organizations on every view of the tree (docs/performance.md, "Fifth round").
    byId.set(o.id, {
      id: o.id,
      parentId: o.parentId,
      path: o.path,
      depth: o.depth,
      name: o.name,
      nameEn: o.nameEn,
      code: o.code,
      level: o.level,
      kind: o.kind,
      directMemberCount: n,
      memberCount: n,
      children: [],
    });
  }
  const roots: OrgTreeNode[] = [];
  for (const o of orgs) {
    const node = byId.get(o.id)!;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // Deepest first, so each node's total is complete before it is added to its parent.
  const byDepth = [...byId.values()].sort((a, b) => b.depth - a.depth);
  for (const node of byDepth) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.memberCount += node.memberCount;
  }
  return roots;
}
