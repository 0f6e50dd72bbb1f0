import type { Prisma } from "@/generated/prisma/client";

/** What a pledge list shows of each pledge: its owner, its items with verdicts, and activity counts. */
export const pledgeSummarySelect = {
  id: true,
  title: true,
  orgId: true,
  memberId: true,
  createdById: true,
  createdAt: true,
  version: true,
  org: { select: { id: true, name: true, nameEn: true, path: true } },
  member: { select: { id: true, name: true } },
  campaign: { select: { id: true, name: true, nameEn: true } },
  items: {
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      dueDate: true,
      verdict: true,
      verdictComment: true,
      evaluatedAt: true,
      withdrawnAt: true,
      version: true,
      _count: { select: { progress: true } },
    },
  },
  _count: { select: { comments: true } },
} satisfies Prisma.PledgeSelect;

export type PledgeSummaryRow = Prisma.PledgeGetPayload<{ select: typeof pledgeSummarySelect }>;

/** Counts of a pledge's live items by where they stand. */
export function itemCounts(items: PledgeSummaryRow["items"]) {
  const live = items.filter((i) => !i.withdrawnAt);
  return {
    total: live.length,
    evaluated: live.filter((i) => i.verdict !== null).length,
    awaiting: live.filter((i) => i.verdict === null).length,
    withdrawn: items.length - live.length,
  };
}
