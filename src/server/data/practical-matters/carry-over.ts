/**
 * 上期结转: when the next practical-matters list is created, every item of the previous list that
 * is still open becomes a new row of the new list pointing back at it (carriedFromId). The old
 * row stays as it was (its list's record is not rewritten); the new row keeps the title, owner
 * and deadline, so a late item stays visibly late. Pure, for unit tests.
 */
export type CarryableMatter = {
  id: string;
  title: string;
  ownerDepartmentId: string | null;
  ownerOrgId: string | null;
  dueDate: Date;
  closedAt: Date | null;
};

export type CarriedMatter = Omit<CarryableMatter, "id" | "closedAt"> & { carriedFromId: string };

export function carryOverRows(previous: readonly CarryableMatter[]): CarriedMatter[] {
  return previous
    .filter((m) => m.closedAt === null)
    .map((m) => ({
      title: m.title,
      ownerDepartmentId: m.ownerDepartmentId,
      ownerOrgId: m.ownerOrgId,
      dueDate: m.dueDate,
      carriedFromId: m.id,
    }));
}
