import type { OrgLevel } from "@/generated/prisma/enums";

const RANK: Record<OrgLevel, number> = { SCHOOL: 0, COLLEGE: 1, BRANCH: 2, GROUP: 3 };

/**
 * Which level may sit under which: colleges and general branches under the school committee;
 * branches under a college or directly under the school (直属党支部); party groups under a branch.
 */
export function canNestUnder(child: OrgLevel, parent: OrgLevel): boolean {
  switch (child) {
    case "SCHOOL":
      return false;
    case "COLLEGE":
      return parent === "SCHOOL";
    case "BRANCH":
      return parent === "SCHOOL" || parent === "COLLEGE";
    case "GROUP":
      return parent === "BRANCH";
  }
}

export function levelRank(level: OrgLevel): number {
  return RANK[level];
}

/** A DATE column value for "YYYY-MM-DD". */
export function dateOnly(iso: string): Date {
  return new Date(iso + "T00:00:00.000Z");
}
