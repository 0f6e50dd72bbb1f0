import type { OrgLevel } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { MEMBER_ORG_LEVELS } from "./member-rules";
import { compareZh } from "@/lib/collator";

export type MemberOrgOption = {
  id: string;
  name: string;
  nameEn: string | null;
  code: string;
  level: OrgLevel;
  depth: number;
};

/**
 * Open organizations for the roster's pickers, in tree order (parents before their children,
 * siblings by sort order and name) with depth relative to the actor's scope roots:
 * "read" — the roster filter; "manage" — where the actor may create or transfer members to.
 */
export async function listMemberOrgs(
  actor: Actor,
  purpose: "read" | "manage",
): Promise<MemberOrgOption[]> {
  const permission = purpose === "read" ? "member.read" : "member.manage";
  const orgs = await withTenant(actor.tenantId, (tx) =>
    tx.organization.findMany({
      where: {
        AND: [
          orgScopeWhere(actor, permission),
          { validTo: null },
          purpose === "manage" ? { level: { in: [...MEMBER_ORG_LEVELS] } } : {},
        ],
      },
      select: {
        id: true,
        parentId: true,
        name: true,
        nameEn: true,
        code: true,
        level: true,
        depth: true,
        sortOrder: true,
      },
    }),
  );
  const children = new Map<string | null, typeof orgs>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const org of orgs) {
    // A node whose parent is outside the list is a root of what the actor sees.
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(org);
    else children.set(parent, [org]);
  }
  const ordered: MemberOrgOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || compareZh(a.name, b.name),
    );
    for (const org of list) {
      ordered.push({
        id: org.id,
        name: org.name,
        nameEn: org.nameEn,
        code: org.code,
        level: org.level,
        depth,
      });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
